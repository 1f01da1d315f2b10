// The editor's pass over a check: sources and tiers for stock spans, what is left out, and the
// figures recomputed from the result (check-draft finds and labels; this explains and counts).
import type { MatchOptions } from '../options.js';
import type { CheckResult, Label, PreparedDoc, SentenceResult, Span, Tier } from '../types.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { contentLength } from '../text/content.js';
import { groupClauses } from './check-draft.js';
import { normIndexAtOrAfter } from '../text/normalise.js';
import { KeptMatcher, type Exclusion } from './doc-filter.js';
import { allowedMask, dropShortStock, markLeftOut, quoteMask, type LeaveOut } from './leave-out.js';
import { countsAsStock, summarise } from './ratios.js';
import { sentenceCandidates, sourceSpan, tierFromOwnSource, wholeSentenceTier, type SourceContext } from './span-sources.js';
import { DEFAULT_FORMULA_DOCS, worseTier } from './tiers.js';

export interface EditorOptions {
  /** Leave text inside quotation marks out of the ratio. */
  noQuotes: boolean;
  /** Leave headings out of the ratio. */
  noHeadings: boolean;
  /** Stock spans shorter than this many content characters are not stock (0: keep all). */
  minMatch: number;
  /** A span in at least this many corpus documents is a formula. */
  formulaDocs: number;
}

export const EDITOR_DEFAULTS: EditorOptions = { noQuotes: false, noHeadings: false, minMatch: 0, formulaDocs: DEFAULT_FORMULA_DOCS };

export interface EditorInputs {
  prepared: PreparedDoc;
  index: CorpusIndex;
  match: MatchOptions;
  exclusion?: Exclusion;
  /** Text the office may reuse (--allow), indexed with allowIndex(). */
  allow?: CorpusIndex;
  /** Called between sentences; throws to stop. */
  interrupt?: () => void;
}

/** Content characters of the normalised view under the spans `which` selects (what check-draft's rule counts). */
function contentIn(p: PreparedDoc, spans: Span[], which: (s: Span) => boolean): number {
  let n = 0;
  for (const s of spans) if (which(s)) n += contentLength(p.norm.text, normIndexAtOrAfter(p.norm, s.start), normIndexAtOrAfter(p.norm, s.end));
  return n;
}

/** The label check-draft would give with only the counted stock (used when something was left out). */
function relabel(p: PreparedDoc, s: SentenceResult, match: MatchOptions): Label {
  const total = contentIn(p, s.spans, (x) => x.kind !== 'chrome');
  const stock = contentIn(p, s.spans, countsAsStock);
  if (stock === 0 || stock < Math.min(match.minChars, total)) return 'original';
  return stock / total >= match.stockCoverage ? 'stock' : 'edited';
}

/**
 * Tier, reuse and main source of a sentence from its counted stock spans; `whole` (the sentence
 * against the corpus sentence it matched) can only make the tier more changed.
 */
function describe(s: SentenceResult, whole?: Tier): SentenceResult {
  const out: SentenceResult = { ...s };
  delete out.tier;
  delete out.reuse;
  delete out.source;
  const byDoc = new Map<string, number>();
  for (const span of s.spans) {
    if (!countsAsStock(span)) continue;
    if (span.tier) out.tier = worseTier(out.tier, span.tier);
    if (span.reuse) out.reuse = out.reuse === 'copied' || span.reuse === 'copied' ? 'copied' : 'formula';
    const doc = span.source?.doc ?? s.matches[0]?.doc;
    if (doc) byDoc.set(doc, (byDoc.get(doc) ?? 0) + span.end - span.start);
  }
  let best = 0;
  for (const [doc, n] of byDoc) if (n > best) (best = n), (out.source = doc);
  if (out.tier && whole) out.tier = worseTier(out.tier, whole);
  return out;
}

interface PassContext {
  p: PreparedDoc;
  index: CorpusIndex;
  match: MatchOptions;
  opts: EditorOptions;
  sources: SourceContext;
  leaveOut: LeaveOut;
  clauses: Map<number, Array<[number, number]>>;
}

/** One sentence: short stock dropped, stock spans given sources and tiers, left-out text marked, label redone if needed. */
function explainSentence(s: SentenceResult, i: number, c: PassContext): SentenceResult {
  if (s.label === 'chrome' || !s.spans.some((x) => x.kind === 'stock')) return describe(s);
  const text = c.p.doc.text;
  let spans = dropShortStock(text, s.spans, c.opts.minMatch);
  const stockCount = (list: Span[]): number => list.filter((x) => x.kind === 'stock').length;
  const dropped = stockCount(spans) !== stockCount(s.spans);
  const needsSources = spans.some((x) => x.kind === 'stock' && !x.source);
  // A sentence matched by a similar (not identical) unit may have a spun word outside its stock
  // spans: the whole-sentence comparison below shows it.
  const rewritten = s.matches.some((m) => m.similarity < 1);
  const cands = needsSources || rewritten ? sentenceCandidates(c.p, i, c.clauses.get(i) ?? [], c.sources) : { all: [] };
  spans = spans.flatMap((x) => {
    if (x.kind !== 'stock') return [x];
    return x.source ? [tierFromOwnSource(c.p, x, c.index, c.opts.formulaDocs)] : sourceSpan(c.p, x, cands.all, c.opts.formulaDocs);
  });
  spans = markLeftOut(text, spans, s.heading, c.leaveOut);
  let next: SentenceResult = { ...s, spans };
  if (dropped || spans.some((x) => x.leftOut)) {
    const label = relabel(c.p, next, c.match);
    next = label === 'original' && stockCount(spans) === 0 ? { ...next, label, matches: [] } : { ...next, label };
  }
  return describe(next, wholeSentenceTier(c.p, i, cands));
}

export function editorPass(r: CheckResult, inputs: EditorInputs, opts: EditorOptions): CheckResult {
  const { prepared: p, index, match } = inputs;
  const excluded = inputs.exclusion?.mask;
  const c: PassContext = {
    p,
    index,
    match,
    opts,
    sources: { index, matcher: new KeptMatcher(index, match.threshold, excluded), minChars: match.minChars, formulaDocs: opts.formulaDocs, excluded },
    leaveOut: {
      quotes: quoteMask(p.doc.text),
      allowed: inputs.allow ? allowedMask(p, inputs.allow, match.threshold, match.minChars) : undefined,
      noQuotes: opts.noQuotes,
      noHeadings: opts.noHeadings,
    },
    clauses: groupClauses(p),
  };
  const sentences = r.sentences.map((s, i) => (inputs.interrupt?.(), explainSentence(s, i, c)));
  return summarise({ ...r, sentences }, p.doc.text, inputs.exclusion?.count ?? 0);
}
