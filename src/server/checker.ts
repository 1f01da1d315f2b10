// Runs checks and scans off the event loop: on a piscina pool of workers that each load the saved
// index, or, when there is no index file (an index built in memory), here in this thread.

import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { CorpusIndex } from '../index/corpus-index.js';
import type { CheckWorkerData } from './check-worker.js';
import type { Options } from '../options.js';
import type { SourceDoc } from '../types.js';
import type { CheckFields } from './check-fields.js';
import { runTask, type CheckOutcome, type Outcome, type PoolTask, type ReportOutcome, type ScanOutcome, type Task } from './tasks.js';
import { builtWorker } from './worker-file.js';

/**
 * When a task's signal aborts, the promise rejects at once with the signal's reason. A task that
 * waits is dropped; one that runs on a worker is asked to stop, and does at its next call into the
 * word segmenter (see check-worker.ts). Workers are never terminated in the middle of a task:
 * nodejs-jieba aborts the whole process when its thread is terminated during a call. In-process,
 * a running task cannot be stopped: only waiting ones are dropped.
 */
export interface Checker {
  check(doc: SourceDoc, options: Options, fields?: CheckFields, signal?: AbortSignal): Promise<CheckOutcome>;
  report(doc: SourceDoc, options: Options, fields?: CheckFields, signal?: AbortSignal): Promise<ReportOutcome>;
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
    check: (doc, options, fields, signal) => run({ kind: 'check', doc, options, fields }, signal) as Promise<CheckOutcome>,
    report: (doc, options, fields, signal) => run({ kind: 'report', doc, options, fields }, signal) as Promise<ReportOutcome>,
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
  const p = new Piscina<PoolTask, Outcome>({
    filename: workerPath(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: data,
  });
  // Tasks are handed to piscina only when a worker is free, so that the ones still waiting (here,
  // in arrival order) can be dropped without touching a worker.
  let running = 0;
  const waiting: (() => void)[] = [];
  const startNext = (): void => {
    while (running < threads && waiting.length > 0) waiting.shift()?.();
  };
  const run: Runner = (task, signal) =>
    new Promise<Outcome>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const stop = new SharedArrayBuffer(4);
      const askToStop = (): void => {
        Atomics.store(new Int32Array(stop), 0, 1);
        reject(signal?.reason);
      };
      const drop = (): void => {
        const i = waiting.indexOf(start);
        if (i >= 0) waiting.splice(i, 1);
        reject(signal?.reason);
      };
      const start = (): void => {
        signal?.removeEventListener('abort', drop);
        signal?.addEventListener('abort', askToStop, { once: true });
        running++;
        p.run({ ...task, stop })
          .then(resolve, reject)
          .finally(() => {
            running--;
            signal?.removeEventListener('abort', askToStop);
            startNext();
          });
      };
      waiting.push(start);
      signal?.addEventListener('abort', drop, { once: true });
      startNext();
    });
  return {
    ...typed(run),
    queued: () => waiting.length,
    full: () => waiting.length >= maxQueue,
    threads,
    close: async () => {
      waiting.length = 0; // never started; their requests were answered when their work stopped
      await p.close();
    },
  };
}

export function workerPath(): string {
  return builtWorker('check-worker');
}
