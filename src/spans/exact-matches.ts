// Seed and extend: the draft's content stream against the span index. Seeds are grams of the
// draft at a stride chosen so that every shared run of at least minLen units holds one; each
// verified seed is extended both ways to the full shared run, once per diagonal.
import { fmix32 } from '../sketch/hash.js';
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
  const reached = new DiagonalEnds(16 * q.length); // diagonal g - j → end of the run found on it
  for (let j = 0, seeds = 0; j + SEED <= q.length; j += stride) {
    if ((++seeds & 4095) === 0) o.interrupt?.();
    const postings = index.bucket(q, j);
    if (postings.length > o.maxPostings) continue;
    for (const g of postings) {
      const diagonal = g - j;
      if (reached.get(diagonal) > j) continue;
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

const NO_DIAGONAL = -0x80000000;

/**
 * diagonal → end of the run found on it, -1 when none: an open-addressing table of int32 keys (a
 * Map was most of the seeding time on a large corpus, where a common seed has thousands of postings).
 */
class DiagonalEnds {
  private keys: Int32Array;
  private ends: Int32Array;
  private size = 0;

  constructor(expected: number) {
    let n = 1024;
    while (n < 2 * expected) n *= 2;
    this.keys = new Int32Array(n).fill(NO_DIAGONAL);
    this.ends = new Int32Array(n);
  }

  get(diagonal: number): number {
    const mask = this.keys.length - 1;
    for (let h = fmix32(diagonal) & mask; ; h = (h + 1) & mask) {
      const k = this.keys[h];
      if (k === diagonal) return this.ends[h];
      if (k === NO_DIAGONAL) return -1;
    }
  }

  set(diagonal: number, end: number): void {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let h = fmix32(diagonal) & mask;
    while (this.keys[h] !== NO_DIAGONAL && this.keys[h] !== diagonal) h = (h + 1) & mask;
    if (this.keys[h] === NO_DIAGONAL) this.size++;
    this.keys[h] = diagonal;
    this.ends[h] = end;
  }

  private grow(): void {
    const [keys, ends] = [this.keys, this.ends];
    this.keys = new Int32Array(keys.length * 2).fill(NO_DIAGONAL);
    this.ends = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== NO_DIAGONAL) this.set(keys[i], ends[i]);
  }
}

