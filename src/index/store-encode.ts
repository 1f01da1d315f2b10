// CorpusIndex → the chunks of a saved file (views on the index's arrays, not copies).
import { INDEX_FORMAT_VERSION, type CorpusIndex } from './corpus-index.js';
import {
  DIGEST_BYTES,
  PREAMBLE_BYTES,
  padTo,
  preamble,
  type Header,
  type SavedDoc,
  type Section,
  type SectionName,
  type SectionType,
} from './store-layout.js';

type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

interface Part {
  name: SectionName;
  type: SectionType;
  chunks: Buffer[];
  bytes: number;
}

function view(a: Typed): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function arrayPart(name: SectionName, type: SectionType, a: Typed): Part {
  return { name, type, chunks: [view(a)], bytes: a.byteLength };
}

function stringsPart(name: SectionName, strings: string[]): Part {
  const chunks = strings.map((s) => Buffer.from(s, 'utf16le'));
  return { name, type: 'utf16', chunks, bytes: chunks.reduce((n, c) => n + c.length, 0) };
}

function parts(index: CorpusIndex): Part[] {
  const u = index.units;
  const lsh = index.lsh.toArrays();
  return [
    arrayPart('kind', 'u8', u.kind.subarray(0, u.count)),
    arrayPart('normStart', 'i32', u.normStart.subarray(0, u.count)),
    arrayPart('normEnd', 'i32', u.normEnd.subarray(0, u.count)),
    arrayPart('start', 'i32', u.start.subarray(0, u.count)),
    arrayPart('end', 'i32', u.end.subarray(0, u.count)),
    arrayPart('unique', 'i32', u.unique.subarray(0, u.count)),
    arrayPart('uniqueKey', 'f64', index.uniqueKey),
    arrayPart('uniqueFirst', 'i32', index.uniqueFirst),
    arrayPart('lshKeys', 'u32', lsh.keys),
    arrayPart('lshIds', 'i32', lsh.ids),
    { name: 'chrome', type: 'i32', chunks: index.docs.map((d) => view(d.chrome)), bytes: index.docs.reduce((n, d) => n + d.chrome.byteLength, 0) },
    stringsPart('text', index.docs.map((d) => d.text)),
    stringsPart('norm', index.docs.map((d) => d.norm)),
    arrayPart('spanCodes', 'u16', index.spans.codes),
    arrayPart('spanOrigStart', 'i32', index.spans.origStart),
    arrayPart('spanOrigLength', 'u16', index.spans.origLength),
    arrayPart('spanBuckets', 'u32', index.spans.bucketStart),
    arrayPart('spanPostings', 'i32', index.spans.postings),
  ];
}

function savedDocs(index: CorpusIndex): SavedDoc[] {
  return index.docs.map((d, i) => {
    const [from, to] = index.docRows(i);
    return {
      path: d.path,
      hash: d.hash,
      format: d.format,
      encoding: d.encoding,
      textChars: d.text.length,
      normChars: d.norm.length,
      chromeInts: d.chrome.length,
      rows: to - from,
      spanChars: index.spans.docStart[i + 1] - index.spans.docStart[i],
      ...(d.meta && Object.keys(d.meta).length ? { meta: d.meta } : {}),
    };
  });
}

/** The file's chunks in order, without the trailing digest; and their total length with it. */
export function encodeIndex(index: CorpusIndex): { chunks: Buffer[]; totalBytes: number } {
  const ps = parts(index);
  const sections: Section[] = [];
  let offset = 0;
  for (const p of ps) {
    sections.push({ name: p.name, type: p.type, offset, bytes: p.bytes });
    offset = padTo(offset + p.bytes);
  }
  const header: Header = {
    params: index.params,
    chromeModel: index.chromeModel,
    docs: savedDocs(index),
    unitCount: index.units.count,
    uniqueCount: index.uniqueCount,
    bands: index.lsh.bands,
    spanBuckets: index.spans.bucketStart.length - 1,
    spanPostings: index.spans.postings.length,
    sections,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerPadded = padTo(json.length);
  const totalBytes = PREAMBLE_BYTES + headerPadded + offset + DIGEST_BYTES;
  const chunks: Buffer[] = [preamble(INDEX_FORMAT_VERSION, json.length, totalBytes), json, zeros(headerPadded - json.length)];
  for (const p of ps) {
    chunks.push(...p.chunks, zeros(padTo(p.bytes) - p.bytes));
  }
  return { chunks: chunks.filter((c) => c.length > 0), totalBytes };
}

function zeros(n: number): Buffer {
  return Buffer.alloc(n);
}
