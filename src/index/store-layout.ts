// The saved index's layout: a fixed preamble, a JSON header, 8-byte-aligned typed-array sections,
// and a checksum digest (checksum.ts) of everything before it.
//
//   0   "TAOHUA\0"            7 bytes magic, then one zero byte
//   8   u32 LE                format version (INDEX_FORMAT_VERSION)
//   12  u32 LE                header length in bytes (UTF-8 JSON)
//   16  f64 LE                total file length, so truncation is told apart from corruption
//   24  8 zero bytes          reserved
//   32  header JSON, zero-padded to a multiple of 8
//   …   sections, each starting at a multiple of 8 from the payload start
//   end digest (32 bytes, checksum.ts) over bytes [0, end - 32)
import type { ChromeModel } from '../io/chrome.js';
import type { DocFormat } from '../types.js';
import type { IndexParams } from './corpus-index.js';

export const MAGIC = Buffer.from('TAOHUA\0', 'latin1');
export const PREAMBLE_BYTES = 32;
export const DIGEST_BYTES = 32;
export const ALIGN = 8;

export type SectionType = 'u8' | 'u16' | 'i32' | 'u32' | 'f64' | 'utf16';

export interface Section {
  name: SectionName;
  type: SectionType;
  /** Byte offset from the payload start (the first byte after the padded header). */
  offset: number;
  bytes: number;
}

export const SECTION_NAMES = [
  'kind',
  'normStart',
  'normEnd',
  'start',
  'end',
  'unique',
  'uniqueKey',
  'uniqueFirst',
  'lshKeys',
  'lshIds',
  'chrome',
  'text',
  'norm',
  'spanCodes',
  'spanOrigStart',
  'spanOrigLength',
  'spanBuckets',
  'spanPostings',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export interface SavedDoc {
  path: string;
  hash: string;
  format: DocFormat;
  encoding: string;
  /** Lengths in UTF-16 code units of text and norm, in Int32 values of chrome, and unit rows. */
  textChars: number;
  normChars: number;
  chromeInts: number;
  rows: number;
  /** Content units in the span layer. */
  spanChars: number;
  /** Optional: the document's metadata (string values). */
  meta?: Record<string, string>;
}

export interface Header {
  params: IndexParams;
  chromeModel: ChromeModel;
  docs: SavedDoc[];
  unitCount: number;
  uniqueCount: number;
  bands: number;
  /** Span layer: bucket count and posting count. */
  spanBuckets: number;
  spanPostings: number;
  sections: Section[];
}

export function padTo(n: number, align = ALIGN): number {
  return Math.ceil(n / align) * align;
}

export function preamble(version: number, headerBytes: number, totalBytes: number): Buffer {
  const b = Buffer.alloc(PREAMBLE_BYTES);
  MAGIC.copy(b, 0);
  b.writeUInt32LE(version, 8);
  b.writeUInt32LE(headerBytes, 12);
  b.writeDoubleLE(totalBytes, 16);
  return b;
}
