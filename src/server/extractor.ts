// Uploads are extracted on threads started per upload, at most `extractions` at once, each with a
// bounded heap and stopped (terminated) as soon as the request's work is stopped.

import { Worker } from 'node:worker_threads';
import type { ExtractLimits, ExtractResult } from '../io/extract.js';
import type { ExtractJob } from './extract-worker.js';
import { HttpError } from './http-errors.js';
import type { ServerLimits } from './limits.js';
import { builtWorker } from './worker-file.js';

export class Extractor {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private file: string | undefined;

  constructor(private readonly limits: ServerLimits) {}

  /** Extractions running now (for tests and /healthz). */
  get active(): number {
    return this.running;
  }

  async extract(name: string, bytes: Uint8Array, chars: number, signal: AbortSignal): Promise<ExtractResult> {
    await this.slot(signal);
    try {
      signal.throwIfAborted();
      return await this.onThread({ name, bytes, limits: this.extractLimits(chars) }, signal);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private extractLimits(chars: number): ExtractLimits {
    return { inflatedBytes: this.limits.inflatedBytes, pdfPages: this.limits.pdfPages, chars };
  }

  /** Waits for a free thread; refuses with 503 when too many uploads wait already. */
  private slot(signal: AbortSignal): Promise<void> {
    if (this.running < this.limits.extractions) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.extractQueue) {
      return Promise.reject(new HttpError(503, 'BUSY', 'too many uploads waiting; try again shortly'));
    }
    return new Promise((resolve, reject) => {
      const go = (): void => {
        signal.removeEventListener('abort', leave);
        this.running++;
        resolve();
      };
      const leave = (): void => {
        const i = this.waiting.indexOf(go);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal.reason);
      };
      this.waiting.push(go);
      signal.addEventListener('abort', leave, { once: true });
    });
  }

  private onThread(job: ExtractJob, signal: AbortSignal): Promise<ExtractResult> {
    return new Promise((resolve, reject) => {
      this.file ??= builtWorker('extract-worker');
      const worker = new Worker(this.file, {
        workerData: job,
        // A worker inherits the process's flags; --input-type (node -e) is refused by workers.
        execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')),
        resourceLimits: { maxOldGenerationSizeMb: this.limits.extractHeapMb, maxYoungGenerationSizeMb: 32 },
        stdout: true,
        stderr: true,
      });
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', stop);
        fn();
        void worker.terminate();
      };
      const stop = (): void => settle(() => reject(signal.reason));
      signal.addEventListener('abort', stop, { once: true });
      worker.once('message', (r: ExtractResult) => settle(() => resolve(r)));
      worker.once('error', (e: NodeJS.ErrnoException) => settle(() => reject(workerFailure(e, this.limits.extractHeapMb))));
      worker.once('exit', () => settle(() => reject(new HttpError(500, 'INTERNAL', 'the extraction thread stopped without an answer'))));
    });
  }
}

function workerFailure(e: NodeJS.ErrnoException, heapMb: number): HttpError {
  if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new HttpError(413, 'TOO_LARGE', `reading the file needs more than ${heapMb} MB: refused`);
  }
  return new HttpError(500, 'INTERNAL', `extraction failed (${e.message.split('\n')[0]})`);
}
