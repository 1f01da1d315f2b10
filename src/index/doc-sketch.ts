// One document's indexable units and their band keys, as flat typed arrays: the unit of work a
// thread or a remote worker computes and hands back (transferable, no per-unit objects).
import type { SketchOptions } from '../options.js';
import type { PreparedDoc } from '../types.js';
import { UNIT_HEADING } from '../types.js';
import { contentOf } from '../text/content.js';
import { chromeShare } from '../text/chrome-mask.js';
import { originalRange } from '../text/normalise.js';
import { contentKey, unitBandKeys, unitShingles } from '../sketch/unit-sketch.js';

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
  contentChars: Int32Array;
  /** count × bands LSH keys, unit-major. */
  keys: Uint32Array;
}

export interface UnitRange {
  kind: number;
  a: number;
  b: number;
}

/** Sentences and clauses worth indexing: long enough, and not page chrome. */
export function indexableUnits(p: PreparedDoc, mask: Uint8Array, minChars: number): UnitRange[] {
  const out: UnitRange[] = [];
  const { sentences, sentenceFlags, clauses } = p.segments;
  const text = p.norm.text;
  const keep = (a: number, b: number): boolean =>
    [...contentOf(text, a, b)].length >= minChars && chromeShare(mask, text, a, b) < 0.5;
  for (let s = 0; s < sentenceFlags.length; s++) {
    const a = sentences[2 * s];
    const b = sentences[2 * s + 1];
    if (keep(a, b)) out.push({ kind: KIND_SENTENCE | (sentenceFlags[s] & UNIT_HEADING ? 2 : 0), a, b });
  }
  for (let c = 0; c < clauses.length; c += 2) {
    if (keep(clauses[c], clauses[c + 1])) out.push({ kind: KIND_CLAUSE, a: clauses[c], b: clauses[c + 1] });
  }
  return out;
}

export function sketchDoc(p: PreparedDoc, mask: Uint8Array, opts: SketchOptions, minChars: number): DocSketch {
  const units = indexableUnits(p, mask, minChars);
  const n = units.length;
  const s: DocSketch = {
    count: n,
    kind: new Uint8Array(n),
    normStart: new Int32Array(n),
    normEnd: new Int32Array(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    contentKey: new Float64Array(n),
    contentChars: new Int32Array(n),
    keys: new Uint32Array(n * opts.bands),
  };
  units.forEach((u, i) => {
    const content = contentOf(p.norm.text, u.a, u.b);
    const [start, end] = originalRange(p.norm, u.a, u.b);
    s.kind[i] = u.kind;
    s.normStart[i] = u.a;
    s.normEnd[i] = u.b;
    s.start[i] = start;
    s.end[i] = end;
    s.contentKey[i] = contentKey(content);
    s.contentChars[i] = [...content].length;
    unitBandKeys(unitShingles(p.norm.text, u.a, u.b, opts), opts, s.keys, i * opts.bands);
  });
  return s;
}

/** The typed arrays of a sketch, for postMessage transfer lists. */
export function sketchBuffers(s: DocSketch): ArrayBuffer[] {
  return [s.kind, s.normStart, s.normEnd, s.start, s.end, s.contentKey, s.contentChars, s.keys].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
