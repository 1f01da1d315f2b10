// A piscina worker: loads the saved index once (on its first task) and runs checks and scans.

import { workerData } from 'node:worker_threads';
import type { CorpusIndex } from '../index/corpus-index.js';
import { loadIndex } from '../index/store.js';
import { failure, runTask, type Outcome, type Task } from './tasks.js';

export interface CheckWorkerData {
  indexPath: string;
}

let index: Promise<CorpusIndex> | undefined;

export default async function run(task: Task): Promise<Outcome> {
  try {
    const loading = (index ??= loadIndex((workerData as CheckWorkerData).indexPath));
    return runTask(task, await loading);
  } catch (e) {
    index = undefined; // a failed load is retried by the next task
    return failure(e);
  }
}
