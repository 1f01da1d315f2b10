// Each stock span gets the source text it was matched to, its tier and its document frequency.
// A span is split where the source changes (a sentence can be stock through two clauses of two documents).
import { diffChars } from 'diff';
import type { CorpusIndex } from '../index/corpus-index.js';
import type { PreparedDoc, Span, SpanSource, Tier } from '../types.js';
import { contentLength, isContentUnit } from '../text/content.js';
import { normalise, normIndexAtOrAfter } from '../text/normalise.js';
import { firstKeptRow, unitDocFreq, type DocMask, type KeptMatcher } from './doc-filter.js';
import { classifyTier, reuseOf } from './tiers.js';

/** A matched corpus unit and, for each draft normalised char of the range it was matched for, its partner. */
interface Candidate {
  doc: string;
  /** Original text of the corpus unit and where it starts in its document. */
  text: string;
  offset: number;
  docFreq: number;
  srcStarts: Int32Array;
  srcEnds: Int32Array;
  from: number;
  /** partner[i - from]: index into the unit's normalised text of an equal char, or -1. */
  partner: Int32Array;
}

export interface SourceContext {
  index: CorpusIndex;
  matcher: KeptMatcher;
  minChars: number;
  formulaDocs: number;
  excluded?: DocMask;
}

function candidate(p: PreparedDoc, a: number, b: number, ctx: SourceContext): Candidate | undefined {
  if (contentLength(p.norm.text, a, b) < ctx.minChars) return undefined;
  const best = ctx.matcher.match(p.norm.text, a, b)[0];
  if (!best) return undefined;
  const { index } = ctx;
  const row = firstKeptRow(index, best.unique, ctx.excluded);
  if (row < 0) return undefined;
  const text = index.unitText(row);
  const src = normalise(text, index.params.normalise);
  const partner = new Int32Array(b - a).fill(-1);
  let i = 0;
  let j = 0;
  for (const part of diffChars(p.norm.text.slice(a, b), src.text)) {
    const n = part.value.length;
    if (part.added) j += n;
    else if (part.removed) i += n;
    else for (let k = 0; k < n; k++) partner[i++] = j++;
  }
  return {
    doc: index.docs[index.units.doc[row]].path,
    text,
    offset: index.units.start[row],
    docFreq: unitDocFreq(index, best.unique, ctx.excluded),
    srcStarts: src.starts,
    srcEnds: src.ends,
    from: a,
    partner,
  };
}

export interface Candidates {
  /** The sentence's own match, when the whole sentence matched a corpus unit. */
  sentence?: Candidate;
  /** The sentence's own match first, then its clauses'. */
  all: Candidate[];
}

export function sentenceCandidates(p: PreparedDoc, s: number, clauses: Array<[number, number]>, ctx: SourceContext): Candidates {
  const sentence = candidate(p, p.segments.sentences[2 * s], p.segments.sentences[2 * s + 1], ctx);
  const all = [sentence, ...clauses.map(([a, b]) => candidate(p, a, b, ctx))].filter((c): c is Candidate => c !== undefined);
  return { sentence, all };
}

/** How the whole sentence differs from the corpus sentence it matched (a spun word outside the stock spans still shows). */
export function wholeSentenceTier(p: PreparedDoc, s: number, c: Candidates): Tier | undefined {
  if (!c.sentence) return undefined;
  const [a, b] = [p.segments.sentences[2 * s], p.segments.sentences[2 * s + 1]];
  return classifyTier(p.doc.text.slice(p.norm.starts[a], p.norm.ends[b - 1]), c.sentence.text);
}

function partnerOf(c: Candidate, i: number): number {
  const k = i - c.from;
  return k >= 0 && k < c.partner.length ? c.partner[k] : -1;
}

/**
 * Owner candidate of each normalised char of [na, nb): a formula (a candidate in at least
 * `formulaDocs` documents) where one covers the char, so that a formula clause inside a copied
 * sentence is shown as a formula; else the first with an equal partner (the sentence's own match
 * before its clauses'). Gaps and punctuation take a neighbour's.
 */
function owners(text: string, cands: Candidate[], na: number, nb: number, formulaDocs: number): Int32Array {
  const own = new Int32Array(nb - na).fill(-1);
  for (let i = na; i < nb; i++) {
    if (!isContentUnit(text.charCodeAt(i))) continue;
    let pick = -1;
    for (let k = 0; k < cands.length; k++) {
      if (partnerOf(cands[k], i) < 0) continue;
      if (pick < 0) pick = k;
      if (cands[k].docFreq >= formulaDocs && cands[k].docFreq > cands[pick].docFreq) pick = k;
    }
    own[i - na] = pick;
  }
  for (let k = 1; k < own.length; k++) if (own[k] < 0) own[k] = own[k - 1];
  for (let k = own.length - 2; k >= 0; k--) if (own[k] < 0) own[k] = own[k + 1];
  return own;
}

function sourceRange(c: Candidate, na: number, nb: number): [number, number] | undefined {
  let lo = Infinity;
  let hi = -1;
  for (let i = na; i < nb; i++) {
    const j = partnerOf(c, i);
    if (j >= 0) (lo = Math.min(lo, j)), (hi = Math.max(hi, j));
  }
  return hi < 0 ? undefined : [c.srcStarts[lo], c.srcEnds[hi]];
}

function attribute(p: PreparedDoc, span: Span, c: Candidate, na: number, nb: number, formulaDocs: number): Span {
  const range = sourceRange(c, na, nb);
  if (!range) return span;
  const source: SpanSource = { doc: c.doc, start: c.offset + range[0], end: c.offset + range[1] };
  const tier = classifyTier(p.doc.text.slice(span.start, span.end), c.text.slice(range[0], range[1]));
  return { ...span, tier, reuse: reuseOf(c.docFreq, formulaDocs), docFreq: c.docFreq, source };
}

/** A stock span, split where its owning candidate changes, each part with source, tier and reuse. */
export function sourceSpan(p: PreparedDoc, span: Span, cands: Candidate[], formulaDocs: number): Span[] {
  const na = normIndexAtOrAfter(p.norm, span.start);
  const nb = normIndexAtOrAfter(p.norm, span.end);
  if (cands.length === 0 || nb <= na) return [span];
  const own = owners(p.norm.text, cands, na, nb, formulaDocs);
  const out: Span[] = [];
  let runStart = na;
  for (let i = na + 1; i <= nb; i++) {
    if (i < nb && own[i - na] === own[runStart - na]) continue;
    const start = runStart === na ? span.start : p.norm.starts[runStart];
    const end = i === nb ? span.end : p.norm.starts[i];
    const c = cands[own[runStart - na]];
    const part: Span = { ...span, start, end };
    out.push(c ? attribute(p, part, c, runStart, i, formulaDocs) : part);
    runStart = i;
  }
  return out;
}

/** A span given a source by the span layer: tier from that text, reuse from its docFreq. */
export function tierFromOwnSource(p: PreparedDoc, span: Span, index: CorpusIndex, formulaDocs: number): Span {
  const src = span.source!;
  const doc = index.docs.find((d) => d.path === src.doc);
  if (!doc) return span;
  const tier = classifyTier(p.doc.text.slice(span.start, span.end), doc.text.slice(src.start, src.end));
  return { ...span, tier, reuse: span.docFreq === undefined ? undefined : reuseOf(span.docFreq, formulaDocs) };
}
