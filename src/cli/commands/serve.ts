import { lookup } from 'node:dns/promises';
import { createServer as createNetServer, isIP } from 'node:net';
import { TaohuaError } from '../../errors.js';
import { loadIndex } from '../../index/store.js';
import { startServer } from '../../server/server.js';
import { engineOptions, intFlag, type Flags } from '../args.js';
import { warn } from '../output.js';
import { attachMeta } from '../meta.js';

/** After SIGINT/SIGTERM, work in flight is stopped; past this the process exits whatever still runs. */
const SHUTDOWN_MS = 5_000;

export async function runServe(flags: Flags): Promise<number> {
  if (!flags.index) throw new TaohuaError('USAGE', 'serve needs --index FILE (build one with taohua index PATH... -o FILE)');
  const port = portFlag(flags.port);
  const host = await hostFlag(flags.host ?? '127.0.0.1');
  // Whether the address can be had, before the index is loaded and the workers started.
  if (port !== 0) await listen(host, port, () => probe(host, port));
  const index = await loadIndex(flags.index);
  attachMeta(index.docs, undefined, true);
  const server = await listen(host, port, () =>
    startServer({ index, indexPath: flags.index, host, port, threads: intFlag(flags.threads, 'threads'), options: engineOptions(flags) }),
  );
  if (!flags.quiet) warn(`serving ${index.docs.length} documents at ${server.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      setTimeout(() => process.exit(0), SHUTDOWN_MS).unref();
      void server.close().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

function portFlag(raw: string | undefined): number {
  const port = intFlag(raw, 'port') ?? 8080;
  if (port < 0 || port > 65535) throw new TaohuaError('USAGE', `--port must be 0 to 65535 (got ${raw})`);
  return port;
}

/** An IP address, or a name that resolves (to an address this machine must then have). */
async function hostFlag(host: string): Promise<string> {
  if (isIP(host) !== 0) return host;
  if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(host) || /^[\d.]+$/.test(host)) {
    throw new TaohuaError('USAGE', `--host ${JSON.stringify(host)} is not an IP address or host name`);
  }
  try {
    await lookup(host);
  } catch {
    throw new TaohuaError('USAGE', `--host ${host}: no such host`);
  }
  return host;
}

/** Binds host:port and lets go at once. */
function probe(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}

/** Starts the server; a taken port or an address this machine does not have is one line, not a stack trace. */
async function listen<T>(host: string, port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    if (code === 'EADDRINUSE') throw new TaohuaError('UNREADABLE', `${where} is in use: choose another --port`);
    if (code === 'EACCES') throw new TaohuaError('UNREADABLE', `${where}: permission denied (ports below 1024 need privileges)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAFNOSUPPORT') {
      throw new TaohuaError('USAGE', `--host ${host} is not an address of this machine`);
    }
    throw e;
  }
}
