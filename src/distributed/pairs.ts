// The reduce outputs back on the coordinator: verified pairs of content keys become pairs of the
// index's unique ids. A pair counts only if both occurrences the reduce verified are the index's
// first occurrences of their content (always so in char mode, where equal content means equal
// shingles; in word mode it drops pairs verified on another occurrence's tokens).
import { TaohuaError } from '../errors.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import type { Client } from './connection.js';
import { Reader } from './codec.js';
import type { RunKeys } from './keys.js';

export async function verifiedUniquePairs(
  client: Client,
  keys: RunKeys,
  partitions: number,
  index: CorpusIndex,
  rowStart: number[],
): Promise<{ a: Int32Array; b: Int32Array }> {
  const uniqueOf = new Map<number, number>();
  index.uniqueKey.forEach((k, u) => uniqueOf.set(k, u));
  const a: number[] = [];
  const b: number[] = [];
  for (let p = 0; p < partitions; p++) {
    const buf = await client.getBuffer(keys.pairs(p));
    if (!buf) throw new TaohuaError('INTERNAL', `the pairs of partition ${p} are missing from Redis`);
    const r = new Reader(buf);
    const cks = r.f64();
    const occ = r.u32s();
    for (let i = 0; i < cks.length / 2; i++) {
      const ua = uniqueOf.get(cks[2 * i]);
      const ub = uniqueOf.get(cks[2 * i + 1]);
      if (ua === undefined || ub === undefined) throw new TaohuaError('INTERNAL', `partition ${p} names a unit the index does not have`);
      if (index.uniqueFirst[ua] !== rowStart[occ[4 * i]] + occ[4 * i + 1]) continue;
      if (index.uniqueFirst[ub] !== rowStart[occ[4 * i + 2]] + occ[4 * i + 3]) continue;
      a.push(ua);
      b.push(ub);
    }
  }
  return { a: Int32Array.from(a), b: Int32Array.from(b) };
}
