// Faults: a worker killed mid-run, a shard that keeps failing, Redis going away mid-run.
import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { normaliseOptions } from '../../src/options.js';
import { indexDocuments, scanCorpus } from '../../src/pipeline.js';
import type { SourceDoc } from '../../src/types.js';
import { TaohuaError } from '../../src/errors.js';
import { distributedIndex, distributedIndexAndScan } from '../../src/distributed/index.js';
import { connect, createClient } from '../../src/distributed/connection.js';
import {
  corpusDocs,
  ensureBuilt,
  generatedDocs,
  haveRedis,
  indexShape,
  startRedis,
  startWorkerProcess,
  stopProcess,
  type RedisServer,
} from './harness.js';

const skip = !haveRedis() && !process.env.CI;

describe.skipIf(skip)('distributed runs under faults', () => {
  const options = normaliseOptions();
  let docs: SourceDoc[];
  let procs: ChildProcess[] = [];
  let redis: RedisServer | undefined;

  beforeAll(async () => {
    ensureBuilt();
    docs = generatedDocs(await corpusDocs(), 40, 30, 11);
  });

  afterEach(async () => {
    await Promise.all(procs.map((p) => stopProcess(p, 'SIGKILL')));
    procs = [];
    await redis?.stop();
    redis = undefined;
  });

  async function runKeys(url: string): Promise<string[]> {
    const c = createClient(url);
    await connect(c, url);
    const keys = await c.keys('{run-*');
    c.disconnect();
    return keys;
  }

  it('loses nothing when a worker is killed mid-job', async () => {
    redis = await startRedis();
    const slow = { TAOHUA_TEST_SLOW_MS: '300' };
    procs = await Promise.all([startWorkerProcess(redis.url, slow), startWorkerProcess(redis.url, slow)]);
    const local = await indexDocuments(docs, options);
    let killed = false;
    const { index, scan } = await distributedIndexAndScan({
      redis: redis.url,
      docs,
      options,
      shardChars: 4000,
      partitions: 4,
      onProgress: (p) => {
        if (!killed && p.phase === 'map' && p.done > 0) {
          killed = true;
          procs[0].kill('SIGKILL'); // it holds a job: every job takes ≥ 300 ms
        }
      },
    });
    expect(killed).toBe(true);
    expect(indexShape(index)).toEqual(indexShape(local));
    expect(JSON.stringify(scan)).toBe(JSON.stringify(scanCorpus(local, options)));
    expect(await runKeys(redis.url)).toEqual([]);
  });

  it('fails with a message naming the shard when a job keeps failing, and cleans up', async () => {
    redis = await startRedis();
    procs = [await startWorkerProcess(redis.url, { TAOHUA_TEST_FAIL_SHARD: '2' })];
    const run = distributedIndex({ redis: redis.url, docs, options, shardChars: 8000 });
    await expect(run).rejects.toThrow(TaohuaError);
    await expect(run).rejects.toThrow(/shard 2 .*failed after 3 attempt\(s\): injected failure in shard 2/);
    expect(await runKeys(redis.url)).toEqual([]);
  });

  it('reports a lost connection when Redis stops mid-run, and returns nothing', async () => {
    redis = await startRedis();
    procs = [await startWorkerProcess(redis.url, { TAOHUA_TEST_SLOW_MS: '500' })];
    const server = redis;
    let stopped = false;
    const run = distributedIndex({
      redis: server.url,
      docs,
      options,
      shardChars: 4000,
      lostAfterMs: 1500,
      onProgress: (p) => {
        if (!stopped && p.done > 0) {
          stopped = true;
          server.proc.kill('SIGKILL');
        }
      },
    });
    const err = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(stopped).toBe(true);
    expect(err).toBeInstanceOf(TaohuaError);
    expect((err as TaohuaError).code).toBe('REDIS');
    expect((err as TaohuaError).message).toBe(`lost connection to Redis at ${server.url}`);
  });
});
