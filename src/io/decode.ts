// Bytes → text by detection, never by file extension.
//
// Order: empty → BOM (UTF-8, UTF-16 LE/BE) → binary check (NUL bytes, control characters)
// → UTF-8 (strict, or lossy when almost all non-ASCII bytes form valid sequences)
// → GB18030 / Big5 (strict; when both fit, the one that yields more common hanzi wins)
// → lossy fallbacks → UNDECODABLE.

import { COMMON_HANZI } from './hanzi.js';

export type DecodeResult =
  | { ok: true; text: string; encoding: string }
  | { ok: false; code: 'BINARY' | 'UNDECODABLE'; message: string };

/** Share of control bytes (other than tab, LF, VT, FF, CR, ESC) above which a file is binary. */
const CONTROL_SHARE = 0.05;
/** A file with invalid UTF-8 is still UTF-8 when this share of its non-ASCII bytes is valid. */
const UTF8_VALID_SHARE = 0.9;
/** Lossy legacy decoding is accepted up to this share of replacement characters. */
const LOSSY_SHARE = 0.01;
/** Characters scored when choosing between GB18030 and Big5. */
const SCORE_SAMPLE = 200_000;

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const n = bytes.length;
  if (n === 0) return { ok: true, text: '', encoding: 'utf-8' };

  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: decodeWith('utf-8', bytes.subarray(3), false) ?? '', encoding: 'utf-8' };
  }
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: decodeWith('utf-16le', bytes.subarray(2), false) ?? '', encoding: 'utf-16le' };
  }
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: decodeWith('utf-16be', bytes.subarray(2), false) ?? '', encoding: 'utf-16be' };
  }

  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, code: 'BINARY', message: `binary file (NUL bytes at offset ${nul})` };
  // The common case first: strict UTF-8 without control characters (both checked natively).
  const strict = decodeWith('utf-8', bytes, true);
  if (strict !== null && !CONTROL_CHAR.test(strict)) return { ok: true, text: strict, encoding: 'utf-8' };

  const binary = binaryReason(bytes);
  if (binary !== null) return { ok: false, code: 'BINARY', message: binary };
  if (strict !== null) return { ok: true, text: strict, encoding: 'utf-8' };

  const utf8 = scanUtf8(bytes);
  if (utf8.invalid === 0) return { ok: true, text: decodeWith('utf-8', bytes, false) ?? '', encoding: 'utf-8' };
  const nonAscii = utf8.validMulti + utf8.invalid;
  if (utf8.validMulti / nonAscii >= UTF8_VALID_SHARE) {
    return { ok: true, text: decodeWith('utf-8', bytes, false) ?? '', encoding: 'utf-8' };
  }

  const gb = decodeWith('gb18030', bytes, true);
  const big5 = decodeWith('big5', bytes, true);
  if (gb !== null && big5 !== null) {
    return hanziScore(big5) > hanziScore(gb)
      ? { ok: true, text: big5, encoding: 'big5' }
      : { ok: true, text: gb, encoding: 'gb18030' };
  }
  if (gb !== null) return { ok: true, text: gb, encoding: 'gb18030' };
  if (big5 !== null) return { ok: true, text: big5, encoding: 'big5' };

  // Nothing fits strictly: accept a legacy decoding with very few bad bytes.
  const lossy: { text: string; encoding: string; bad: number }[] = [];
  for (const enc of ['gb18030', 'big5']) {
    const text = decodeWith(enc, bytes, false);
    if (text !== null) lossy.push({ text, encoding: enc, bad: countReplacement(text) / Math.max(1, text.length) });
  }
  lossy.sort((a, b) => a.bad - b.bad);
  const best = lossy[0];
  if (best !== undefined && best.bad <= LOSSY_SHARE) return { ok: true, text: best.text, encoding: best.encoding };
  if (utf8.validMulti / nonAscii >= 0.5) {
    return { ok: true, text: decodeWith('utf-8', bytes, false) ?? '', encoding: 'utf-8' };
  }
  return {
    ok: false,
    code: 'UNDECODABLE',
    message: `no text encoding fits (tried utf-8, gb18030, big5; ${utf8.invalid} invalid UTF-8 sequences)`,
  };
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The control characters binaryReason counts (NUL is checked before). */
const CONTROL_CHAR = /[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]/;

/** A one-line reason when the bytes (without NUL) are not text, else null. */
function binaryReason(bytes: Uint8Array): string | null {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) {
      control++;
    }
  }
  const share = control / bytes.length;
  if (control > 0 && share > CONTROL_SHARE) {
    return `binary file (${(share * 100).toFixed(1)}% control characters)`;
  }
  return null;
}

/** Counts valid multi-byte UTF-8 sequences (in bytes) and invalid bytes, in one pass. */
function scanUtf8(b: Uint8Array): { validMulti: number; invalid: number } {
  let validMulti = 0;
  let invalid = 0;
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      len = 2;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      min = 0x10000;
    }
    if (len === 0 || i + len > n) {
      invalid++;
      i++;
      continue;
    }
    let cp = c & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
    let ok = true;
    for (let k = 1; k < len; k++) {
      const t = b[i + k];
      if ((t & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (t & 0x3f);
    }
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      invalid++;
      i++;
      continue;
    }
    validMulti += len;
    i += len;
  }
  return { validMulti, invalid };
}

/** Share of common hanzi among the non-ASCII characters of (a prefix of) the text. */
function hanziScore(text: string): number {
  let common = 0;
  let nonAscii = 0;
  const end = Math.min(text.length, SCORE_SAMPLE);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (COMMON_HANZI.has(c)) common++;
  }
  return nonAscii === 0 ? 0 : common / nonAscii;
}

function countReplacement(text: string): number {
  let k = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) k++;
  return k;
}
