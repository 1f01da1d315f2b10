// Seed and extend: the draft's content stream against the span index. Seeds are grams of the
// draft at a stride chosen so that every shared run of at least minLen units holds one; each
// verified seed is extended both ways to the full shared run, once per diagonal.
import { SEED, type SpanIndex } from './span-index.js';

/** q[qStart, qEnd) equals the corpus content at [g, g + qEnd - qStart), inside document doc. */
export interface ExactMatch {
  doc: number;
  qStart: number;
  qEnd: number;
  g: number;
}

export interface SeedOptions {
  /** Shortest run reported, in content units (at least SEED). */
  minLen: number;
  /** Seeds whose bucket holds more postings are skipped (a gram in most of a huge corpus). */
  maxPostings: number;
  /** Called every few thousand seeds; may throw to stop (a long draft under a time budget). */
  interrupt?: () => void;
}

export function exactMatches(index: SpanIndex, q: Uint16Array, o: SeedOptions): ExactMatch[] {
  const minLen = Math.max(SEED, o.minLen);
  // A run of minLen units holds minLen - SEED + 1 consecutive seed starts: one is on the stride.
  const stride = minLen - SEED + 1;
  const out: ExactMatch[] = [];
  const reached = new Map<number, number>(); // diagonal g - j → end of the run found on it
  for (let j = 0, seeds = 0; j + SEED <= q.length; j += stride) {
    if ((++seeds & 4095) === 0) o.interrupt?.();
    const postings = index.bucket(q, j);
    if (postings.length > o.maxPostings) continue;
    for (const g of postings) {
      const diagonal = g - j;
      if ((reached.get(diagonal) ?? -1) > j) continue;
      if (!index.equalAt(g, q, j, SEED)) continue;
      const m = extend(index, q, j, g);
      reached.set(diagonal, m.qEnd);
      if (m.qEnd - m.qStart >= minLen) out.push(m);
    }
  }
  return out;
}

function extend(index: SpanIndex, q: Uint16Array, j: number, g: number): ExactMatch {
  const doc = index.docOf(g);
  const lo = index.docStart[doc];
  const hi = index.docStart[doc + 1];
  const c = index.codes;
  let a = j;
  let s = g;
  while (a > 0 && s > lo && q[a - 1] === c[s - 1]) {
    a--;
    s--;
  }
  let b = j + SEED;
  let t = g + SEED;
  while (b < q.length && t < hi && q[b] === c[t]) {
    b++;
    t++;
  }
  return { doc, qStart: a, qEnd: b, g: s };
}
