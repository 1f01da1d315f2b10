// One file's bytes → text, by content sniffing first and extension second. Never throws.

import type { ErrorCode } from '../errors.js';
import type { DocFormat } from '../types.js';
import { decodeBytes } from './decode.js';
import { decodeHtml, htmlToText } from './html.js';
import { oneLine, pdfToText } from './pdf.js';
import { inflatedSize } from './zip-inflate.js';

/** `tooLarge`: refused for a size limit (the server answers 413), not for what the file is. */
export type ExtractResult =
  | { ok: true; text: string; format: DocFormat; encoding: string }
  | { ok: false; code: ErrorCode; message: string; tooLarge?: boolean };

export interface ExtractLimits {
  /** Largest total inflated size of a .docx's parts (media excluded), bytes. */
  inflatedBytes: number;
  /** Most pages of a PDF. */
  pdfPages: number;
  /** Longest text extracted, characters; reading stops as soon as it is passed. */
  chars: number;
}

/** The bounds every extraction has, on the command line too: far above any real report. */
export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  inflatedBytes: 256 * 1024 * 1024,
  pdfPages: 5_000,
  chars: Number.POSITIVE_INFINITY,
};

/** Extensions taken from folders; any other file must be named explicitly. */
export const TEXT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.html', '.htm', '.docx', '.pdf'];

/** Binary formats recognised by their first bytes, so that the message for a non-text file can name them. */
const MAGIC: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: '7-zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'Windows executable', bytes: [0x4d, 0x5a] },
  { name: 'legacy Office file (.doc/.xls/.ppt; save it as .docx)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

export async function extractText(path: string, bytes: Uint8Array, limits: Partial<ExtractLimits> = {}): Promise<ExtractResult> {
  try {
    const r = await extract(path, bytes, { ...DEFAULT_EXTRACT_LIMITS, ...limits });
    const chars = limits.chars ?? DEFAULT_EXTRACT_LIMITS.chars;
    return r.ok && r.text.length > chars ? tooLong(chars) : r;
  } catch (e) {
    return { ok: false, code: 'INTERNAL', message: `cannot extract text (${oneLine(e)})` };
  }
}

function tooLong(chars: number): ExtractResult {
  return { ok: false, code: 'UNSUPPORTED', message: `the text is longer than ${chars} characters`, tooLarge: true };
}

async function extract(path: string, bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractResult> {
  const ext = extensionOf(path);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]) || (ext === '.pdf' && hasPdfHeader(bytes))) {
    const r = await pdfToText(bytes, { pages: limits.pdfPages, chars: limits.chars });
    return r.ok ? { ok: true, text: r.text, format: 'pdf', encoding: 'extracted' } : r;
  }
  if (ext === '.pdf') return { ok: false, code: 'UNSUPPORTED', message: 'not a PDF (no %PDF- header)' };

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === '.docx' || containsAscii(bytes, 'word/document.xml')) return docx(bytes, limits.inflatedBytes);
    return { ok: false, code: 'UNSUPPORTED', message: 'zip archive that is not a .docx document' };
  }
  if (ext === '.docx') return { ok: false, code: 'UNSUPPORTED', message: 'not a .docx document (no zip signature)' };

  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || (ext === '' && looksLikeHtml(bytes))) {
    const d = decodeHtml(bytes);
    if (!d.ok) return d;
    return { ok: true, text: htmlToText(d.text), format: 'html', encoding: d.encoding };
  }

  const d = decodeBytes(bytes);
  if (!d.ok) {
    // Name well-known binary types; only when the bytes are not text anyway ("MZ…" may start a text).
    const known = MAGIC.find((m) => startsWith(bytes, m.bytes));
    return known ? { ok: false, code: 'UNSUPPORTED', message: `unsupported file type: ${known.name}` } : d;
  }
  return { ok: true, text: d.text, format: ext === '.md' || ext === '.markdown' ? 'md' : 'txt', encoding: d.encoding };
}

/** Pictures and embedded files are not read for the text, so they do not count towards the cap. */
const countedPart = (name: string): boolean => !/^word\/(?:media|embeddings)\//.test(name);

async function docx(bytes: Uint8Array, maxInflated: number): Promise<ExtractResult> {
  const size = inflatedSize(bytes, maxInflated, countedPart);
  if (!size.ok && size.reason === 'over') {
    return { ok: false, code: 'UNSUPPORTED', message: `.docx ${size.message}: refused`, tooLarge: true };
  }
  let mammoth: typeof import('mammoth');
  try {
    mammoth = await import('mammoth');
  } catch (e) {
    return { ok: false, code: 'UNSUPPORTED', message: `.docx reader unavailable (${oneLine(e)})` };
  }
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.extractRawText({ buffer });
    const text = result.value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
    if (text === '') return { ok: false, code: 'NO_TEXT', message: 'no text in the .docx document' };
    return { ok: true, text, format: 'docx', encoding: 'extracted' };
  } catch (e) {
    return { ok: false, code: 'UNSUPPORTED', message: `cannot read .docx (${oneLine(e)})` };
  }
}

export function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** PDF readers accept the header anywhere in the first kilobyte. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  return containsAscii(bytes.subarray(0, 1024), '%PDF-');
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = '';
  const end = Math.min(bytes.length, 512);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]);
  return /^(?:\ufeff|\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html[\s>])/i.test(head);
}
