// One document's contribution to the span layer: its content characters (letters, digits, hanzi,
// the slot '#') in order, chrome left out, each with the original range it came from. Punctuation
// and white space are not in the stream, so a copy whose commas were stripped, or a clause pasted
// into another without one, still shares one unbroken run of content with its source.
import type { Normalised } from '../types.js';
import { isContentUnit } from '../text/content.js';

export interface SpanDoc {
  /** Content code units of the normalised text, in order. */
  codes: Uint16Array;
  /** Original start offset of each content unit. */
  origStart: Int32Array;
  /** Original end minus start of each unit (a slot can stand for a long number); capped at 65535. */
  origLength: Uint16Array;
}

/** Where each content unit of a normalised text sits in it: the stream and its normalised positions. */
export interface ContentStream {
  codes: Uint16Array;
  normPos: Int32Array;
}

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** Content units of norm, skipping those marked in mask (chrome). Surrogates count as content. */
export function contentStream(norm: string, mask?: Uint8Array): ContentStream {
  const codes = new Uint16Array(norm.length);
  const normPos = new Int32Array(norm.length);
  let n = 0;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (mask !== undefined && mask[i] !== 0) continue;
    if (!isSurrogate(c) && !isContentUnit(c)) continue;
    codes[n] = c;
    normPos[n++] = i;
  }
  return { codes: codes.slice(0, n), normPos: normPos.slice(0, n) };
}

export function spanDoc(norm: Normalised, mask: Uint8Array): SpanDoc {
  const { codes, normPos } = contentStream(norm.text, mask);
  const origStart = new Int32Array(codes.length);
  const origLength = new Uint16Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const p = normPos[i];
    origStart[i] = norm.starts[p];
    origLength[i] = Math.min(65535, norm.ends[p] - norm.starts[p]);
  }
  return { codes, origStart, origLength };
}

export function spanDocBuffers(s: SpanDoc): ArrayBuffer[] {
  return [s.codes.buffer, s.origStart.buffer, s.origLength.buffer] as ArrayBuffer[];
}

/**
 * What a content unit weighs toward a span's length: a hanzi (or kana, hangul, the number slot)
 * carries about a word, a letter of an alphabet about a fifth of one. So `--span-chars 8` means
 * eight hanzi or some forty letters (seven or eight English words), not the one word "development".
 */
export function unitWeight(code: number): number {
  return code < 0x2e80 && code !== 0x23 ? 0.2 : 1;
}

/** The weighted length of codes[a, b). */
export function weightedLength(codes: Uint16Array, a: number, b: number): number {
  let w = 0;
  for (let i = a; i < b; i++) w += unitWeight(codes[i]);
  return w;
}
