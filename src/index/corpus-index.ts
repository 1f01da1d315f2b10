// The corpus index in memory: documents, their unit occurrences as flat arrays, identical units
// stored once ("uniques"), and an LSH band table over the uniques.
import type { NormaliseOptions, SketchOptions } from '../options.js';
import type { DocFormat } from '../types.js';
import type { ChromeModel } from '../io/chrome.js';
import { LshTable, sortBands } from './lsh-table.js';
import { type DocSketch } from './doc-sketch.js';
import { buildPostings, concatStreams, SpanIndex, type SpanPostings, type SpanStreams } from '../spans/span-index.js';
import type { SpanDoc } from '../spans/span-doc.js';

export const INDEX_FORMAT_VERSION = 4;

export interface IndexParams {
  normalise: NormaliseOptions;
  sketch: SketchOptions;
  minChars: number;
  chrome: boolean;
}

export interface IndexedDoc {
  path: string;
  /** 128-bit hash of the decoded text (index/checksum.ts), hex. */
  hash: string;
  format: DocFormat;
  encoding: string;
  text: string;
  norm: string;
  /** Chrome ranges in original offsets, flat pairs. */
  chrome: Int32Array;
  /** Metadata (--meta columns, a year from the file name); absent when there is none. */
  meta?: Record<string, string>;
}

/** Unit occurrences, one row per unit, grouped by document in document order. */
export interface UnitRows {
  count: number;
  doc: Int32Array;
  kind: Uint8Array;
  normStart: Int32Array;
  normEnd: Int32Array;
  start: Int32Array;
  end: Int32Array;
  unique: Int32Array;
}

/** Other threads that take part in assembling an index (the sketching pool's). */
export interface AssemblyHelper {
  /** sortBands on arrays in shared memory, elsewhere. */
  sortBands(keys: Uint32Array, ids: Int32Array, count: number, from: number, to: number): Promise<void>;
  /** buildPostings, elsewhere. */
  postings(codes: Uint16Array, docStart: Int32Array): Promise<SpanPostings>;
}

export class CorpusIndex {
  private occStart: Int32Array | undefined;
  private occList: Int32Array | undefined;

  constructor(
    readonly params: IndexParams,
    readonly docs: IndexedDoc[],
    readonly chromeModel: ChromeModel,
    readonly units: UnitRows,
    /** Content key of each unique unit. */
    readonly uniqueKey: Float64Array,
    /** One occurrence of each unique unit (its text is the unique's text). */
    readonly uniqueFirst: Int32Array,
    readonly lsh: LshTable,
    /** The span layer: every document's content stream and its seed postings. */
    readonly spans: SpanIndex,
  ) {}

  get uniqueCount(): number {
    return this.uniqueKey.length;
  }

  /**
   * Builds from documents and their sketches; documents are ordered by path. The sketches' span
   * streams are consumed (copied into the layer, then released: at 200 MB they are 0.5 GB).
   */
  static fromSketches(params: IndexParams, docs: IndexedDoc[], sketches: DocSketch[], chrome: ChromeModel): CorpusIndex {
    const order = pathOrder(docs);
    const streams = takeStreams(sketches, order, false);
    const spans = SpanIndex.fromStreams(streams, (st) => buildPostings(st.codes, st.docStart));
    const p = collect(params, docs, sketches, order, (n) => new Uint32Array(n));
    const lsh = LshTable.buildBandMajor(p.uniqueFirst.length, params.sketch.bands, p.keys);
    return new CorpusIndex(params, p.docs, chrome, p.units, p.uniqueKey, p.uniqueFirst, lsh, spans);
  }

  /**
   * As fromSketches, with the two largest steps shared with other threads: the span postings are
   * built there while this thread and they sort halves of the LSH bands (in shared memory). The
   * result is the same, byte for byte.
   */
  static async assemble(params: IndexParams, docs: IndexedDoc[], sketches: DocSketch[], chrome: ChromeModel, helper: AssemblyHelper): Promise<CorpusIndex> {
    const order = pathOrder(docs);
    const streams = takeStreams(sketches, order, true);
    const postings = helper.postings(streams.codes, streams.docStart);
    const p = collect(params, docs, sketches, order, (n) => new Uint32Array(new SharedArrayBuffer(n * 4)));
    const count = p.uniqueFirst.length;
    const bands = params.sketch.bands;
    const ids = new Int32Array(new SharedArrayBuffer(count * bands * 4));
    const half = bands >> 1;
    const elsewhere = helper.sortBands(p.keys, ids, count, half, bands);
    sortBands(p.keys, ids, count, 0, half);
    const [built] = await Promise.all([postings, elsewhere]);
    const lsh = LshTable.ofSortedBands(count, bands, p.keys, ids);
    const spans = SpanIndex.fromStreams(streams, () => built);
    return new CorpusIndex(params, p.docs, chrome, p.units, p.uniqueKey, p.uniqueFirst, lsh, spans);
  }

  /** Rows [from, to) of the units table that belong to document d. */
  docRows(d: number): [number, number] {
    const { doc } = this.units;
    let lo = lowerBound(doc, d);
    return [lo, lowerBound(doc, d + 1, lo)];
  }

  /** The normalised text of a unit row. */
  unitNorm(row: number): string {
    return this.docs[this.units.doc[row]].norm.slice(this.units.normStart[row], this.units.normEnd[row]);
  }

  unitText(row: number): string {
    return this.docs[this.units.doc[row]].text.slice(this.units.start[row], this.units.end[row]);
  }

  /** Every unit row whose content equals unique u's. */
  occurrences(u: number): Int32Array {
    if (!this.occStart || !this.occList) this.buildOccurrences();
    return this.occList!.subarray(this.occStart![u], this.occStart![u + 1]);
  }

  /** A document's sketch again, from the index (for rebuilding with documents added or replaced). */
  sketchOf(d: number, unitKeys: Uint32Array): DocSketch {
    const [from, to] = this.docRows(d);
    const bands = this.params.sketch.bands;
    const u = this.units;
    const keys = new Uint32Array((to - from) * bands);
    for (let r = from; r < to; r++) keys.set(unitKeys.subarray(u.unique[r] * bands, (u.unique[r] + 1) * bands), (r - from) * bands);
    return {
      count: to - from,
      kind: u.kind.slice(from, to),
      normStart: u.normStart.slice(from, to),
      normEnd: u.normEnd.slice(from, to),
      start: u.start.slice(from, to),
      end: u.end.slice(from, to),
      contentKey: Float64Array.from(u.unique.subarray(from, to), (q) => this.uniqueKey[q]),
      keys,
      span: this.spans.docSlice(d),
    };
  }

  /** Unit-major band keys of every unique, recovered from the LSH table. */
  uniqueBandKeys(): Uint32Array {
    const { count, bands, keys, ids } = this.lsh.toArrays();
    const out = new Uint32Array(count * bands);
    for (let j = 0; j < bands; j++) {
      for (let i = j * count; i < (j + 1) * count; i++) out[ids[i] * bands + j] = keys[i];
    }
    return out;
  }

  private buildOccurrences(): void {
    const n = this.uniqueCount;
    const start = new Int32Array(n + 1);
    for (let r = 0; r < this.units.count; r++) start[this.units.unique[r] + 1]++;
    for (let u = 0; u < n; u++) start[u + 1] += start[u];
    const fill = start.slice(0, n);
    const list = new Int32Array(this.units.count);
    for (let r = 0; r < this.units.count; r++) list[fill[this.units.unique[r]]++] = r;
    this.occStart = start;
    this.occList = list;
  }
}

interface Collected {
  docs: IndexedDoc[];
  units: UnitRows;
  uniqueKey: Float64Array;
  uniqueFirst: Int32Array;
  /** Band-major band keys of the uniques. */
  keys: Uint32Array;
}

/** Units and uniques of the documents in `order` (index order), band keys in memory from allocKeys. */
function collect(params: IndexParams, docs: IndexedDoc[], sketches: DocSketch[], order: number[], allocKeys: (n: number) => Uint32Array): Collected {
  const sortedDocs = order.map((i) => docs[i]);
  const sortedSketches = order.map((i) => sketches[i]);
  const units = concatUnits(sortedSketches);
  const bands = params.sketch.bands;
  const { uniqueKey, uniqueFirst } = assignUniques(sortedSketches, units.unique);
  // Each unique's keys go straight into the band-major layout the table sorts in place.
  const count = uniqueFirst.length;
  const keys = allocKeys(count * bands);
  let row = 0;
  let u = 0;
  for (const s of sortedSketches) {
    const sk = s.keys;
    for (let i = 0; i < s.count; i++, row++) {
      if (u < count && uniqueFirst[u] === row) {
        for (let j = 0, p = i * bands; j < bands; j++, p++) keys[j * count + u] = sk[p];
        u++;
      }
    }
  }
  return { docs: sortedDocs, units, uniqueKey, uniqueFirst, keys };
}

const RELEASED: SpanDoc = { codes: new Uint16Array(0), origStart: new Int32Array(0), origLength: new Uint16Array(0) };

/** The sketches' span streams laid end to end in index order; each sketch's own copy is released. */
function takeStreams(sketches: DocSketch[], order: number[], shared: boolean): SpanStreams {
  const streams = concatStreams(order.map((i) => sketches[i].span), shared);
  for (const s of sketches) s.span = RELEASED;
  return streams;
}

/** Document numbers in index order: by path. */
function pathOrder(docs: IndexedDoc[]): number[] {
  return docs.map((_, i) => i).sort((x, y) => compareStrings(docs[x].path, docs[y].path));
}

function concatUnits(sketches: DocSketch[]): UnitRows {
  const count = sketches.reduce((n, s) => n + s.count, 0);
  const rows: UnitRows = {
    count,
    doc: new Int32Array(count),
    kind: new Uint8Array(count),
    normStart: new Int32Array(count),
    normEnd: new Int32Array(count),
    start: new Int32Array(count),
    end: new Int32Array(count),
    unique: new Int32Array(count),
  };
  let at = 0;
  sketches.forEach((s, d) => {
    rows.doc.fill(d, at, at + s.count);
    rows.kind.set(s.kind, at);
    rows.normStart.set(s.normStart, at);
    rows.normEnd.set(s.normEnd, at);
    rows.start.set(s.start, at);
    rows.end.set(s.end, at);
    at += s.count;
  });
  return rows;
}

/**
 * Numbers identical units by first occurrence: fills unique[row] and returns each unique's content
 * key and first row. An open-addressing table on the 53-bit keys (a Map of doubles boxes every key
 * and was the slowest part of building).
 */
function assignUniques(sketches: DocSketch[], unique: Int32Array): { uniqueKey: Float64Array; uniqueFirst: Int32Array } {
  const total = unique.length;
  let cap = 16;
  while (cap < total * 2) cap *= 2;
  const mask = cap - 1;
  const slots = new Int32Array(cap); // unique id + 1; 0 is empty
  const keyOf = new Float64Array(total);
  const firstOf = new Int32Array(total);
  let n = 0;
  let row = 0;
  for (const s of sketches) {
    for (let i = 0; i < s.count; i++, row++) {
      const key = s.contentKey[i];
      let h = Math.imul((key >>> 0) ^ ((key / 4294967296) >>> 0), 0x9e3779b1) & mask;
      let u: number;
      while ((u = slots[h]) !== 0 && keyOf[u - 1] !== key) h = (h + 1) & mask;
      if (u === 0) {
        keyOf[n] = key;
        firstOf[n] = row;
        slots[h] = ++n;
        u = n;
      }
      unique[row] = u - 1;
    }
  }
  return { uniqueKey: keyOf.slice(0, n), uniqueFirst: firstOf.slice(0, n) };
}

/** The first index in sorted a[lo…] whose value is at least v. */
export function lowerBound(a: Int32Array, v: number, lo = 0): number {
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
