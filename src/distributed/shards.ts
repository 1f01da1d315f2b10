// The map side's data: documents sorted by path (the index's order) cut into contiguous shards,
// so that (shard, unit-in-shard) order is the index's row order; and the binary records a shard
// job reads and writes.
import type { SourceDoc, DocFormat } from '../types.js';
import type { SketchedDocument } from '../index/sketch-document.js';
import type { DocSketch } from '../index/doc-sketch.js';
import { compareStrings } from '../index/corpus-index.js';
import { Reader, Writer } from './codec.js';

export interface Shard {
  /** Documents [from, to) of the path-sorted list. */
  from: number;
  to: number;
  chars: number;
}

/** Stable sort by path, exactly as CorpusIndex.fromSketches orders documents. */
export function sortByPath(docs: SourceDoc[]): SourceDoc[] {
  return docs
    .map((d, i) => ({ d, i }))
    .sort((x, y) => compareStrings(x.d.path, y.d.path) || x.i - y.i)
    .map((x) => x.d);
}

export function planShards(docs: SourceDoc[], shardChars: number, maxDocs = 2000): Shard[] {
  const out: Shard[] = [];
  let from = 0;
  let chars = 0;
  docs.forEach((d, i) => {
    chars += d.text.length;
    if (chars >= shardChars || i + 1 - from >= maxDocs) {
      out.push({ from, to: i + 1, chars });
      from = i + 1;
      chars = 0;
    }
  });
  if (from < docs.length) out.push({ from, to: docs.length, chars });
  return out;
}

export function encodeInput(docs: SourceDoc[]): Buffer {
  const w = new Writer().u32(docs.length);
  for (const d of docs) w.str(d.path).str(d.format).str(d.encoding).str(d.text);
  return w.done();
}

export function decodeInput(buf: Buffer): SourceDoc[] {
  const r = new Reader(buf);
  const n = r.u32();
  const docs: SourceDoc[] = [];
  for (let i = 0; i < n; i++) {
    const path = r.str();
    const format = r.str() as DocFormat;
    const encoding = r.str();
    docs.push({ path, format, encoding, text: r.str() });
  }
  return docs;
}

/** What the coordinator needs back: everything but the text it already has. */
export function encodeOutput(sketched: SketchedDocument[]): Buffer {
  const w = new Writer().u32(sketched.length);
  for (const { doc, sketch: s } of sketched) {
    w.str(doc.hash).str(doc.norm).arr(doc.chrome).u32(s.count);
    w.arr(s.kind).arr(s.normStart).arr(s.normEnd).arr(s.start).arr(s.end).arr(s.contentKey).arr(s.keys);
    w.arr(s.span.codes).arr(s.span.origStart).arr(s.span.origLength);
  }
  return w.done();
}

export function decodeOutput(buf: Buffer, docs: SourceDoc[]): SketchedDocument[] {
  const r = new Reader(buf);
  const n = r.u32();
  if (n !== docs.length) throw new Error(`shard output has ${n} documents, expected ${docs.length}`);
  return docs.map((d) => {
    const hash = r.str();
    const norm = r.str();
    const chrome = r.i32();
    const sketch: DocSketch = {
      count: r.u32(),
      kind: r.u8(),
      normStart: r.i32(),
      normEnd: r.i32(),
      start: r.i32(),
      end: r.i32(),
      contentKey: r.f64(),
      keys: r.u32s(),
      span: { codes: r.u16(), origStart: r.i32(), origLength: r.u16() },
    };
    return { doc: { path: d.path, hash, format: d.format, encoding: d.encoding, text: d.text, norm, chrome }, sketch };
  });
}

/** Band records of one shard for one partition: (band, key, unit-in-shard) triples. */
export class BandRecords {
  private data = new Uint32Array(96);
  private n = 0;

  push(band: number, key: number, unit: number): void {
    if (this.n + 3 > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.n++] = band;
    this.data[this.n++] = key;
    this.data[this.n++] = unit;
  }

  toBuffer(): Buffer {
    return Buffer.from(this.data.buffer, 0, this.n * 4);
  }
}

/** Raw little-endian arrays (no length prefix): a whole Redis value is one array. */
export function u32sOf(buf: Buffer): Uint32Array {
  const out = new Uint32Array(buf.length >>> 2);
  new Uint8Array(out.buffer).set(buf.subarray(0, out.length * 4));
  return out;
}

export function f64sOf(buf: Buffer): Float64Array {
  const out = new Float64Array(buf.length >>> 3);
  new Uint8Array(out.buffer).set(buf.subarray(0, out.length * 8));
  return out;
}

export function bufferOf(a: Uint32Array | Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}
