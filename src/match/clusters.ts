// Verified near-duplicate pairs of unique units, joined into clusters by union-find.
import type { CorpusIndex } from '../index/corpus-index.js';
import { jaccard } from '../sketch/jaccard.js';
import { UnionFind } from './union-find.js';
import type { UnitMatcher } from './verify.js';

/** Buckets larger than this are not expanded pair by pair (they hold boilerplate or collisions). */
export const MAX_BUCKET = 2000;

export interface PairStats {
  candidates: number;
  verified: number;
  skippedBuckets: number;
}

/** Clusters of unique units (each a list of unique ids, ascending), singletons omitted. */
export function clusterUniques(index: CorpusIndex, matcher: UnitMatcher, threshold: number): { clusters: number[][]; stats: PairStats } {
  const uf = new UnionFind(index.uniqueCount);
  const { a, b, stats } = index.lsh.distinctSelfPairs(MAX_BUCKET);
  let verified = 0;
  const kind = (u: number): number => index.units.kind[index.uniqueFirst[u]] & 1;
  for (let i = 0; i < a.length; i++) {
    // A sentence and its own first clause can pass the threshold: clusters stay one level.
    if (kind(a[i]) !== kind(b[i])) continue;
    if (jaccard(matcher.shinglesOf(a[i]), matcher.shinglesOf(b[i])) < threshold) continue;
    uf.union(a[i], b[i]);
    verified++;
  }
  const groups = new Map<number, number[]>();
  for (let u = 0; u < index.uniqueCount; u++) {
    const r = uf.find(u);
    const g = groups.get(r);
    if (g) g.push(u);
    else groups.set(r, [u]);
  }
  const clusters: number[][] = [];
  for (let u = 0; u < index.uniqueCount; u++) {
    const g = groups.get(u);
    if (g && (g.length > 1 || index.occurrences(u).length > 1)) clusters.push(g);
  }
  return { clusters, stats: { candidates: a.length, verified, skippedBuckets: stats.skippedBuckets } };
}
