// A draft against the index: every sentence labelled, stock characters marked, sources listed.
//
// Two layers mark stock text: the span layer's exact runs (any length from --span-chars up, inside
// a clause, across clause and sentence boundaries, in text without punctuation) and the unit
// layer's verified sentences and clauses (spun, reordered, renumbered copies), aligned word by
// word. Both credit their documents, and a sentence's source is the one covering most of it.
import type { MatchOptions } from '../options.js';
import type { CheckResult, Label, Match, PreparedDoc, SentenceResult, SourceCoverage, Span } from '../types.js';
import { UNIT_HEADING } from '../types.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { compareStrings } from '../index/corpus-index.js';
import { UnitMatcher, type Verified } from '../match/verify.js';
import { chromeShare } from '../text/chrome-mask.js';
import { contentLength } from '../text/content.js';
import { codesBetween, draftMatches, type DraftMatches } from '../spans/draft-matches.js';
import { SEED } from '../spans/span-index.js';
import { markStock } from './align.js';
import { Evidence, type RankedSource } from './evidence.js';
import { toSpans, nonBlankLength } from './spans.js';

interface Context {
  p: PreparedDoc;
  chrome: Uint8Array;
  index: CorpusIndex;
  opts: MatchOptions;
  stock: Uint8Array;
  /** Scratch for one unit's alignment, cleared after each use. */
  marks: Uint8Array;
  matcher: UnitMatcher;
  exact: DraftMatches;
  evidence: Evidence;
}

export function checkDraft(p: PreparedDoc, chrome: Uint8Array, index: CorpusIndex, opts: MatchOptions): CheckResult {
  const exact = draftMatches(p, opts.chrome ? chrome : undefined, index.spans, opts.spanChars);
  const stock = new Uint8Array(p.norm.text.length);
  for (const r of exact.runs) stock.fill(1, r.normStart, r.normEnd);
  const c: Context = {
    p,
    chrome,
    index,
    opts,
    stock,
    marks: new Uint8Array(p.norm.text.length),
    matcher: new UnitMatcher(index, opts.threshold),
    exact,
    evidence: new Evidence(index, p, exact),
  };
  const sentences: SentenceResult[] = [];
  const ranked: RankedSource[][] = [];
  const clausesOf = groupClauses(p);
  const { sentences: bounds, sentenceFlags } = p.segments;
  for (let k = 0; k < sentenceFlags.length; k++) {
    const a = bounds[2 * k];
    const b = bounds[2 * k + 1];
    const heading = (sentenceFlags[k] & UNIT_HEADING) !== 0;
    if (opts.chrome && chromeShare(chrome, p.norm.text, a, b) >= 0.5) {
      sentences.push(chromeSentence(p, a, b, heading));
      ranked.push([]);
      continue;
    }
    const best = findUnitMatches(c, k, a, b, clausesOf.get(k) ?? []);
    const r = labelSentence(c, k, a, b, heading, best);
    sentences.push(r.sentence);
    ranked.push(r.ranked);
  }
  return summarise(c, sentences, ranked);
}

function groupClauses(p: PreparedDoc): Map<number, Array<[number, number]>> {
  const out = new Map<number, Array<[number, number]>>();
  const { clauses, clauseSentence } = p.segments;
  for (let c = 0; c < clauseSentence.length; c++) {
    const list = out.get(clauseSentence[c]) ?? [];
    list.push([clauses[2 * c], clauses[2 * c + 1]]);
    out.set(clauseSentence[c], list);
  }
  return out;
}

/** The sentence and its clauses against the unit layer; returns the sentence's best Jaccard. */
function findUnitMatches(c: Context, k: number, a: number, b: number, clauses: Array<[number, number]>): number | undefined {
  const text = c.p.norm.text;
  if (contentLength(text, a, b) < c.opts.minChars) return undefined;
  const sentence = c.matcher.match(text, a, b);
  alignUnit(c, k, a, b, sentence);
  for (const [ca, cb] of clauses) {
    if (contentLength(text, ca, cb) >= c.opts.minChars) alignUnit(c, k, ca, cb, c.matcher.match(text, ca, cb));
  }
  return sentence[0]?.similarity;
}

/** Aligns norm[a, b) with its best verified unique, marks the equal parts stock and credits the unique's documents. */
function alignUnit(c: Context, k: number, a: number, b: number, found: Verified[]): void {
  if (!found.length) return;
  const text = c.p.norm.text;
  markStock(text, a, b, c.index.unitNorm(c.index.uniqueFirst[found[0].unique]), c.marks);
  const marked = markedRanges(c.marks, a, b);
  c.marks.fill(0, a, b);
  for (let i = 0; i < marked.length; i += 2) c.stock.fill(1, marked[i], marked[i + 1]);
  for (const v of found) c.evidence.addUnit(k, v.unique, v.similarity, marked);
}

function markedRanges(mask: Uint8Array, a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) {
    if (!mask[i]) continue;
    const s = i;
    while (i < b && mask[i]) i++;
    out.push(s, i);
  }
  return out;
}

function labelSentence(
  c: Context,
  k: number,
  a: number,
  b: number,
  heading: boolean,
  best: number | undefined,
): { sentence: SentenceResult; ranked: RankedSource[] } {
  const { p, stock, opts } = c;
  const text = p.norm.text;
  const total = contentLength(text, a, b);
  const stockContent = contentLength(text, a, b, stock);
  const share = total ? stockContent / total : 0;
  const label: Label =
    stockContent === 0 || stockContent < Math.min(opts.minChars, total)
      ? 'original'
      : share >= opts.stockCoverage
        ? 'stock'
        : 'edited';
  if (label === 'original') stock.fill(0, a, b);
  const ranked = label === 'original' ? [] : c.evidence.rank(k, a, b);
  const [start, end] = [p.norm.starts[a], p.norm.ends[b - 1]];
  const spans = toSpans(p, a, b, stock, opts.chrome ? c.chrome : undefined);
  if (label !== 'original') annotateSpans(c, k, a, b, spans, ranked);
  return {
    sentence: {
      start,
      end,
      text: p.doc.text.slice(start, end),
      label,
      similarity: round(label === 'original' ? (best ?? 0) : (best ?? share)),
      heading,
      spans,
      matches: ranked.slice(0, opts.maxMatches).map((r) => toMatch(c, r, total)),
    },
    ranked,
  };
}

function toMatch(c: Context, r: RankedSource, total: number): Match {
  const d = c.index.docs[r.doc];
  return {
    doc: d.path,
    start: r.source.start,
    end: r.source.end,
    text: d.text.slice(r.source.start, r.source.end),
    similarity: round(r.similarity),
    coverage: round(total ? r.covered / total : 0),
  };
}

/** Each stock span gets its document frequency and the source text it is aligned to. */
function annotateSpans(c: Context, k: number, a: number, b: number, spans: Span[], ranked: RankedSource[]): void {
  const { p } = c;
  let i = a;
  for (const span of spans) {
    const x = i;
    while (i < b && p.norm.starts[i] < span.end) i++;
    if (span.kind !== 'stock') continue;
    const source = c.evidence.spanSource(k, ranked, x, i);
    if (source) span.source = source;
    span.docFreq = spanDocFreq(c, x, i, ranked);
  }
}

/** Documents holding the span's normalised text exactly; for a rewritten copy, those whose passages cover it. */
function spanDocFreq(c: Context, x: number, y: number, ranked: RankedSource[]): number {
  const codes = codesBetween(c.exact.stream, x, y);
  const exact = codes.length >= SEED ? c.index.spans.docFreq(codes) : 0;
  if (exact > 0) return exact;
  return Math.max(1, ranked.filter((r) => overlapsAny(r.ranges, x, y)).length);
}

function overlapsAny(ranges: number[], x: number, y: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (ranges[i] < y && ranges[i + 1] > x) return true;
  return false;
}

function chromeSentence(p: PreparedDoc, a: number, b: number, heading: boolean): SentenceResult {
  const [start, end] = [p.norm.starts[a], p.norm.ends[b - 1]];
  return {
    start,
    end,
    text: p.doc.text.slice(start, end),
    label: 'chrome',
    similarity: 0,
    heading,
    spans: [{ start, end, kind: 'chrome' }],
    matches: [],
  };
}

function summarise(c: Context, sentences: SentenceResult[], ranked: RankedSource[][]): CheckResult {
  const { p } = c;
  const counts: Record<Label, number> = { stock: 0, edited: 0, original: 0, chrome: 0 };
  let chars = 0;
  let stockChars = 0;
  sentences.forEach((s) => {
    counts[s.label]++;
    if (s.label === 'chrome') return;
    for (const span of s.spans) {
      const n = nonBlankLength(p.doc.text, span.start, span.end);
      if (span.kind !== 'chrome') chars += n;
      if (span.kind === 'stock') stockChars += n;
    }
  });
  return {
    schema: 'taohua.check/1',
    document: p.doc.path,
    format: p.doc.format,
    encoding: p.doc.encoding,
    chars,
    stockChars,
    stockRatio: chars ? round(stockChars / chars) : 0,
    counts,
    sentences,
    sources: sourceTotals(c, ranked),
  };
}

/**
 * Documents ranked by the draft characters (non-blank, in stock spans) their aligned passages
 * cover; listed when they are among the first `maxMatches` sources of some sentence.
 */
function sourceTotals(c: Context, ranked: RankedSource[][]): SourceCoverage[] {
  const { p, stock } = c;
  const listed = new Set<number>();
  const top = new Map<number, number>();
  for (const r of ranked) {
    r.slice(0, c.opts.maxMatches).forEach((s) => listed.add(s.doc));
    if (r.length) top.set(r[0].doc, (top.get(r[0].doc) ?? 0) + 1);
  }
  const out: SourceCoverage[] = [];
  for (const d of listed) {
    const ranges: number[] = [];
    for (const r of ranked) for (const s of r) if (s.doc === d) ranges.push(...s.ranges);
    out.push({ doc: c.index.docs[d].path, stockChars: coveredChars(p, stock, ranges), sentences: top.get(d) ?? 0 });
  }
  return out.sort((x, y) => y.stockChars - x.stockChars || compareStrings(x.doc, y.doc));
}

/** Non-blank original characters of the stock parts of the union of norm ranges. */
function coveredChars(p: PreparedDoc, stock: Uint8Array, ranges: number[]): number {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i], ranges[i + 1]]);
  pairs.sort((x, y) => x[0] - y[0]);
  let n = 0;
  let reach = 0;
  for (const [x0, y] of pairs) {
    for (let i = Math.max(x0, reach); i < y; i++) if (stock[i]) n += nonBlankLength(p.doc.text, p.norm.starts[i], p.norm.ends[i]);
    reach = Math.max(reach, y);
  }
  return n;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
