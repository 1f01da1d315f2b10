// One upload's extraction on a thread of its own (started per upload): the server can stop it at
// any moment (time budget, client gone, shutdown) and a file that exhausts its heap kills only it.

import { parentPort, workerData } from 'node:worker_threads';
import { extractText, type ExtractLimits, type ExtractResult } from '../io/extract.js';

export interface ExtractJob {
  name: string;
  bytes: Uint8Array;
  limits: ExtractLimits;
}

const job = workerData as ExtractJob;
const result: ExtractResult = await extractText(job.name, job.bytes, job.limits);
parentPort?.postMessage(result);
