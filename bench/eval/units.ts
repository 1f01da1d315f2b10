// The engine's units (sentences and clauses of the normalised text) and their shingles, for the
// baselines and for checking that "original" sentences really are not copies.
import type { Options } from '../../src/options.js';
import type { PreparedDoc, SourceDoc } from '../../src/types.js';
import { UNIT_HEADING } from '../../src/types.js';
import { prepare } from '../../src/text/prepare.js';
import { contentLength } from '../../src/text/content.js';
import { originalRange } from '../../src/text/normalise.js';
import { indexableUnits } from '../../src/index/doc-sketch.js';
import { unitShingles } from '../../src/sketch/unit-sketch.js';

export interface Unit {
  /** Range in the normalised text. */
  a: number;
  b: number;
  /** Range in the original text. */
  start: number;
  end: number;
  shingles: Uint32Array;
}

export interface DraftSentence {
  /** Range in the normalised text, and in the original text. */
  a: number;
  b: number;
  start: number;
  end: number;
  /** The sentence itself (when long enough) and its clauses. */
  units: Unit[];
}

function unit(p: PreparedDoc, a: number, b: number, o: Options): Unit {
  const [start, end] = originalRange(p.norm, a, b);
  return { a, b, start, end, shingles: unitShingles(p.norm.text, a, b, o.sketch) };
}

/** Every unit the engine would index for these documents (chrome not removed). */
export function corpusUnits(docs: readonly SourceDoc[], o: Options): { prepared: PreparedDoc[]; units: Unit[][] } {
  const prepared = docs.map((d) => prepare(d, o.normalise));
  const units = prepared.map((p) =>
    indexableUnits(p, new Uint8Array(p.norm.text.length), o.match.minChars).map((u) => unit(p, u.a, u.b, o)),
  );
  return { prepared, units };
}

/** A draft's sentences, each with its matchable units. */
export function draftSentences(doc: SourceDoc, o: Options): { prepared: PreparedDoc; sentences: DraftSentence[] } {
  const p = prepare(doc, o.normalise);
  const { sentences, sentenceFlags, clauses, clauseSentence } = p.segments;
  const out: DraftSentence[] = [];
  const text = p.norm.text;
  for (let s = 0; s < sentenceFlags.length; s++) {
    const a = sentences[2 * s];
    const b = sentences[2 * s + 1];
    const [start, end] = originalRange(p.norm, a, b);
    const units: Unit[] = [];
    if (!(sentenceFlags[s] & UNIT_HEADING) && contentLength(text, a, b) >= o.match.minChars) units.push(unit(p, a, b, o));
    out.push({ a, b, start, end, units });
  }
  for (let c = 0; c < clauseSentence.length; c++) {
    const [a, b] = [clauses[2 * c], clauses[2 * c + 1]];
    if (contentLength(text, a, b) >= o.match.minChars) out[clauseSentence[c]].units.push(unit(p, a, b, o));
  }
  return { prepared: p, sentences: out };
}
