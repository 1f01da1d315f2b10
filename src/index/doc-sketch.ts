// One document's indexable units and their band keys, as flat typed arrays: the unit of work a
// thread or a remote worker computes and hands back (transferable, no per-unit objects).
//
// Hot path: each unit's text is scanned once (content characters into a scratch buffer, content
// length, chrome share), and the content string is built once from that buffer.
import type { SketchOptions } from '../options.js';
import type { PreparedDoc } from '../types.js';
import { UNIT_HEADING } from '../types.js';
import { isContentChar, isContentUnit } from '../text/content.js';
import { originalRange } from '../text/normalise.js';
import { contentKeyUnits, unitBandKeys, unitShingles } from '../sketch/unit-sketch.js';
import { charShingleHashes, shingleScratch } from '../sketch/shingle.js';
import { spanDoc, spanDocBuffers, type SpanDoc } from '../spans/span-doc.js';

export const KIND_SENTENCE = 0;
export const KIND_CLAUSE = 1;

export interface DocSketch {
  count: number;
  kind: Uint8Array;
  normStart: Int32Array;
  normEnd: Int32Array;
  start: Int32Array;
  end: Int32Array;
  contentKey: Float64Array;
  /** count × bands LSH keys, unit-major. */
  keys: Uint32Array;
  /** The document's content stream for the span layer. */
  span: SpanDoc;
}

export interface UnitRange {
  kind: number;
  a: number;
  b: number;
}

/** Scratch for the unit being scanned: content code units and counts. */
let buf = new Uint16Array(1024);
let bufLen = 0;
let points = 0;
/** Whether buf holds a surrogate pair. */
let astral = false;

/**
 * Scans text[a, b): content code units into buf (surrogate pairs kept whole, as contentOf does),
 * their code point count into `points`; returns whether the unit is kept (content length at
 * least minChars and less than half of its non-blank characters chrome).
 */
function scanUnit(text: string, mask: Uint8Array, a: number, b: number, minChars: number): boolean {
  if (buf.length < b - a) buf = new Uint16Array(Math.max(b - a, buf.length * 2));
  let n = 0;
  let surrogates = false;
  let total = 0;
  let chrome = 0;
  for (let i = a; i < b; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x0a) {
      total++;
      chrome += mask[i];
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < b) {
      const next = text.charCodeAt(i + 1);
      if (next !== 0x20 && next !== 0x0a) {
        total++;
        chrome += mask[i + 1];
      }
      if (isContentChar(text.slice(i, i + 2))) {
        buf[n++] = code;
        buf[n++] = next;
        surrogates = true;
      }
      i++;
    } else if (isContentUnit(code)) {
      buf[n++] = code;
    }
  }
  bufLen = n;
  astral = surrogates;
  points = surrogates ? codePointCount(buf, n) : n;
  return points >= minChars && (total === 0 || 2 * chrome < total);
}

/** Code points as `[...s].length` counts them: a high surrogate followed by a low one is one. */
function codePointCount(u: Uint16Array, n: number): number {
  let c = n;
  for (let i = 0; i + 1 < n; i++) {
    if (u[i] >= 0xd800 && u[i] <= 0xdbff && u[i + 1] >= 0xdc00 && u[i + 1] <= 0xdfff) {
      c--;
      i++;
    }
  }
  return c;
}

/** Sentences and clauses worth indexing: long enough, and not page chrome. */
export function indexableUnits(p: PreparedDoc, mask: Uint8Array, minChars: number): UnitRange[] {
  const out: UnitRange[] = [];
  forEachUnit(p, mask, minChars, (kind, a, b) => out.push({ kind, a, b }));
  return out;
}

/** Calls visit for each kept unit, right after scanUnit filled the scratch buffer with its content. */
function forEachUnit(p: PreparedDoc, mask: Uint8Array, minChars: number, visit: (kind: number, a: number, b: number) => void): void {
  const { sentences, sentenceFlags, clauses } = p.segments;
  const text = p.norm.text;
  for (let s = 0; s < sentenceFlags.length; s++) {
    const a = sentences[2 * s];
    const b = sentences[2 * s + 1];
    if (scanUnit(text, mask, a, b, minChars)) visit(KIND_SENTENCE | (sentenceFlags[s] & UNIT_HEADING ? 2 : 0), a, b);
  }
  for (let c = 0; c < clauses.length; c += 2) {
    if (scanUnit(text, mask, clauses[c], clauses[c + 1], minChars)) visit(KIND_CLAUSE, clauses[c], clauses[c + 1]);
  }
}

export function sketchDoc(p: PreparedDoc, mask: Uint8Array, opts: SketchOptions, minChars: number): DocSketch {
  const text = p.norm.text;
  const cap = p.segments.sentenceFlags.length + p.segments.clauses.length / 2;
  const kind = new Uint8Array(cap);
  const normStart = new Int32Array(cap);
  const normEnd = new Int32Array(cap);
  const start = new Int32Array(cap);
  const end = new Int32Array(cap);
  const keyOf = new Float64Array(cap);
  const keys = new Uint32Array(cap * opts.bands);
  const bands = opts.bands;
  let i = 0;
  forEachUnit(p, mask, minChars, (k, a, b) => {
    const [s, e] = originalRange(p.norm, a, b);
    kind[i] = k;
    normStart[i] = a;
    normEnd[i] = b;
    start[i] = s;
    end[i] = e;
    const key = contentKeyUnits(buf, bufLen);
    keyOf[i] = key;
    if (opts.mode === 'char') {
      // The signature needs neither order nor uniqueness: hash the windows straight from buf.
      const n = charShingleHashes(buf, bufLen, opts.n, astral);
      unitBandKeys(shingleScratch(), opts, keys, i * bands, n);
    } else {
      const shingles = unitShingles(text, a, b, opts);
      unitBandKeys(shingles, opts, keys, i * bands);
    }
    i++;
  });
  return {
    count: i,
    kind: kind.slice(0, i),
    normStart: normStart.slice(0, i),
    normEnd: normEnd.slice(0, i),
    start: start.slice(0, i),
    end: end.slice(0, i),
    contentKey: keyOf.slice(0, i),
    keys: keys.slice(0, i * opts.bands),
    span: spanDoc(p.norm, mask),
  };
}

/** The typed arrays of a sketch, for postMessage transfer lists. */
export function sketchBuffers(s: DocSketch): ArrayBuffer[] {
  return [
    ...[s.kind, s.normStart, s.normEnd, s.start, s.end, s.contentKey, s.keys].map((a) => a.buffer as ArrayBuffer),
    ...spanDocBuffers(s.span),
  ];
}
