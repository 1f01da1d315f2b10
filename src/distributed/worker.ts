// `taohua worker --redis redis://HOST:PORT`: takes map and reduce jobs of any run from the shared
// queue until closed. A worker that dies mid-job loses nothing: its lock expires after
// lockDurationMs, a live worker's stalled-job check puts the job back, another worker redoes it
// and overwrites the same keys.
import { Worker, type Job } from 'bullmq';
import { connect, createClient, messageOf, redactUrl, within } from './connection.js';
import { QUEUE_NAME, QUEUE_PREFIX } from './keys.js';
import { runMapJob } from './map-job.js';
import { runReduceJob } from './reduce-job.js';
import type { MapJobData, ReduceJobData } from './run-data.js';

export interface WorkerOptions {
  redis: string;
  /** Jobs run at once in this process (default 1: the work is CPU-bound, run one process per core). */
  concurrency?: number;
  onLog?(line: string): void;
  /** A job whose worker stops renewing its lock for this long is taken over (default 30 s). */
  lockDurationMs?: number;
  /** Called before each job (tests inject failures here). */
  beforeJob?(name: string, data: unknown, attemptsMade: number): void | Promise<void>;
}

export interface RunningWorker {
  close(): Promise<void>;
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const log = o.onLog ?? (() => {});
  const conn = createClient(o.redis);
  const data = createClient(o.redis);
  await connect(conn, o.redis);
  await connect(data, o.redis);
  const lock = o.lockDurationMs ?? 30_000;
  const processor = async (job: Job): Promise<string> => {
    await o.beforeJob?.(job.name, job.data, job.attemptsMade);
    if (job.name === 'map') return runMapJob(data, job.data as MapJobData);
    if (job.name === 'reduce') return runReduceJob(data, job.data as ReduceJobData);
    return 'ok'; // the stage barriers
  };
  const worker = new Worker(QUEUE_NAME, processor, {
    connection: conn,
    prefix: QUEUE_PREFIX,
    concurrency: o.concurrency && o.concurrency > 0 ? o.concurrency : 1,
    lockDuration: lock,
    stalledInterval: lock,
    maxStalledCount: 2,
  });
  worker.on('error', (e) => log(`worker: ${messageOf(e)}`));
  worker.on('failed', (job, e) => log(`${job?.name ?? 'job'} ${job?.id ?? ''} failed: ${e.message}`));
  worker.on('completed', (job, r) => log(`${job.name} ${job.id ?? ''}: ${String(r)}`));
  conn.on('close', () => log(`connection to ${redactUrl(o.redis)} closed; reconnecting`));
  await worker.waitUntilReady();
  return {
    /**
     * Lets a running job finish (up to 5 s) while Redis is there; without Redis nothing can
     * finish, so the jobs are abandoned at once (their locks expire and another worker redoes
     * them). Either way close() returns within a few seconds.
     */
    async close() {
      const up = conn.status === 'ready' && data.status === 'ready';
      await within(worker.close(!up), up ? 5000 : 1000);
      conn.disconnect();
      data.disconnect();
    },
  };
}
