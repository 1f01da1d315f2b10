import { TaohuaError } from '../../errors.js';
import { loadIndex } from '../../index/store.js';
import { startServer } from '../../server/server.js';
import { engineOptions, intFlag, type Flags } from '../args.js';
import { warn } from '../output.js';
import { attachMeta } from '../meta.js';

export async function runServe(flags: Flags): Promise<number> {
  if (!flags.index) throw new TaohuaError('USAGE', 'serve needs --index FILE (build one with taohua index PATH... -o FILE)');
  const index = await loadIndex(flags.index);
  attachMeta(index.docs, undefined, true);
  const port = intFlag(flags.port, 'port') ?? 8080;
  const host = flags.host ?? '127.0.0.1';
  const server = await startServer({ index, indexPath: flags.index, host, port, threads: intFlag(flags.threads, 'threads'), options: engineOptions(flags) });
  if (!flags.quiet) warn(`serving ${index.docs.length} documents at ${server.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = (): void => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
