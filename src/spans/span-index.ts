// The span layer's index: every document's content stream laid end to end, and a posting list of
// every position by the bucket of the SEED-unit gram that starts there (a counting sort, so
// positions in a bucket ascend, and so do their documents). A bucket is only a hash of the gram:
// every use compares the code units themselves, so a collision costs time, never a wrong answer.
//
// Why every position and not a winnowed sample: `find` and the document frequency of a span must
// be exact for phrases as short as SEED (稳中求进), and a sample of the corpus side cannot promise
// that. Cost per content character: 2 B code + 4 B original start + 2 B original length + 4 B
// posting + ~1 B of bucket table = ~13 B, measured by `npm run bench`.
import type { SpanDoc } from './span-doc.js';

/** Code units in a seed gram: the shortest phrase the postings find directly. */
export const SEED = 4;

export class SpanIndex {
  private readonly shift: number;

  constructor(
    /** Global offset of each document's first content unit; one more entry than documents. */
    readonly docStart: Int32Array,
    readonly codes: Uint16Array,
    readonly origStart: Int32Array,
    readonly origLength: Uint16Array,
    /** bucketStart[b] .. bucketStart[b + 1] index postings of bucket b. */
    readonly bucketStart: Uint32Array,
    readonly postings: Int32Array,
  ) {
    this.shift = 32 - Math.log2(bucketStart.length - 1);
  }

  /** The layer from documents laid end to end and their postings (built here or on another thread). */
  static fromStreams(s: SpanStreams, post: (s: SpanStreams) => SpanPostings): SpanIndex {
    const { bucketStart, postings } = post(s);
    return new SpanIndex(s.docStart, s.codes, s.origStart, s.origLength, bucketStart, postings);
  }

  get docCount(): number {
    return this.docStart.length - 1;
  }

  get charCount(): number {
    return this.codes.length;
  }

  /** The document holding global content position g. */
  docOf(g: number): number {
    const a = this.docStart;
    let lo = 0;
    let hi = a.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (a[mid] <= g) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Postings (unverified) of the bucket of the gram q[at, at + SEED). */
  bucket(q: Uint16Array, at: number): Int32Array {
    const b = gramBucket(q, at, this.shift);
    return this.postings.subarray(this.bucketStart[b], this.bucketStart[b + 1]);
  }

  /** Whether codes[g, g + len) equals q[at, at + len). */
  equalAt(g: number, q: Uint16Array, at: number, len: number): boolean {
    const c = this.codes;
    for (let i = 0; i < len; i++) if (c[g + i] !== q[at + i]) return false;
    return true;
  }

  /** Global start of every occurrence of q[a, b) inside one document, ascending. */
  occurrences(q: Uint16Array, a = 0, b = q.length): number[] {
    const len = b - a;
    if (len <= 0) return [];
    if (len < SEED) return this.scanShort(q, a, len);
    const o = this.rarestGram(q, a, b);
    const out: number[] = [];
    for (const g of this.bucket(q, o)) {
      const s = g - (o - a);
      if (s < 0 || !this.equalAt(g, q, o, SEED)) continue;
      const d = this.docOf(g);
      if (s < this.docStart[d] || s + len > this.docStart[d + 1]) continue;
      if (this.equalAt(s, q, a, len)) out.push(s);
    }
    return out;
  }

  /** How many documents contain q[a, b), those marked in `skip` left out. */
  docFreq(q: Uint16Array, a = 0, b = q.length, skip?: Uint8Array): number {
    let n = 0;
    let last = -1;
    for (const g of this.occurrences(q, a, b)) {
      const d = this.docOf(g);
      if (d !== last && !skip?.[d]) n++;
      last = d;
    }
    return n;
  }

  /** Document d's slice of the layer, for rebuilding with documents added or replaced. */
  docSlice(d: number): SpanDoc {
    const [a, b] = [this.docStart[d], this.docStart[d + 1]];
    return { codes: this.codes.slice(a, b), origStart: this.origStart.slice(a, b), origLength: this.origLength.slice(a, b) };
  }

  /** Original [start, end) of global content positions [g, h). */
  originalRange(g: number, h: number): [number, number] {
    return [this.origStart[g], this.origStart[h - 1] + this.origLength[h - 1]];
  }

  /** The seed offset in [a, b - SEED] whose bucket is smallest: fewest candidates to verify. */
  private rarestGram(q: Uint16Array, a: number, b: number): number {
    let best = a;
    let size = Infinity;
    for (let o = a; o + SEED <= b; o++) {
      const k = gramBucket(q, o, this.shift);
      const s = this.bucketStart[k + 1] - this.bucketStart[k];
      if (s < size) [best, size] = [o, s];
    }
    return best;
  }

  /** Phrases shorter than a seed: a plain scan of the content stream, not crossing documents. */
  private scanShort(q: Uint16Array, a: number, len: number): number[] {
    const out: number[] = [];
    const c = this.codes;
    const first = q[a];
    for (let d = 0; d < this.docCount; d++) {
      const end = this.docStart[d + 1] - len;
      for (let g = this.docStart[d]; g <= end; g++) if (c[g] === first && this.equalAt(g, q, a, len)) out.push(g);
    }
    return out;
  }
}

/** The bucket of the gram q[at, at + SEED) among 2^(32 - shift) buckets. */
export function gramBucket(q: Uint16Array, at: number, shift: number): number {
  const hi = (q[at] << 16) | q[at + 1];
  const lo = (q[at + 2] << 16) | q[at + 3];
  let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ lo, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> shift;
}

/** Buckets: a power of two near a quarter of the positions (about four postings a bucket). */
export function bucketCountFor(n: number): number {
  let b = 1024;
  while (b * 4 < n) b *= 2;
  return b;
}

/** Every document's content stream laid end to end. */
export interface SpanStreams {
  /** Global offset of each document's first content unit; one more entry than documents. */
  docStart: Int32Array;
  codes: Uint16Array;
  origStart: Int32Array;
  origLength: Uint16Array;
}

export interface SpanPostings {
  bucketStart: Uint32Array;
  postings: Int32Array;
}

/** `shared`: the codes in shared memory, so that another thread can read them without a copy. */
export function concatStreams(docs: SpanDoc[], shared = false): SpanStreams {
  const docStart = new Int32Array(docs.length + 1);
  docs.forEach((d, i) => (docStart[i + 1] = docStart[i] + d.codes.length));
  const n = docStart[docs.length];
  const codes = shared ? new Uint16Array(new SharedArrayBuffer(2 * n)) : new Uint16Array(n);
  const origStart = new Int32Array(n);
  const origLength = new Uint16Array(n);
  docs.forEach((d, i) => {
    codes.set(d.codes, docStart[i]);
    origStart.set(d.origStart, docStart[i]);
    origLength.set(d.origLength, docStart[i]);
  });
  return { docStart, codes, origStart, origLength };
}

/** Partitions of the postings build: buckets sharing their top PART_BITS bits. */
const PART_BITS = 8;

/**
 * Every seed gram position by bucket, positions ascending within a bucket: a stable scatter into
 * partitions by the top bits of the bucket, then a counting sort inside each partition while its
 * slice of the bucket table is cache-resident (one counting sort over the whole table was bound by
 * cache misses, as the LSH band sort was).
 */
export function buildPostings(codes: Uint16Array, docStart: Int32Array): SpanPostings {
  const buckets = bucketCountFor(codes.length);
  const bits = Math.log2(buckets);
  const shift = 32 - bits;
  const low = bits - PART_BITS;
  // Pass 1: partitions counted.
  const parts = new Int32Array((1 << PART_BITS) + 1);
  let n = 0;
  for (let d = 0; d + 1 < docStart.length; d++) {
    for (let g = docStart[d], end = docStart[d + 1] - SEED; g <= end; g++) {
      parts[(gramBucket(codes, g, shift) >>> low) + 1]++;
      n++;
    }
  }
  for (let p = 0; p < 1 << PART_BITS; p++) parts[p + 1] += parts[p];
  // Pass 2: a stable scatter into partitions.
  const fill = parts.slice(0, 1 << PART_BITS);
  const posOf = new Int32Array(n);
  const bucketOf = new Uint32Array(n);
  for (let d = 0; d + 1 < docStart.length; d++) {
    for (let g = docStart[d], end = docStart[d + 1] - SEED; g <= end; g++) {
      const b = gramBucket(codes, g, shift);
      const o = fill[b >>> low]++;
      posOf[o] = g;
      bucketOf[o] = b;
    }
  }
  const bucketStart = new Uint32Array(buckets + 1);
  const postings = new Int32Array(n);
  const local = new Int32Array(1 << low);
  for (let p = 0; p < 1 << PART_BITS; p++) sortPartition(p << low, parts[p], parts[p + 1], posOf, bucketOf, local, bucketStart, postings);
  bucketStart[buckets] = n;
  return { bucketStart, postings };
}

/** Counting sort of entries [s, e), whose buckets are base + [0, local.length), into postings[s, e). */
function sortPartition(
  base: number,
  s: number,
  e: number,
  posOf: Int32Array,
  bucketOf: Uint32Array,
  local: Int32Array,
  bucketStart: Uint32Array,
  postings: Int32Array,
): void {
  local.fill(0);
  for (let i = s; i < e; i++) local[bucketOf[i] - base]++;
  let sum = s;
  for (let b = 0; b < local.length; b++) {
    const c = local[b];
    bucketStart[base + b] = sum;
    local[b] = sum;
    sum += c;
  }
  for (let i = s; i < e; i++) postings[local[bucketOf[i] - base]++] = posOf[i];
}
