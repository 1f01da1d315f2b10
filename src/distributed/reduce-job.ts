// A reduce job: every band record of one partition, from every shard, grouped into LSH buckets;
// the distinct content keys of a bucket are its members (buckets over MAX_BUCKET are skipped, as
// on one machine); candidate pairs are verified by exact Jaccard on shingles computed from the
// unit texts fetched by byte range; verified pairs are written as (content key, occurrence) pairs.
import { MAX_BUCKET } from '../match/clusters.js';
import { jaccard } from '../sketch/jaccard.js';
import { unitShingles } from '../sketch/unit-sketch.js';
import type { SketchOptions } from '../options.js';
import type { Client } from './connection.js';
import { Writer } from './codec.js';
import { RunKeys } from './keys.js';
import { readMeta, writeIfAlive, type ReduceJobData } from './run-data.js';
import { f64sOf, u32sOf } from './shards.js';
import { PairList } from './pair-list.js';

/** Distinct content keys of the partition, each with the first occurrence (shard, unit) seen. */
interface Members {
  ck: number[];
  shard: number[];
  unit: number[];
}

export async function runReduceJob(client: Client, data: ReduceJobData): Promise<string> {
  const keys = new RunKeys(data.runId);
  const meta = await readMeta(client, keys);
  if (!meta) return 'run ended';
  const recs = await fetchAll(client, (s) => keys.bands(data.partition, s), meta.shards, 'band records');
  const unitKeys = await fetchAll(client, (s) => keys.unitKeys(s), meta.shards, 'unit keys');
  const { groups, members, order, local } = groupRecords(recs.map(u32sOf), unitKeys.map(f64sOf));
  const pairs = new PairList();
  const stamp = new Int32Array(members.ck.length).fill(-1);
  let skipped = 0;
  for (let g = 0; g + 1 < groups.length; g++) {
    const ids: number[] = [];
    for (let i = groups[g]; i < groups[g + 1]; i++) {
      const m = local[order[i]];
      if (stamp[m] === g) continue;
      stamp[m] = g;
      ids.push(m);
    }
    if (ids.length > MAX_BUCKET) {
      skipped++;
      continue;
    }
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) pairs.add(ids[x], ids[y]);
  }
  const { a, b } = pairs.distinct(members.ck.length);
  const shingles = await fetchShingles(client, keys, members, a, b, meta.params.sketch);
  const w = verify(a, b, shingles, members, meta.threshold);
  w.u32(a.length).u32(skipped);
  const alive = await writeIfAlive(client, keys, [[keys.pairs(data.partition), w.done()]], keys.done('reduce'), String(data.partition));
  return alive ? `${a.length} candidate pairs` : 'run ended';
}

async function fetchAll(client: Client, key: (s: number) => string, shards: number, what: string): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let s0 = 0; s0 < shards; s0 += 256) {
    const pipe = client.pipeline();
    for (let s = s0; s < Math.min(shards, s0 + 256); s++) pipe.getBuffer(key(s));
    const res = (await pipe.exec()) ?? [];
    res.forEach(([err, v], i) => {
      if (err) throw err;
      if (!(v instanceof Buffer)) throw new Error(`the ${what} of shard ${s0 + i} are missing from Redis`);
      out.push(v);
    });
  }
  return out;
}

function groupRecords(recs: Uint32Array[], unitKeys: Float64Array[]) {
  const n = recs.reduce((m, r) => m + r.length / 3, 0);
  const bucket = new Float64Array(n);
  const shardOf = new Uint32Array(n);
  const unitOf = new Uint32Array(n);
  const local = new Int32Array(n);
  const members: Members = { ck: [], shard: [], unit: [] };
  const localOf = new Map<number, number>();
  let at = 0;
  recs.forEach((r, s) => {
    for (let i = 0; i < r.length; i += 3, at++) {
      bucket[at] = r[i] * 0x100000000 + r[i + 1];
      shardOf[at] = s;
      unitOf[at] = r[i + 2];
      const ck = unitKeys[s][r[i + 2]];
      let m = localOf.get(ck);
      if (m === undefined) {
        m = members.ck.length;
        localOf.set(ck, m);
        members.ck.push(ck);
        members.shard.push(s);
        members.unit.push(r[i + 2]);
      }
      local[at] = m;
    }
  });
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => bucket[x] - bucket[y] || shardOf[x] - shardOf[y] || unitOf[x] - unitOf[y],
  );
  const groups: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || bucket[order[i]] !== bucket[order[i - 1]]) groups.push(i);
  groups.push(n);
  return { groups, members, order, local };
}

async function fetchShingles(
  client: Client,
  keys: RunKeys,
  members: Members,
  a: Int32Array,
  b: Int32Array,
  sketch: SketchOptions,
): Promise<Map<number, Uint32Array>> {
  const needed = [...new Set([...a, ...b])].sort((x, y) => members.shard[x] - members.shard[y]);
  const shards = [...new Set(needed.map((m) => members.shard[m]))];
  const offsets = new Map<number, Uint32Array>();
  const bufs = await fetchAll(client, (i) => keys.unitOffsets(shards[i]), shards.length, 'unit offsets');
  shards.forEach((s, i) => offsets.set(s, u32sOf(bufs[i])));
  const out = new Map<number, Uint32Array>();
  for (let i0 = 0; i0 < needed.length; i0 += 5000) {
    const chunk = needed.slice(i0, i0 + 5000);
    const pipe = client.pipeline();
    for (const m of chunk) {
      const off = offsets.get(members.shard[m])!;
      const u = members.unit[m];
      pipe.getrangeBuffer(keys.unitTexts(members.shard[m]), off[u], off[u + 1] - 1);
    }
    const res = (await pipe.exec()) ?? [];
    res.forEach(([err, v], i) => {
      if (err) throw err;
      const text = (v as Buffer).toString('utf8');
      out.set(chunk[i], unitShingles(text, 0, text.length, sketch));
    });
  }
  return out;
}

function verify(a: Int32Array, b: Int32Array, shingles: Map<number, Uint32Array>, members: Members, threshold: number): Writer {
  const cks: number[] = [];
  const occ: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (jaccard(shingles.get(a[i])!, shingles.get(b[i])!) < threshold) continue;
    cks.push(members.ck[a[i]], members.ck[b[i]]);
    occ.push(members.shard[a[i]], members.unit[a[i]], members.shard[b[i]], members.unit[b[i]]);
  }
  return new Writer().arr(Float64Array.from(cks)).arr(Uint32Array.from(occ));
}
