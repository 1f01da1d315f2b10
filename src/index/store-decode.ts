// The bytes of a saved file → CorpusIndex. Everything is checked before anything is built, so a
// failed load leaves nothing half made. Typed arrays are views on the file's buffer (zero copy);
// the price is that the buffer (texts included) stays in memory as long as the index.
import { TaohuaError } from '../errors.js';
import { CorpusIndex, INDEX_FORMAT_VERSION, type IndexedDoc, type UnitRows } from './corpus-index.js';
import { LshTable } from './lsh-table.js';
import { SpanIndex } from '../spans/span-index.js';
import {
  DIGEST_BYTES,
  MAGIC,
  PREAMBLE_BYTES,
  SECTION_NAMES,
  padTo,
  type Header,
  type Section,
  type SectionName,
  type SectionType,
} from './store-layout.js';
import { headerProblem } from './store-header.js';

const ELEMENT_BYTES = { u8: 1, u16: 2, i32: 4, u32: 4, f64: 8, utf16: 2 } as const;

function corrupt(path: string, message: string): TaohuaError {
  return new TaohuaError('INDEX_CORRUPT', message, path);
}

/** Magic, version, length and checksum; returns the parsed header and where the payload starts. */
/** `digest`: the checksum of all but the file's last DIGEST_BYTES, computed by the reader (store-read.ts). */
export function verifyFile(buf: Buffer, path: string, digest: Buffer): { header: Header; payload: number } {
  if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw corrupt(path, 'not a taohua index file (bad magic)');
  }
  if (buf.length < PREAMBLE_BYTES + DIGEST_BYTES) throw corrupt(path, 'index file is truncated');
  const version = buf.readUInt32LE(8);
  if (version !== INDEX_FORMAT_VERSION) {
    throw new TaohuaError(
      'INDEX_VERSION',
      `index file has format version ${version}, this taohua reads version ${INDEX_FORMAT_VERSION}; rebuild it with \`taohua index\``,
      path,
    );
  }
  const total = buf.readDoubleLE(16);
  if (buf.length < total) throw corrupt(path, `index file is truncated (${buf.length} of ${total} bytes)`);
  const end = buf.length - DIGEST_BYTES;
  if (buf.length !== total || !digest.equals(buf.subarray(end))) {
    throw corrupt(path, 'index file is corrupted (checksum mismatch)');
  }
  const headerBytes = buf.readUInt32LE(12);
  if (PREAMBLE_BYTES + headerBytes > end) throw corrupt(path, 'index file is corrupted (bad header length)');
  let header: unknown;
  try {
    header = JSON.parse(buf.toString('utf8', PREAMBLE_BYTES, PREAMBLE_BYTES + headerBytes));
  } catch {
    throw corrupt(path, 'index file is corrupted (unreadable header)');
  }
  const problem = headerProblem(header);
  if (problem !== null) throw corrupt(path, `index file is corrupted (${problem})`);
  return { header: header as Header, payload: PREAMBLE_BYTES + padTo(headerBytes) };
}

class Sections {
  private readonly byName = new Map<SectionName, Section>();

  constructor(
    private readonly buf: Buffer,
    private readonly payload: number,
    header: Header,
    private readonly path: string,
  ) {
    for (const s of header.sections ?? []) this.byName.set(s.name, s);
    const end = buf.length - DIGEST_BYTES;
    for (const name of SECTION_NAMES) {
      const s = this.byName.get(name);
      if (!s) throw corrupt(path, `index file is corrupted (no ${name} section)`);
      const size = ELEMENT_BYTES[s.type];
      if (!(s.offset >= 0 && s.bytes >= 0 && s.bytes % size === 0 && payload + s.offset + s.bytes <= end)) {
        throw corrupt(path, `index file is corrupted (bad ${name} section)`);
      }
    }
  }

  /**
   * The section's bytes as (buffer, offset): a view on the file's buffer when aligned (no copy:
   * copying was a third of load time), else a fresh copy. Views keep the file buffer alive.
   */
  private bytes(name: SectionName, expectLength: number, type: SectionType): [ArrayBuffer, number] {
    const s = this.byName.get(name)!;
    if (s.type !== type) throw corrupt(this.path, `index file is corrupted (${name} is ${s.type}, not ${type})`);
    if (s.bytes !== expectLength * ELEMENT_BYTES[s.type]) throw corrupt(this.path, `index file is corrupted (${name} has the wrong length)`);
    const start = this.buf.byteOffset + this.payload + s.offset;
    if (start % 8 === 0) return [this.buf.buffer as ArrayBuffer, start];
    const out = new ArrayBuffer(s.bytes);
    new Uint8Array(out).set(this.buf.subarray(start - this.buf.byteOffset, start - this.buf.byteOffset + s.bytes));
    return [out, 0];
  }

  u8(name: SectionName, n: number): Uint8Array {
    return new Uint8Array(...this.bytes(name, n, 'u8'), n);
  }
  u16(name: SectionName, n: number): Uint16Array {
    return new Uint16Array(...this.bytes(name, n, 'u16'), n);
  }
  i32(name: SectionName, n: number): Int32Array {
    return new Int32Array(...this.bytes(name, n, 'i32'), n);
  }
  u32(name: SectionName, n: number): Uint32Array {
    return new Uint32Array(...this.bytes(name, n, 'u32'), n);
  }
  f64(name: SectionName, n: number): Float64Array {
    return new Float64Array(...this.bytes(name, n, 'f64'), n);
  }

  /** The section's UTF-16LE strings, cut at the given lengths (code units). */
  strings(name: SectionName, lengths: number[]): string[] {
    const s = this.byName.get(name)!;
    const total = lengths.reduce((n, l) => n + l, 0);
    if (s.type !== 'utf16' || s.bytes !== total * 2) throw corrupt(this.path, `index file is corrupted (${name} has the wrong length)`);
    let at = this.payload + s.offset;
    return lengths.map((l) => {
      const str = this.buf.toString('utf16le', at, at + 2 * l);
      at += 2 * l;
      return str;
    });
  }
}

export function decodeIndex(buf: Buffer, path: string, digest: Buffer): CorpusIndex {
  const { header, payload } = verifyFile(buf, path, digest);
  try {
    return build(header, new Sections(buf, payload, header, path), path);
  } catch (e) {
    if (e instanceof TaohuaError) throw e;
    throw corrupt(path, `index file is corrupted (${e instanceof Error ? e.message : String(e)})`);
  }
}

function build(h: Header, s: Sections, path: string): CorpusIndex {
  const n = h.unitCount;
  // Views first: each checks its count against its section's length, so the one array made
  // here (the doc column, n values) is bounded by the file size whatever the header claims.
  const kind = s.u8('kind', n);
  const units: UnitRows = {
    count: n,
    kind,
    normStart: s.i32('normStart', n),
    normEnd: s.i32('normEnd', n),
    start: s.i32('start', n),
    end: s.i32('end', n),
    unique: s.i32('unique', n),
    doc: docColumn(h, n, path),
  };
  const uniqueKey = s.f64('uniqueKey', h.uniqueCount);
  const uniqueFirst = s.i32('uniqueFirst', h.uniqueCount);
  checkRange(units.unique, h.uniqueCount, 'unique', path);
  checkRange(uniqueFirst, n, 'uniqueFirst', path);
  const lsh = LshTable.fromArrays({
    count: h.uniqueCount,
    bands: h.bands,
    keys: s.u32('lshKeys', h.uniqueCount * h.bands),
    ids: s.i32('lshIds', h.uniqueCount * h.bands),
  });
  const docs = docsOf(h, s, units, path);
  return new CorpusIndex(h.params, docs, h.chromeModel, units, uniqueKey, uniqueFirst, lsh, spanLayer(h, s, docs, path));
}

/** The span layer, every offset checked against the documents and every posting against the stream. */
function spanLayer(h: Header, s: Sections, docs: IndexedDoc[], path: string): SpanIndex {
  const docStart = new Int32Array(h.docs.length + 1);
  h.docs.forEach((d, i) => {
    if (!(Number.isInteger(d.spanChars) && d.spanChars >= 0 && d.spanChars <= d.normChars)) throw corrupt(path, 'index file is corrupted (span lengths)');
    docStart[i + 1] = docStart[i] + d.spanChars;
  });
  const n = docStart[h.docs.length];
  const buckets = h.spanBuckets;
  if (!(Number.isInteger(buckets) && buckets >= 1 && (buckets & (buckets - 1)) === 0 && h.spanPostings <= n)) {
    throw corrupt(path, 'index file is corrupted (span layer sizes)');
  }
  const codes = s.u16('spanCodes', n);
  const origStart = s.i32('spanOrigStart', n);
  const origLength = s.u16('spanOrigLength', n);
  const bucketStart = s.u32('spanBuckets', buckets + 1);
  const postings = s.i32('spanPostings', h.spanPostings);
  for (let b = 0; b < buckets; b++) if (bucketStart[b] > bucketStart[b + 1]) throw corrupt(path, 'index file is corrupted (span buckets)');
  if (bucketStart[0] !== 0 || bucketStart[buckets] !== postings.length) throw corrupt(path, 'index file is corrupted (span buckets)');
  checkRange(postings, n, 'spanPostings', path);
  for (let d = 0; d < docs.length; d++) {
    const limit = docs[d].text.length;
    for (let g = docStart[d]; g < docStart[d + 1]; g++) {
      if (origStart[g] < 0 || origStart[g] + origLength[g] > limit) throw corrupt(path, 'index file is corrupted (span offsets out of range)');
    }
  }
  return new SpanIndex(docStart, codes, origStart, origLength, bucketStart, postings);
}

/** The per-row document column, from each document's row count. */
function docColumn(h: Header, n: number, path: string): Int32Array {
  const doc = new Int32Array(n);
  let at = 0;
  h.docs.forEach((d, i) => {
    if (!(d.rows >= 0 && at + d.rows <= n)) throw corrupt(path, 'index file is corrupted (row counts)');
    doc.fill(i, at, at + d.rows);
    at += d.rows;
  });
  if (at !== n) throw corrupt(path, 'index file is corrupted (row counts)');
  return doc;
}

function docsOf(h: Header, s: Sections, units: UnitRows, path: string): IndexedDoc[] {
  const texts = s.strings('text', h.docs.map((d) => d.textChars));
  const norms = s.strings('norm', h.docs.map((d) => d.normChars));
  const chromeAll = s.i32('chrome', h.docs.reduce((n, d) => n + d.chromeInts, 0));
  let at = 0;
  const docs = h.docs.map((d, i): IndexedDoc => {
    const chrome = chromeAll.slice(at, at + d.chromeInts);
    at += d.chromeInts;
    const meta = savedMeta(d.meta, path);
    return { path: d.path, hash: d.hash, format: d.format, encoding: d.encoding, text: texts[i], norm: norms[i], chrome, ...(meta ? { meta } : {}) };
  });
  for (let r = 0; r < units.count; r++) {
    const d = docs[units.doc[r]];
    const ok =
      units.normStart[r] >= 0 && units.normStart[r] <= units.normEnd[r] && units.normEnd[r] <= d.norm.length &&
      units.start[r] >= 0 && units.start[r] <= units.end[r] && units.end[r] <= d.text.length;
    if (!ok) throw corrupt(path, 'index file is corrupted (unit offsets out of range)');
  }
  return docs;
}

function savedMeta(meta: unknown, path: string): Record<string, string> | undefined {
  if (meta === undefined) return undefined;
  const ok = typeof meta === 'object' && meta !== null && !Array.isArray(meta) && Object.values(meta).every((v) => typeof v === 'string');
  if (!ok) throw corrupt(path, 'index file is corrupted (document metadata)');
  return meta as Record<string, string>;
}

function checkRange(a: Int32Array, limit: number, name: string, path: string): void {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < 0 || a[i] >= limit) throw corrupt(path, `index file is corrupted (${name} out of range)`);
  }
}
