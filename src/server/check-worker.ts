// A piscina worker: loads the saved index once (on its first task) and runs checks and scans.
//
// A task is stopped cooperatively: the server sets the task's shared stop flag, and the check's
// next sentence (or the next call into the word segmenter, for a scan) throws, which ends the task
// with a failure nobody waits for. The thread
// is never terminated mid-task, because nodejs-jieba aborts the process when its thread is
// terminated during a call (node-addon-api cannot throw into a terminating thread).

import { createRequire } from 'node:module';
import { workerData } from 'node:worker_threads';
import type { CorpusIndex } from '../index/corpus-index.js';
import { loadIndex } from '../index/store.js';
import { failure, runTask, type Outcome, type PoolTask } from './tasks.js';

export interface CheckWorkerData {
  indexPath: string;
}

let index: Promise<CorpusIndex> | undefined;
let stopFlag: Int32Array | undefined;

export default async function run(task: PoolTask): Promise<Outcome> {
  stopFlag = task.stop ? new Int32Array(task.stop) : undefined;
  try {
    stopSegmenterWhenAsked();
    const loading = (index ??= loadIndex((workerData as CheckWorkerData).indexPath));
    const loaded = await loading;
    throwIfStopped();
    return runTask(task, loaded, throwIfStopped);
  } catch (e) {
    if (!(e instanceof StoppedError)) index = undefined; // a failed load is retried by the next task
    return failure(e);
  } finally {
    stopFlag = undefined;
  }
}

class StoppedError extends Error {}

function throwIfStopped(): void {
  if (stopFlag !== undefined && Atomics.load(stopFlag, 0) === 1) throw new StoppedError('stopped');
}

let wrapped = false;

/** Wraps the segmenter's functions (the module object src/text/tokens.ts calls) with a stop check. */
function stopSegmenterWhenAsked(): void {
  if (wrapped) return;
  wrapped = true;
  const jieba = createRequire(import.meta.url)('nodejs-jieba') as Record<string, unknown>;
  for (const name of ['cut', 'cutAll', 'cutHMM', 'cutForSearch', 'cutSmall', 'tag', 'extract', 'textRankExtract']) {
    const f = jieba[name];
    if (typeof f !== 'function') continue;
    jieba[name] = (...args: unknown[]): unknown => {
      throwIfStopped();
      return (f as (...a: unknown[]) => unknown)(...args);
    };
  }
}
