// Packed LSH band table. Band j occupies [j·count, (j+1)·count) of `keys`
// and `ids`: the units' band-j keys sorted ascending, ids ascending within a
// key. A bucket is a run of equal keys; lookups are binary searches.

export interface LshArrays {
  count: number;
  bands: number;
  /** bands·count band keys, band-major, sorted within each band. */
  keys: Uint32Array;
  /** Unit ids in the same order as `keys`. */
  ids: Int32Array;
}

export interface SelfPairStats {
  /** Pairs passed to visit (a pair in k shared buckets is counted k times). */
  pairs: number;
  /** Buckets larger than maxBucket that were not expanded. */
  skippedBuckets: number;
  /** Members of those buckets, summed. */
  skippedMembers: number;
}

export type BucketVisitor = (band: number, key: number, ids: Int32Array) => void;

export class LshTable {
  readonly count: number;
  readonly bands: number;
  private readonly keys: Uint32Array;
  private readonly ids: Int32Array;
  private stamps: Uint32Array | null = null;
  private stamp = 0;
  private found = new Int32Array(64);

  private constructor(a: LshArrays) {
    this.count = a.count;
    this.bands = a.bands;
    this.keys = a.keys;
    this.ids = a.ids;
  }

  /** From unit-major keys: keys[u·bands + j] is unit u's band-j key; ids are 0..count-1. */
  static build(count: number, bands: number, keys: Uint32Array): LshTable {
    if (!Number.isInteger(bands) || bands < 1) throw new RangeError('bands must be a positive integer');
    if (keys.length < count * bands) throw new RangeError('keys shorter than count × bands');
    const bandMajor = new Uint32Array(count * bands);
    // Transpose to band-major in one sequential read (gathering each band with a stride of
    // `bands` words would read the whole array once per band).
    for (let u = 0, p = 0; u < count; u++) for (let j = 0; j < bands; j++, p++) bandMajor[j * count + u] = keys[p];
    return LshTable.buildBandMajor(count, bands, bandMajor);
  }

  /**
   * From band-major keys: keys[j·count + u] is unit u's band-j key; ids are 0..count-1. Takes
   * ownership of `keys` and sorts it in place (it becomes the table's key array).
   */
  static buildBandMajor(count: number, bands: number, keys: Uint32Array): LshTable {
    if (!Number.isInteger(bands) || bands < 1) throw new RangeError('bands must be a positive integer');
    if (keys.length !== count * bands) throw new RangeError('keys length is not count × bands');
    const ids = new Int32Array(count * bands);
    sortBands(keys, ids, count, 0, bands);
    return new LshTable({ count, bands, keys, ids });
  }

  /**
   * From band-major keys whose bands were all sorted by sortBands (here or on other threads), with
   * their ids; takes ownership of both.
   */
  static ofSortedBands(count: number, bands: number, keys: Uint32Array, ids: Int32Array): LshTable {
    if (keys.length !== count * bands || ids.length !== count * bands) throw new RangeError('arrays do not match count × bands');
    return new LshTable({ count, bands, keys, ids });
  }

  /** a's units keep their ids; b's unit u becomes a.count + u. */
  static merge(a: LshTable, b: LshTable): LshTable {
    if (a.bands !== b.bands) throw new RangeError('cannot merge tables with different band counts');
    const count = a.count + b.count;
    const bands = a.bands;
    const keys = new Uint32Array(count * bands);
    const ids = new Int32Array(count * bands);
    const shift = a.count;
    for (let j = 0; j < bands; j++) {
      let p = j * a.count;
      const pEnd = p + a.count;
      let q = j * b.count;
      const qEnd = q + b.count;
      let o = j * count;
      while (p < pEnd && q < qEnd) {
        if (b.keys[q] < a.keys[p]) {
          keys[o] = b.keys[q];
          ids[o++] = b.ids[q++] + shift;
        } else {
          keys[o] = a.keys[p];
          ids[o++] = a.ids[p++];
        }
      }
      while (p < pEnd) {
        keys[o] = a.keys[p];
        ids[o++] = a.ids[p++];
      }
      while (q < qEnd) {
        keys[o] = b.keys[q];
        ids[o++] = b.ids[q++] + shift;
      }
    }
    return new LshTable({ count, bands, keys, ids });
  }

  /** A table with `count` more units appended (ids continue from this.count). */
  append(count: number, keys: Uint32Array): LshTable {
    return LshTable.merge(this, LshTable.build(count, this.bands, keys));
  }

  /** The backing arrays, shared, not copied: do not modify them. */
  toArrays(): LshArrays {
    return { count: this.count, bands: this.bands, keys: this.keys, ids: this.ids };
  }

  /** Wraps arrays produced by toArrays (e.g. loaded from disk); checks shape and order. */
  static fromArrays(a: LshArrays): LshTable {
    const n = a.count * a.bands;
    if (!Number.isInteger(a.count) || a.count < 0 || !Number.isInteger(a.bands) || a.bands < 1)
      throw new RangeError('bad count or bands');
    if (a.keys.length !== n || a.ids.length !== n) throw new RangeError('arrays do not match count × bands');
    for (let j = 0; j < a.bands; j++) {
      const s = j * a.count;
      for (let i = s + 1; i < s + a.count; i++) {
        if (a.keys[i - 1] > a.keys[i]) throw new RangeError(`band ${j} keys are not sorted`);
      }
    }
    for (let i = 0; i < n; i++) {
      if (a.ids[i] < 0 || a.ids[i] >= a.count) throw new RangeError('unit id out of range');
    }
    return new LshTable(a);
  }

  get byteLength(): number {
    return this.keys.byteLength + this.ids.byteLength;
  }

  bytesPerUnit(): number {
    return this.bands * 8;
  }

  /** First index in band j's slice whose key is ≥ key. */
  private lowerBound(j: number, key: number): number {
    let lo = j * this.count;
    let hi = lo + this.count;
    const keys = this.keys;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Calls visit once for each distinct unit sharing at least one band key
   * with probeKeys[probeOffset .. probeOffset+bands). Not re-entrant: visit
   * must not query this table.
   */
  query(probeKeys: Uint32Array, probeOffset: number, visit: (id: number) => void): void {
    const n = this.collect(probeKeys, probeOffset);
    const found = this.found;
    for (let i = 0; i < n; i++) visit(found[i]);
  }

  /** The distinct unit ids query would visit, in first-seen order, as a fresh array. */
  candidates(probeKeys: Uint32Array, probeOffset: number): Int32Array {
    const n = this.collect(probeKeys, probeOffset);
    return this.found.slice(0, n);
  }

  private collect(probeKeys: Uint32Array, probeOffset: number): number {
    if (this.stamps === null) this.stamps = new Uint32Array(this.count);
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    const stamps = this.stamps;
    const stamp = this.stamp;
    const keys = this.keys;
    const ids = this.ids;
    let n = 0;
    for (let j = 0; j < this.bands; j++) {
      const key = probeKeys[probeOffset + j];
      const end = (j + 1) * this.count;
      for (let p = this.lowerBound(j, key); p < end && keys[p] === key; p++) {
        const id = ids[p];
        if (stamps[id] === stamp) continue;
        stamps[id] = stamp;
        if (n === this.found.length) {
          const grown = new Int32Array(n * 2);
          grown.set(this.found);
          this.found = grown;
        }
        this.found[n++] = id;
      }
    }
    return n;
  }

  /** Calls visit for every bucket with at least minSize members (ids ascending, a view: copy to keep). */
  buckets(visit: BucketVisitor, minSize = 2): void {
    const keys = this.keys;
    for (let j = 0; j < this.bands; j++) {
      const end = (j + 1) * this.count;
      let s = j * this.count;
      while (s < end) {
        let e = s + 1;
        while (e < end && keys[e] === keys[s]) e++;
        if (e - s >= minSize) visit(j, keys[s], this.ids.subarray(s, e));
        s = e;
      }
    }
  }

  /**
   * Every pair a < b sharing a bucket, once per shared band (so a pair can
   * be visited up to `bands` times; dedupe or tolerate repeats). Buckets
   * with more than maxBucket members are not expanded, since they would
   * cost size² pairs and usually hold empty or boilerplate units: they are
   * counted in the result, and the caller can fetch them with buckets().
   */
  selfPairs(visit: (a: number, b: number) => void, maxBucket = Infinity): SelfPairStats {
    const stats: SelfPairStats = { pairs: 0, skippedBuckets: 0, skippedMembers: 0 };
    this.buckets((_band, _key, ids) => {
      const m = ids.length;
      if (m > maxBucket) {
        stats.skippedBuckets++;
        stats.skippedMembers += m;
        return;
      }
      for (let x = 0; x < m; x++) {
        const a = ids[x];
        for (let y = x + 1; y < m; y++) visit(a, ids[y]);
      }
      stats.pairs += (m * (m - 1)) / 2;
    });
    return stats;
  }

  /**
   * selfPairs deduplicated across bands: pair i is (a[i], b[i]), a < b,
   * sorted by a then b. Memory is 8 bytes per emitted (non-distinct) pair.
   */
  distinctSelfPairs(maxBucket = Infinity): { a: Int32Array; b: Int32Array; stats: SelfPairStats } {
    const c = this.count;
    let packed = new Float64Array(1024);
    let n = 0;
    const stats = this.selfPairs((a, b) => {
      if (n === packed.length) {
        const grown = new Float64Array(n * 2);
        grown.set(packed);
        packed = grown;
      }
      packed[n++] = a * c + b;
    }, maxBucket);
    const sorted = packed.subarray(0, n).sort();
    let u = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[u++] = sorted[i];
    const a = new Int32Array(u);
    const b = new Int32Array(u);
    for (let i = 0; i < u; i++) {
      const v = sorted[i];
      a[i] = Math.floor(v / c);
      b[i] = v - a[i] * c;
    }
    return { a, b, stats };
  }
}

/**
 * Sorts bands [from, to) of band-major `keys` in place, writing the unit ids (0..count-1) of each
 * band into the same positions of `ids`.
 */
export function sortBands(keys: Uint32Array, ids: Int32Array, count: number, from: number, to: number): void {
  const k1 = new Uint32Array(count);
  const i1 = new Int32Array(count);
  for (let j = from; j < to; j++) {
    bandSort(keys.subarray(j * count, (j + 1) * count), ids.subarray(j * count, (j + 1) * count), k1, i1);
  }
}

const bucketCounts = new Int32Array(768);

/**
 * Sorts one band's keys ascending with ids 0..n-1 alongside, ids ascending within a key: a stable
 * scatter on the top byte, then a stable three-pass LSD radix sort inside each bucket while it is
 * cache-resident (four full-array scatters were bound by cache and TLB misses).
 */
function bandSort(keys: Uint32Array, ids: Int32Array, tmpKeys: Uint32Array, tmpIds: Int32Array): void {
  const n = keys.length;
  const top = new Int32Array(257);
  for (let i = 0; i < n; i++) top[(keys[i] >>> 24) + 1]++;
  for (let d = 0; d < 256; d++) top[d + 1] += top[d];
  const fill = top.slice(0, 256);
  for (let i = 0; i < n; i++) {
    const v = keys[i];
    const o = fill[v >>> 24]++;
    tmpKeys[o] = v;
    tmpIds[o] = i;
  }
  const c = bucketCounts;
  for (let d = 0; d < 256; d++) {
    const s = top[d];
    const e = top[d + 1];
    if (e - s <= 1) {
      if (e > s) {
        keys[s] = tmpKeys[s];
        ids[s] = tmpIds[s];
      }
      continue;
    }
    c.fill(0);
    for (let i = s; i < e; i++) {
      const v = tmpKeys[i];
      c[v & 0xff]++;
      c[256 + ((v >>> 8) & 0xff)]++;
      c[512 + ((v >>> 16) & 0xff)]++;
    }
    for (let b = 0; b < 768; b += 256) {
      let sum = s;
      for (let x = b; x < b + 256; x++) {
        const k = c[x];
        c[x] = sum;
        sum += k;
      }
    }
    // tmp → out → tmp → out.
    for (let i = s; i < e; i++) {
      const v = tmpKeys[i];
      const o = c[v & 0xff]++;
      keys[o] = v;
      ids[o] = tmpIds[i];
    }
    for (let i = s; i < e; i++) {
      const v = keys[i];
      const o = c[256 + ((v >>> 8) & 0xff)]++;
      tmpKeys[o] = v;
      tmpIds[o] = ids[i];
    }
    for (let i = s; i < e; i++) {
      const v = tmpKeys[i];
      const o = c[512 + ((v >>> 16) & 0xff)]++;
      keys[o] = v;
      ids[o] = tmpIds[i];
    }
  }
}
