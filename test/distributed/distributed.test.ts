// Distributed index and scan through a private Redis and two worker processes: identical to the
// single-machine results on corpus/ and on a generated corpus.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseOptions } from '../../src/options.js';
import { indexDocuments, scanCorpus } from '../../src/pipeline.js';
import type { SourceDoc } from '../../src/types.js';
import { distributedIndex, distributedIndexAndScan } from '../../src/distributed/index.js';
import { createClient, connect } from '../../src/distributed/connection.js';
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

describe.skipIf(skip)('distributed index and scan', () => {
  let redis: RedisServer;
  let workers: ChildProcess[] = [];
  let corpus: SourceDoc[];
  const options = normaliseOptions();

  beforeAll(async () => {
    ensureBuilt();
    redis = await startRedis();
    workers = await Promise.all([startWorkerProcess(redis.url), startWorkerProcess(redis.url)]);
    corpus = await corpusDocs();
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => stopProcess(w)));
    await redis?.stop();
  });

  it('indexes corpus/ exactly as one machine does', async () => {
    const local = await indexDocuments(corpus, options);
    const progress: number[] = [];
    const remote = await distributedIndex({ redis: redis.url, docs: corpus, options, shardChars: 20_000, onProgress: (p) => progress.push(p.done) });
    expect(indexShape(remote)).toEqual(indexShape(local));
    expect(progress.at(-1)).toBe(corpus.length);
  });

  it('scans a generated corpus exactly as one machine does, and leaves no keys', async () => {
    const docs = generatedDocs(corpus, 40);
    const local = await indexDocuments(docs, options);
    const { index, scan } = await distributedIndexAndScan({ redis: redis.url, docs, options, shardChars: 30_000, partitions: 5 });
    expect(indexShape(index)).toEqual(indexShape(local));
    const expected = scanCorpus(local, options);
    expect(expected.phrases.length).toBeGreaterThan(10);
    expect(JSON.stringify(scan)).toBe(JSON.stringify(expected));
    const client = createClient(redis.url);
    await connect(client, redis.url);
    const left = await client.keys('{run-*');
    client.disconnect();
    expect(left).toEqual([]);
  });

  it('scans corpus/ exactly as one machine does', async () => {
    const local = await indexDocuments(corpus, options);
    const { scan } = await distributedIndexAndScan({ redis: redis.url, docs: corpus, options, shardChars: 10_000, partitions: 3 });
    expect(JSON.stringify(scan)).toBe(JSON.stringify(scanCorpus(local, options)));
  });
});
