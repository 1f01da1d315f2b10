// One stage of a run as a BullMQ flow: a barrier parent with one child job per shard (map) or per
// partition (reduce). The parent completes when every child has; a child that fails all its
// attempts fails the parent (failParentOnFailure), which the coordinator turns into an error
// naming the shard or partition and the cause.
import { FlowProducer, Job, Queue } from 'bullmq';
import { TaohuaError } from '../errors.js';
import type { Client } from './connection.js';
import { QUEUE_NAME, QUEUE_PREFIX, type RunKeys } from './keys.js';

export type Stage = 'map' | 'reduce';

export const JOB_ATTEMPTS = 3;
const POLL_MS = 200;

export async function addStage(flow: FlowProducer, keys: RunKeys, stage: Stage, count: number, data: (i: number) => object): Promise<void> {
  await flow.add({
    name: `${stage}s-done`,
    queueName: QUEUE_NAME,
    prefix: QUEUE_PREFIX,
    data: { runId: keys.runId },
    opts: { jobId: keys.jobId(`${stage}s-done`) },
    children: Array.from({ length: count }, (_, i) => ({
      name: stage,
      queueName: QUEUE_NAME,
      prefix: QUEUE_PREFIX,
      data: data(i),
      opts: {
        jobId: keys.jobId(stage, i),
        attempts: JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: 500 },
        removeOnComplete: true,
        failParentOnFailure: true,
      },
    })),
  });
}

/** Waits for a stage, calling onDone with the numbers of finished children as they come in. */
export async function waitStage(
  queue: Queue,
  client: Client,
  keys: RunKeys,
  stage: Stage,
  count: number,
  describe: (i: number) => string,
  onDone: (done: number[]) => void,
): Promise<void> {
  const parent = keys.jobId(`${stage}s-done`);
  let reported = -1;
  for (;;) {
    const state = await queue.getJobState(parent);
    const done = (await client.smembers(keys.done(stage))).map(Number);
    if (done.length !== reported) {
      reported = done.length;
      onDone(done);
    }
    if (state === 'completed') return;
    if (state === 'failed') throw await stageFailure(queue, keys, stage, count, describe, parent);
    if (state === 'unknown') throw new TaohuaError('INTERNAL', `the ${stage} stage's job ${parent} disappeared from the queue`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function stageFailure(
  queue: Queue,
  keys: RunKeys,
  stage: Stage,
  count: number,
  describe: (i: number) => string,
  parent: string,
): Promise<TaohuaError> {
  for (let i = 0; i < count; i++) {
    const job = await Job.fromId(queue, keys.jobId(stage, i));
    if (!job || (await job.getState()) !== 'failed') continue;
    const reason = job.failedReason || 'unknown error';
    const code = /redis|ECONNREFUSED|ECONNRESET|connection is closed/i.test(reason) ? 'REDIS' : 'INTERNAL';
    return new TaohuaError(code, `${describe(i)} failed after ${job.attemptsMade} attempt(s): ${reason}`);
  }
  const job = await Job.fromId(queue, parent);
  return new TaohuaError('INTERNAL', `the ${stage} stage failed: ${job?.failedReason ?? 'unknown error'}`);
}

/** Removes a stage's jobs (best effort: jobs a worker still holds finish as no-ops). */
export async function removeStage(queue: Queue, keys: RunKeys, stage: Stage, count: number): Promise<void> {
  await queue.remove(keys.jobId(`${stage}s-done`), { removeChildren: true }).catch(() => 0);
  for (let i = 0; i < count; i++) await queue.remove(keys.jobId(stage, i)).catch(() => 0);
}
