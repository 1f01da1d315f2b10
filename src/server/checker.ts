// Runs checks and scans off the event loop: on a piscina pool of workers that each load the saved
// index, or, when there is no index file (an index built in memory), here in this thread.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { CorpusIndex } from '../index/corpus-index.js';
import { TaohuaError } from '../errors.js';
import type { CheckWorkerData } from './check-worker.js';
import type { Options } from '../options.js';
import type { SourceDoc } from '../types.js';
import type { CheckFields } from './check-fields.js';
import { runTask, type CheckOutcome, type Outcome, type ScanOutcome, type Task } from './tasks.js';

export interface Checker {
  check(doc: SourceDoc, options: Options, fields?: CheckFields): Promise<CheckOutcome>;
  scan(options: Options): Promise<ScanOutcome>;
  /** Tasks waiting for a worker (0 in-process). */
  queued(): number;
  /** Whether another task would be refused. */
  full(): boolean;
  readonly threads: number;
  close(): Promise<void>;
}

export interface CheckerOptions {
  index: CorpusIndex;
  indexPath?: string;
  /** Worker threads; 0 or undefined: one per core (at most 8). */
  threads?: number;
  /** Tasks that may wait for a worker before requests are refused with 503. */
  maxQueue?: number;
}

export function createChecker(opts: CheckerOptions): Checker {
  return opts.indexPath === undefined ? inProcess(opts.index) : pool(opts.indexPath, opts);
}

/** Typed entry points over one untyped runner (a task's kind decides the outcome's type). */
function typed(run: (task: Task) => Promise<Outcome>): Pick<Checker, 'check' | 'scan'> {
  return {
    check: (doc, options, fields) => run({ kind: 'check', doc, options, fields }) as Promise<CheckOutcome>,
    scan: (options) => run({ kind: 'scan', options }) as Promise<ScanOutcome>,
  };
}

/**
 * Here, one task at a time in arrival order, yielding to I/O between tasks: requests that arrive
 * during a run of checks are served in turn instead of whenever the event loop picks their socket.
 */
function inProcess(index: CorpusIndex): Checker {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  const run = (task: Task): Promise<Outcome> => {
    waiting++;
    const result = tail.then(
      () =>
        new Promise<Outcome>((resolve) =>
          setImmediate(() => {
            waiting--;
            resolve(runTask(task, index));
          }),
        ),
    );
    tail = result;
    return result;
  };
  return {
    ...typed(run),
    queued: () => waiting,
    full: () => false,
    threads: 0,
    close: async () => {},
  };
}

function pool(indexPath: string, opts: CheckerOptions): Checker {
  const threads = opts.threads && opts.threads > 0 ? opts.threads : Math.min(8, availableParallelism());
  const maxQueue = opts.maxQueue ?? 1024;
  const data: CheckWorkerData = { indexPath };
  const p = new Piscina<Task, Outcome>({
    filename: workerPath(),
    minThreads: threads,
    maxThreads: threads,
    maxQueue,
    idleTimeout: 60_000,
    stricterFIFO: true, // a task that cannot be dispatched at once keeps its place: no request starves under load
    workerData: data,
  });
  return {
    ...typed((task) => p.run(task)),
    queued: () => p.queueSize,
    full: () => p.queueSize >= maxQueue,
    threads,
    close: () => p.close(),
  };
}

/**
 * The compiled worker next to this module (dist/src/server/check-worker.js), or, when this module
 * runs from TypeScript source (vitest), the one the build wrote under <repo>/dist.
 */
export function workerPath(): string {
  const here = fileURLToPath(new URL('./check-worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = fileURLToPath(new URL('../../dist/src/server/check-worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new TaohuaError('INTERNAL', `check worker not found at ${here} or ${built}; run npm run build`);
}
