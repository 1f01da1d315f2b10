// The coordinator: learns page chrome from the whole corpus, cuts the path-sorted documents into
// shards, puts them in Redis, runs the map stage (and for a scan the reduce stage) as BullMQ
// flows, and assembles the same CorpusIndex / ScanResult a single-machine run gives. Nothing is
// returned until every piece is in; the run's keys and jobs are removed at the end, also on failure.
import { FlowProducer, Queue } from 'bullmq';
import type { Options } from '../options.js';
import type { InputProblem, ScanResult, SourceDoc } from '../types.js';
import { TaohuaError } from '../errors.js';
import { learnChrome } from '../io/chrome.js';
import { readInputs } from '../io/read.js';
import { CorpusIndex } from '../index/corpus-index.js';
import { indexParams } from '../pipeline.js';
import { connect, createClient, lostError, watchConnection, within, type Client } from './connection.js';
import { newRunId, QUEUE_NAME, QUEUE_PREFIX, RunKeys } from './keys.js';
import { addStage, removeStage, waitStage } from './flow.js';
import { KEY_TTL_MS } from './keys.js';
import type { RunMeta } from './run-data.js';
import { decodeOutput, encodeInput, planShards, sortByPath, type Shard } from './shards.js';
import { verifiedUniquePairs } from './pairs.js';
import { clustersFromPairs } from '../match/clusters.js';
import { scanFromClusters } from '../match/scan.js';
import type { SketchedDocument } from '../index/sketch-document.js';

export interface DistributedProgress {
  phase: 'map' | 'reduce';
  /** Documents sketched (map) or partitions verified (reduce). */
  done: number;
  total: number;
  /** Per second, over the phase so far. */
  rate?: number;
  etaSeconds?: number;
}

export interface DistributedOptions {
  /** redis://HOST:PORT (or several comma-separated seed nodes for Redis Cluster). */
  redis: string;
  /** Documents already read; or give paths (files or folders) to read here. */
  docs?: SourceDoc[];
  paths?: string[];
  options: Options;
  onProgress?(p: DistributedProgress): void;
  onProblem?(p: InputProblem): void;
  /** Characters of text per map job (default 500,000). */
  shardChars?: number;
  /** Reduce partitions (default: one per 8M characters, 4 to 64). */
  partitions?: number;
  /** A connection down this long fails the run (default 10 s). */
  lostAfterMs?: number;
}

export async function distributedIndex(o: DistributedOptions): Promise<CorpusIndex> {
  return (await runDistributed(o, false)).index;
}

export async function distributedScan(o: DistributedOptions): Promise<ScanResult> {
  return (await distributedIndexAndScan(o)).scan;
}

export async function distributedIndexAndScan(o: DistributedOptions): Promise<{ index: CorpusIndex; scan: ScanResult }> {
  const { index, scan } = await runDistributed(o, true);
  return { index, scan: scan! };
}

interface Plan {
  docs: SourceDoc[];
  shards: Shard[];
  partitions: number;
  meta: RunMeta;
}

async function runDistributed(o: DistributedOptions, scan: boolean): Promise<{ index: CorpusIndex; scan?: ScanResult }> {
  const plan = await makePlan(o, scan);
  const client = createClient(o.redis);
  await connect(client, o.redis);
  const watch = watchConnection(client, o.redis, o.lostAfterMs ?? 10_000);
  const keys = new RunKeys(newRunId());
  const queue = new Queue(QUEUE_NAME, { connection: client, prefix: QUEUE_PREFIX });
  const flow = new FlowProducer({ connection: client, prefix: QUEUE_PREFIX });
  queue.on('error', () => {});
  flow.on('error', () => {});
  try {
    return await Promise.race([work(o, plan, client, queue, flow, keys), watch.lost]);
  } catch (e) {
    if (watch.down() || (e instanceof Error && /Connection is closed|ECONNREFUSED/i.test(e.message))) throw lostError(o.redis);
    throw e;
  } finally {
    if (!watch.down()) await within(cleanup(client, queue, keys, plan), 15_000);
    watch.stop();
    await within(queue.close(), 1000);
    await within(flow.close(), 1000);
    client.disconnect();
  }
}

async function makePlan(o: DistributedOptions, scan: boolean): Promise<Plan> {
  let docs = o.docs;
  if (!docs) {
    const r = await readInputs(o.paths ?? []);
    r.problems.forEach((p) => o.onProblem?.(p));
    docs = r.docs;
  }
  const params = indexParams(o.options);
  const model = o.options.match.chrome ? learnChrome(docs) : { lines: [] };
  const sorted = sortByPath(docs);
  const shards = planShards(sorted, o.shardChars ?? 500_000);
  const chars = sorted.reduce((n, d) => n + d.text.length, 0);
  const partitions = scan ? (o.partitions ?? Math.min(64, Math.max(4, Math.ceil(chars / 8e6)))) : 0;
  const threshold = o.options.match.clusterThreshold;
  return { docs: sorted, shards, partitions, meta: { params, model, threshold, scan, shards: shards.length, partitions } };
}

async function work(
  o: DistributedOptions,
  plan: Plan,
  client: Client,
  queue: Queue,
  flow: FlowProducer,
  keys: RunKeys,
): Promise<{ index: CorpusIndex; scan?: ScanResult }> {
  const { docs, shards, partitions, meta } = plan;
  const t0 = Date.now();
  const trace = (what: string): void => {
    if (process.env.TAOHUA_TRACE) process.stderr.write(`[coordinator +${Date.now() - t0} ms] ${what}\n`);
  };
  await putInputs(client, keys, plan);
  trace(`inputs of ${shards.length} shards in Redis`);
  const describe = (i: number): string =>
    `map job for shard ${i} (${shards[i].to - shards[i].from} documents from ${docs[shards[i].from]?.path ?? '-'})`;
  await addStage(flow, keys, 'map', shards.length, (i) => ({ runId: keys.runId, shard: i }));
  const mapProgress = progress(o, 'map', docs.length);
  await waitStage(queue, client, keys, 'map', shards.length, describe, (done) =>
    mapProgress(done.reduce((n, s) => n + shards[s].to - shards[s].from, 0)),
  );
  trace('map stage done');
  if (meta.scan) await addStage(flow, keys, 'reduce', partitions, (p) => ({ runId: keys.runId, partition: p }));
  const { index, rowStart } = await assemble(client, keys, plan);
  trace('index assembled');
  if (!meta.scan) return { index };
  const reduceProgress = progress(o, 'reduce', partitions);
  await waitStage(queue, client, keys, 'reduce', partitions, (p) => `reduce job for partition ${p}`, (done) =>
    reduceProgress(done.length),
  );
  trace('reduce stage done');
  const { a, b } = await verifiedUniquePairs(client, keys, partitions, index, rowStart);
  return { index, scan: scanFromClusters(index, clustersFromPairs(index, a, b), o.options.match) };
}

async function putInputs(client: Client, keys: RunKeys, plan: Plan): Promise<void> {
  await client.set(keys.meta, JSON.stringify(plan.meta), 'PX', KEY_TTL_MS);
  let pipe = client.pipeline();
  let bytes = 0;
  for (let s = 0; s < plan.shards.length; s++) {
    const buf = encodeInput(plan.docs.slice(plan.shards[s].from, plan.shards[s].to));
    pipe.set(keys.input(s), buf, 'PX', KEY_TTL_MS);
    bytes += buf.length;
    if (bytes > 32 << 20 || s === plan.shards.length - 1) {
      await execOrThrow(pipe);
      pipe = client.pipeline();
      bytes = 0;
    }
  }
}

async function execOrThrow(pipe: ReturnType<Client['pipeline']>): Promise<(Buffer | string | number | null)[]> {
  const res = (await pipe.exec()) ?? [];
  return res.map(([err, v]) => {
    if (err) throw err;
    return v as Buffer | string | number | null;
  });
}

/** The index from the map outputs, and the first index row of each shard. */
async function assemble(client: Client, keys: RunKeys, plan: Plan): Promise<{ index: CorpusIndex; rowStart: number[] }> {
  const sketched: SketchedDocument[] = [];
  const rowStart: number[] = [];
  let rows = 0;
  for (let s = 0; s < plan.shards.length; s++) {
    const buf = await client.getBuffer(keys.output(s));
    if (!buf) throw new TaohuaError('INTERNAL', `the output of shard ${s} is missing from Redis`);
    rowStart.push(rows);
    for (const sd of decodeOutput(buf, plan.docs.slice(plan.shards[s].from, plan.shards[s].to))) {
      sketched.push(sd);
      rows += sd.sketch.count;
    }
  }
  const index = CorpusIndex.fromSketches(
    plan.meta.params,
    sketched.map((s) => s.doc),
    sketched.map((s) => s.sketch),
    plan.meta.model,
  );
  return { index, rowStart };
}

function progress(o: DistributedOptions, phase: 'map' | 'reduce', total: number): (done: number) => void {
  const t0 = Date.now();
  return (done) => {
    const secs = (Date.now() - t0) / 1000;
    const rate = secs > 0 && done > 0 ? done / secs : undefined;
    const etaSeconds = rate ? Math.round((total - done) / rate) : undefined;
    o.onProgress?.({ phase, done, total, rate, etaSeconds });
  };
}

async function cleanup(client: Client, queue: Queue, keys: RunKeys, plan: Plan): Promise<void> {
  await client.unlink(keys.meta); // from here on, workers drop this run's jobs and writes
  await removeStage(queue, keys, 'map', plan.shards.length);
  if (plan.meta.scan) await removeStage(queue, keys, 'reduce', plan.partitions);
  const all = keys.all(plan.shards.length, plan.partitions);
  for (let i = 0; i < all.length; i += 1000) await client.unlink(...all.slice(i, i + 1000));
}
