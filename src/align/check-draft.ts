// A draft against the index: every sentence labelled, stock characters marked, sources listed.
import type { MatchOptions } from '../options.js';
import type { CheckResult, Label, Match, PreparedDoc, SentenceResult, SourceCoverage } from '../types.js';
import { UNIT_HEADING } from '../types.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { compareStrings } from '../index/corpus-index.js';
import { UnitMatcher, type Verified } from '../match/verify.js';
import { chromeShare } from '../text/chrome-mask.js';
import { contentLength } from '../text/content.js';
import { markStock } from './align.js';
import { toSpans, nonBlankLength } from './spans.js';
import { firstKeptRow, KeptMatcher, type DocMask } from './doc-filter.js';

interface SentenceMatches {
  sentence: Verified[];
  clauses: Verified[];
}

export function checkDraft(p: PreparedDoc, chrome: Uint8Array, index: CorpusIndex, opts: MatchOptions, excluded?: DocMask): CheckResult {
  const matcher = new KeptMatcher(index, opts.threshold, excluded);
  const stock = new Uint8Array(p.norm.text.length);
  const sentences: SentenceResult[] = [];
  const clausesOf = groupClauses(p);
  const { sentences: ranges, sentenceFlags } = p.segments;
  for (let s = 0; s < sentenceFlags.length; s++) {
    const a = ranges[2 * s];
    const b = ranges[2 * s + 1];
    const heading = (sentenceFlags[s] & UNIT_HEADING) !== 0;
    if (opts.chrome && chromeShare(chrome, p.norm.text, a, b) >= 0.5) {
      sentences.push(chromeSentence(p, a, b, heading));
      continue;
    }
    const found = findMatches(p, a, b, clausesOf.get(s) ?? [], matcher, index, opts.minChars, stock, excluded);
    sentences.push(labelSentence(p, a, b, heading, found, stock, chrome, index, opts, excluded));
  }
  return summarise(p, sentences);
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

function findMatches(
  p: PreparedDoc,
  a: number,
  b: number,
  clauses: Array<[number, number]>,
  matcher: UnitMatcher,
  index: CorpusIndex,
  minChars: number,
  stock: Uint8Array,
  excluded?: DocMask,
): SentenceMatches {
  const text = p.norm.text;
  const found: SentenceMatches = { sentence: [], clauses: [] };
  if (contentLength(text, a, b) < minChars) return found;
  found.sentence = matcher.match(text, a, b);
  if (found.sentence.length) markStock(text, a, b, uniqueNorm(index, found.sentence[0].unique, excluded), stock);
  for (const [ca, cb] of clauses) {
    if (contentLength(text, ca, cb) < minChars) continue;
    const m = matcher.match(text, ca, cb);
    if (!m.length) continue;
    markStock(text, ca, cb, uniqueNorm(index, m[0].unique, excluded), stock);
    found.clauses.push(...m);
  }
  return found;
}

/** A unique's normalised text as its first kept occurrence has it (punctuation may differ between occurrences). */
function uniqueNorm(index: CorpusIndex, u: number, excluded?: DocMask): string {
  return index.unitNorm(excluded ? firstKeptRow(index, u, excluded) : index.uniqueFirst[u]);
}

function labelSentence(
  p: PreparedDoc,
  a: number,
  b: number,
  heading: boolean,
  found: SentenceMatches,
  stock: Uint8Array,
  chrome: Uint8Array,
  index: CorpusIndex,
  opts: MatchOptions,
  excluded?: DocMask,
): SentenceResult {
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
  const [start, end] = [p.norm.starts[a], p.norm.ends[b - 1]];
  const best = found.sentence[0]?.similarity;
  return {
    start,
    end,
    text: p.doc.text.slice(start, end),
    label,
    similarity: round(label === 'original' ? (best ?? 0) : (best ?? share)),
    heading,
    spans: toSpans(p, a, b, stock, opts.chrome ? chrome : undefined),
    matches: label === 'original' ? [] : listMatches([...found.sentence, ...found.clauses], index, opts.maxMatches, excluded),
  };
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

/**
 * The best verified uniques, each shown at its occurrences, one per document, best first.
 * Occurrences are in row order, which is document-path order, so the first `max` documents of a
 * unique are all it can contribute: a clause found in thousands of documents costs `max` objects.
 */
function listMatches(found: Verified[], index: CorpusIndex, max: number, excluded?: DocMask): Match[] {
  const best = new Map<number, number>();
  for (const v of found) best.set(v.unique, Math.max(best.get(v.unique) ?? 0, v.similarity));
  const out: Match[] = [];
  for (const [u, similarity] of best) {
    let lastDoc = -1;
    let taken = 0;
    for (const row of index.occurrences(u)) {
      const d = index.units.doc[row];
      if (d === lastDoc || excluded?.[d]) continue;
      if (taken++ === max) break;
      lastDoc = d;
      out.push({
        doc: index.docs[d].path,
        start: index.units.start[row],
        end: index.units.end[row],
        text: index.unitText(row),
        similarity: round(similarity),
      });
    }
  }
  out.sort((x, y) => y.similarity - x.similarity || compareStrings(x.doc, y.doc) || x.start - y.start);
  return out.slice(0, max);
}

function summarise(p: PreparedDoc, sentences: SentenceResult[]): CheckResult {
  const counts: Record<Label, number> = { stock: 0, edited: 0, original: 0, chrome: 0 };
  let chars = 0;
  let stockChars = 0;
  const sources = new Map<string, SourceCoverage>();
  for (const s of sentences) {
    counts[s.label]++;
    if (s.label === 'chrome') continue;
    let sentenceStock = 0;
    for (const span of s.spans) {
      const n = nonBlankLength(p.doc.text, span.start, span.end);
      if (span.kind !== 'chrome') chars += n;
      if (span.kind === 'stock') sentenceStock += n;
    }
    stockChars += sentenceStock;
    const source = s.matches[0]?.doc;
    if (source && sentenceStock) {
      const c = sources.get(source) ?? { doc: source, stockChars: 0, sentences: 0 };
      c.stockChars += sentenceStock;
      c.sentences++;
      sources.set(source, c);
    }
  }
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
    sources: [...sources.values()].sort((x, y) => y.stockChars - x.stockChars || compareStrings(x.doc, y.doc)),
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
