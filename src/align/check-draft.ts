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
import type { Verified } from '../match/verify.js';
import { chromeShare } from '../text/chrome-mask.js';
import { contentLength } from '../text/content.js';
import { codesBetween, draftMatches, type DraftMatches } from '../spans/draft-matches.js';
import { SEED } from '../spans/span-index.js';
import { markStock } from './align.js';
import { Evidence, type RankedSource } from './evidence.js';
import { toSpans, nonBlankLength } from './spans.js';
import { firstKeptRow, KeptMatcher, type DocMask } from './doc-filter.js';

interface Context {
  p: PreparedDoc;
  chrome: Uint8Array;
  index: CorpusIndex;
  opts: MatchOptions;
  stock: Uint8Array;
  /** Scratch for one unit's alignment, cleared after each use. */
  marks: Uint8Array;
  matcher: KeptMatcher;
  /** Corpus documents left out for this check (--exclude). */
  excluded?: DocMask;
  exact: DraftMatches;
  evidence: Evidence;
}

/** `interrupt` is called between sentences and may throw to stop a long check (the server's time budget). */
export function checkDraft(
  p: PreparedDoc,
  chrome: Uint8Array,
  index: CorpusIndex,
  opts: MatchOptions,
  excluded?: DocMask,
  interrupt?: () => void,
): CheckResult {
  const exact = draftMatches(p, opts.chrome ? chrome : undefined, index.spans, opts.spanChars, excluded, interrupt);
  const stock = new Uint8Array(p.norm.text.length);
  for (const r of exact.runs) stock.fill(1, r.normStart, r.normEnd);
  const c: Context = {
    p,
    chrome,
    index,
    opts,
    stock,
    marks: new Uint8Array(p.norm.text.length),
    matcher: new KeptMatcher(index, opts.threshold, excluded),
    excluded,
    exact,
    evidence: new Evidence(index, p, exact, excluded),
  };
  const sentences: SentenceResult[] = [];
  const clausesOf = groupClauses(p);
  const { sentences: bounds, sentenceFlags } = p.segments;
  for (let k = 0; k < sentenceFlags.length; k++) {
    interrupt?.();
    const a = bounds[2 * k];
    const b = bounds[2 * k + 1];
    const heading = (sentenceFlags[k] & UNIT_HEADING) !== 0;
    if (opts.chrome && chromeShare(chrome, p.norm.text, a, b) >= 0.5) {
      sentences.push(chromeSentence(p, a, b, heading));
      continue;
    }
    const best = findUnitMatches(c, k, a, b, clausesOf.get(k) ?? []);
    sentences.push(labelSentence(c, k, a, b, heading, best));
  }
  return summarise(c, sentences);
}

/** Each sentence's clauses, as [start, end) pairs of the normalised text. */
export function groupClauses(p: PreparedDoc): Map<number, Array<[number, number]>> {
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

/** Verified uniques of one unit that are aligned on their own and credited (the best first). */
const CREDITED_UNIQUES = 3;

/**
 * Aligns norm[a, b) with its verified uniques: the best one's equal parts are stock; each of the
 * first few credits its documents with the parts equal to its own text, so that a merely similar
 * unit never ties with the source the text was copied from.
 */
function alignUnit(c: Context, k: number, a: number, b: number, found: Verified[]): void {
  found.slice(0, CREDITED_UNIQUES).forEach((v, i) => {
    const marked = alignedRanges(c, a, b, v.unique);
    if (i === 0) for (let j = 0; j < marked.length; j += 2) c.stock.fill(1, marked[j], marked[j + 1]);
    c.evidence.addUnit(k, v.unique, v.similarity, marked);
  });
}

/** The ranges of norm[a, b) equal to unique u's text. */
function alignedRanges(c: Context, a: number, b: number, u: number): number[] {
  // The first kept occurrence's text: punctuation may differ between occurrences, and an index with
  // documents left out must align as one built without them.
  markStock(c.p.norm.text, a, b, c.index.unitNorm(firstKeptRow(c.index, u, c.excluded)), c.marks);
  const marked = markedRanges(c.marks, a, b);
  c.marks.fill(0, a, b);
  return marked;
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
): SentenceResult {
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
    start,
    end,
    text: p.doc.text.slice(start, end),
    label,
    similarity: round(label === 'original' ? (best ?? 0) : (best ?? share)),
    heading,
    spans,
    matches: ranked.slice(0, opts.maxMatches).map((r) => toMatch(c, r, total)),
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
  const exact = codes.length >= SEED ? c.index.spans.docFreq(codes, 0, codes.length, c.excluded) : 0;
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

function summarise(c: Context, sentences: SentenceResult[]): CheckResult {
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
    sources: [], // attributed span by span in the editor pass (ratios.ts), with the panel
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
