// The Redis/BullMQ path: the same results as one machine, computed by `taohua worker` processes.
import { TaohuaError } from '../../errors.js';
import type { Options } from '../../options.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import { readInputsReporting } from '../corpus.js';
import { distributedIndex, distributedScan } from '../../distributed/coordinator.js';
import { normaliseOptions } from '../../options.js';
import type { ScanResult, SourceDoc } from '../../types.js';
import { engineOptions } from '../args.js';
import { startWorker } from '../../distributed/worker.js';
import { redactUrl } from '../../distributed/connection.js';
import { intFlag, type Flags } from '../args.js';
import { warn } from '../output.js';
import { progressBar } from '../progress.js';

export async function distributedIndexFromFlags(
  flags: Flags,
  paths: string[],
  options: Options,
): Promise<{ index: CorpusIndex; problems: number }> {
  const { docs, problems } = await readCorpus(paths);
  const index = await withBar(flags, 'indexing (redis)', (onProgress) => distributedIndex({ redis: flags.redis!, docs, options, onProgress }));
  return { index, problems };
}

export async function distributedScanFromFlags(flags: Flags, paths: string[]): Promise<{ result: ScanResult; problems: number }> {
  if (flags.index) throw new TaohuaError('USAGE', '--redis scans corpus paths; a saved index is scanned on this machine (drop --redis)');
  // As on one machine, --min-chars is the shortest phrase listed, not a unit parameter.
  const base = normaliseOptions(engineOptions({ ...flags, 'min-chars': undefined }));
  const formulaChars = intFlag(flags['min-chars'], 'min-chars') ?? base.match.formulaChars;
  const options = { ...base, match: { ...base.match, formulaChars } };
  const { docs, problems } = await readCorpus(paths);
  const result = await withBar(flags, 'scanning (redis)', (onProgress) => distributedScan({ redis: flags.redis!, docs, options, onProgress }));
  return { result, problems };
}

async function readCorpus(paths: string[]): Promise<{ docs: SourceDoc[]; problems: number }> {
  if (!paths.length) throw new TaohuaError('USAGE', 'no corpus: give PATH...');
  const { docs, problems } = await readInputsReporting(paths);
  return { docs, problems: problems.length };
}

type QueueProgress = (p: { phase: string; done: number; total: number }) => void;

async function withBar<T>(flags: Flags, label: string, run: (onProgress: QueueProgress) => Promise<T>): Promise<T> {
  const bar = progressBar(label, !flags.quiet && process.stderr.isTTY === true);
  try {
    return await run((p) => bar.update({ done: p.done, total: p.total, chars: 0, unit: p.phase === 'map' ? 'shards' : 'partitions' }));
  } finally {
    bar.done();
  }
}

export async function runWorker(flags: Flags): Promise<number> {
  if (!flags.redis) throw new TaohuaError('USAGE', 'worker needs --redis redis://HOST:PORT');
  const concurrency = normaliseOptions({ threads: intFlag(flags.threads, 'threads') }).threads;
  const worker = await startWorker({ redis: flags.redis, concurrency });
  if (!flags.quiet) warn(`worker connected to ${redactUrl(flags.redis)} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = (): void => void worker.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // BullMQ's own connections may still be retrying a Redis that is gone: do not wait for them.
  setTimeout(() => process.exit(0), 100).unref();
  return 0;
}
