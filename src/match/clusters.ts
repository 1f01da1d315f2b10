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

/** Pairs of unique units that share an LSH bucket and pass exact Jaccard. */
export function verifiedPairs(
  index: CorpusIndex,
  matcher: UnitMatcher,
  threshold: number,
): { a: Int32Array; b: Int32Array; stats: PairStats } {
  const { a, b, stats } = index.lsh.distinctSelfPairs(MAX_BUCKET);
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (jaccard(matcher.shinglesOf(a[i]), matcher.shinglesOf(b[i])) < threshold) continue;
    a[n] = a[i];
    b[n] = b[i];
    n++;
  }
  return { a: a.slice(0, n), b: b.slice(0, n), stats: { candidates: a.length, verified: n, skippedBuckets: stats.skippedBuckets } };
}

/** Clusters (unique ids, ascending) from verified pairs; singletons only when the unit itself recurs. */
export function clustersFromPairs(index: CorpusIndex, a: Int32Array, b: Int32Array): number[][] {
  const uf = new UnionFind(index.uniqueCount);
  const level = (u: number): number => index.units.kind[index.uniqueFirst[u]] & 1;
  for (let i = 0; i < a.length; i++) {
    // A sentence and its own first clause can pass the threshold: clusters stay one level.
    if (level(a[i]) === level(b[i])) uf.union(a[i], b[i]);
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
  return clusters;
}

export function clusterUniques(index: CorpusIndex, matcher: UnitMatcher, threshold: number): { clusters: number[][]; stats: PairStats } {
  const { a, b, stats } = verifiedPairs(index, matcher, threshold);
  return { clusters: clustersFromPairs(index, a, b), stats };
}
