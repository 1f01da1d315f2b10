// A map job: sketch one shard of documents and write the result as binary, keyed by shard (so a
// retried job overwrites its own keys). For a scan it also writes each unit's content key, the
// texts of the shard's first occurrence of every content key, and their band keys partitioned by
// partitionOf(band, key) so that one reduce job sees every member of a bucket.
import { sketchDocument, type SketchedDocument } from '../index/sketch-document.js';
import type { Client } from './connection.js';
import { partitionOf, RunKeys } from './keys.js';
import { readMeta, writeIfAlive, type MapJobData, type RunMeta } from './run-data.js';
import { BandRecords, bufferOf, decodeInput, encodeOutput } from './shards.js';

export async function runMapJob(client: Client, data: MapJobData): Promise<string> {
  const keys = new RunKeys(data.runId);
  const meta = await readMeta(client, keys);
  if (!meta) return 'run ended';
  const input = await client.getBuffer(keys.input(data.shard));
  if (!input) {
    if ((await client.exists(keys.meta)) === 0) return 'run ended';
    throw new Error(`the input of shard ${data.shard} is missing from Redis`);
  }
  const docs = decodeInput(input);
  const sketched: SketchedDocument[] = [];
  for (const doc of docs) {
    sketched.push(sketchDocument(doc, meta.model, meta.params));
    await new Promise((r) => setImmediate(r)); // lets BullMQ renew the job's lock
  }
  const entries: [string, Buffer][] = [[keys.output(data.shard), encodeOutput(sketched)]];
  if (meta.scan) entries.push(...scanEntries(keys, data.shard, sketched, meta));
  const alive = await writeIfAlive(client, keys, entries, keys.done('map'), String(data.shard));
  return alive ? `${docs.length} documents` : 'run ended';
}

function scanEntries(keys: RunKeys, shard: number, sketched: SketchedDocument[], meta: RunMeta): [string, Buffer][] {
  const bands = meta.params.sketch.bands;
  const n = sketched.reduce((m, s) => m + s.sketch.count, 0);
  const unitKeys = new Float64Array(n);
  const offsets = new Uint32Array(n + 1);
  const texts: Buffer[] = [];
  const records = Array.from({ length: meta.partitions }, () => new BandRecords());
  const seen = new Set<number>();
  let su = 0;
  for (const { doc, sketch: s } of sketched) {
    for (let i = 0; i < s.count; i++, su++) {
      const ck = s.contentKey[i];
      unitKeys[su] = ck;
      offsets[su + 1] = offsets[su];
      if (seen.has(ck)) continue;
      seen.add(ck);
      const text = Buffer.from(doc.norm.slice(s.normStart[i], s.normEnd[i]), 'utf8');
      texts.push(text);
      offsets[su + 1] += text.length;
      for (let j = 0; j < bands; j++) {
        const key = s.keys[i * bands + j];
        records[partitionOf(j, key, meta.partitions)].push(j, key, su);
      }
    }
  }
  const out: [string, Buffer][] = [
    [keys.unitKeys(shard), bufferOf(unitKeys)],
    [keys.unitOffsets(shard), bufferOf(offsets)],
    [keys.unitTexts(shard), Buffer.concat(texts)],
  ];
  records.forEach((r, p) => out.push([keys.bands(p, shard), r.toBuffer()]));
  return out;
}
