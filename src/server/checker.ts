// Runs checks and scans off the event loop: on a piscina pool of workers that each load the saved
// index, or, when there is no index file (an index built in memory), here in this thread.

import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { CorpusIndex } from '../index/corpus-index.js';
import type { CheckWorkerData } from './check-worker.js';
import type { Options } from '../options.js';
import type { SourceDoc } from '../types.js';
import { runTask, type CheckOutcome, type Outcome, type ReportOutcome, type ScanOutcome, type Task } from './tasks.js';
import { builtWorker } from './worker-file.js';

/**
 * A task whose signal aborts is dropped if it waits, and its worker is terminated if it runs (the
 * pool starts another); the promise then rejects with the signal's reason. In-process, a running
 * task cannot be stopped: only waiting ones are dropped.
 */
export interface Checker {
  check(doc: SourceDoc, options: Options, signal?: AbortSignal): Promise<CheckOutcome>;
  report(doc: SourceDoc, options: Options, signal?: AbortSignal): Promise<ReportOutcome>;
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

type Runner = (task: Task, signal?: AbortSignal) => Promise<Outcome>;

/** Typed entry points over one untyped runner (a task's kind decides the outcome's type). */
function typed(run: Runner): Pick<Checker, 'check' | 'report' | 'scan'> {
  return {
    check: (doc, options, signal) => run({ kind: 'check', doc, options }, signal) as Promise<CheckOutcome>,
    report: (doc, options, signal) => run({ kind: 'report', doc, options }, signal) as Promise<ReportOutcome>,
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
  const run: Runner = (task, signal) => {
    waiting++;
    const result = tail.then(
      () =>
        new Promise<Outcome>((resolve, reject) =>
          setImmediate(() => {
            waiting--;
            if (signal?.aborted) reject(signal.reason);
            else resolve(runTask(task, index));
          }),
        ),
    );
    tail = result.catch(() => undefined);
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
    ...typed((task, signal) => (signal ? p.run(task, { signal }).catch(rethrowReason(signal)) : p.run(task))),
    queued: () => p.queueSize,
    full: () => p.queueSize >= maxQueue,
    threads,
    close: () => p.close({ force: true }),
  };
}

/** piscina rejects an aborted task with its own AbortError: give the caller the signal's reason. */
function rethrowReason(signal: AbortSignal): (e: unknown) => never {
  return (e) => {
    throw signal.aborted ? signal.reason : e;
  };
}

export function workerPath(): string {
  return builtWorker('check-worker');
}
