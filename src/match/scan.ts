// The corpus against itself: stock phrases shared by several documents, and how formulaic each
// document is.
import type { MatchOptions } from '../options.js';
import type { DocumentStats, Member, Phrase, ScanResult } from '../types.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { compareStrings } from '../index/corpus-index.js';
import { nonBlankLength } from '../align/spans.js';
import { clusterUniques } from './clusters.js';
import { deriveTemplate } from './templates.js';
import { cachedTagger, type WordTagger } from './word-boundaries.js';
import { UnitMatcher } from './verify.js';
import { IntervalSet } from './interval-set.js';
import { findFormulas } from '../spans/formulas.js';
import { formulaPhrase, mostCommon, readableFormulas } from '../spans/phrases.js';
import { tieClustersToFormulas } from '../spans/ties.js';
import { clauseBreaks } from '../spans/clause-breaks.js';
import { contentLength } from '../text/content.js';

interface Candidate {
  rows: number[];
  meanChars: number;
}

export function scanIndex(index: CorpusIndex, opts: MatchOptions): ScanResult {
  const matcher = new UnitMatcher(index, opts.clusterThreshold);
  return scanFromClusters(index, clusterUniques(index, matcher, opts.clusterThreshold).clusters, opts);
}

/**
 * Both kinds of phrase: the span layer's formulas (maximal exact strings) and the unit layer's
 * clusters (near-duplicate sentences and clauses), each cluster tied to the longest formula it varies.
 */
function withFormulas(index: CorpusIndex, clusters: Phrase[], opts: MatchOptions, tagger: WordTagger): { phrases: Phrase[]; covered: IntervalSet[] } {
  const limits = { minLen: opts.formulaChars, minDocs: opts.minDocs };
  const breaks = clauseBreaks(index);
  const formulas = readableFormulas(index, findFormulas(index.spans, limits, breaks), limits, breaks).map((f) => formulaPhrase(index, f, tagger));
  tieClustersToFormulas(clusters, formulas);
  const covered = index.docs.map(() => new IntervalSet());
  const docOf = new Map(index.docs.map((d, i) => [d.path, i]));
  for (const p of [...clusters, ...formulas.filter((f) => contentLengthOf(f.text) >= index.params.minChars)]) {
    for (const m of p.members) covered[docOf.get(m.doc)!].add(m.start, m.end);
  }
  return { phrases: [...clusters, ...formulas], covered };
}

function contentLengthOf(text: string): number {
  return contentLength(text);
}

/** Phrases and document statistics from clusters of unique units (also the distributed reduce's tail). */
export function scanFromClusters(
  index: CorpusIndex,
  clusters: number[][],
  opts: MatchOptions,
): ScanResult {
  const candidates = clusters
    .map((uniques) => toCandidate(index, uniques))
    .sort((x, y) => y.meanChars - x.meanChars || x.rows[0] - y.rows[0]);
  const clusterCover = index.docs.map(() => new IntervalSet());
  const clusterPhrases: Phrase[] = [];
  const tagger = cachedTagger();
  for (const c of candidates) {
    const fresh = c.rows.filter((r) => !clusterCover[index.units.doc[r]].contains(index.units.start[r], index.units.end[r]));
    if (distinctDocs(index, fresh) < opts.minDocs) continue;
    for (const r of c.rows) clusterCover[index.units.doc[r]].add(index.units.start[r], index.units.end[r]);
    clusterPhrases.push(toPhrase(index, c, tagger));
  }
  const { phrases, covered } = withFormulas(index, clusterPhrases, opts, tagger);
  phrases.sort(
    (x, y) => y.docFreq - x.docFreq || y.count - x.count || y.meanChars - x.meanChars || compareStrings(x.text, y.text) || compareStrings(x.kind ?? '', y.kind ?? ''),
  );
  return { schema: 'taohua.scan/1', documents: documentStats(index, covered, phrases), phrases };
}

function toCandidate(index: CorpusIndex, uniques: number[]): Candidate {
  const rows: number[] = [];
  for (const u of uniques) rows.push(...index.occurrences(u));
  rows.sort((a, b) => a - b);
  const total = rows.reduce((n, r) => n + index.units.end[r] - index.units.start[r], 0);
  return { rows, meanChars: total / rows.length };
}

function distinctDocs(index: CorpusIndex, rows: number[]): number {
  return new Set(rows.map((r) => index.units.doc[r])).size;
}

/** The template reads every member's text as written, so units that normalise alike still show their variants. */
function toPhrase(index: CorpusIndex, { rows }: Candidate, tagger: WordTagger): Phrase {
  const members: Member[] = rows.map((r) => ({
    doc: index.docs[index.units.doc[r]].path,
    start: index.units.start[r],
    end: index.units.end[r],
    text: index.unitText(r),
  }));
  const texts = members.map((m) => m.text);
  const { template, slots } = deriveTemplate(texts, tagger);
  return {
    kind: 'cluster',
    text: mostCommon(texts),
    template,
    slots,
    docFreq: new Set(members.map((m) => m.doc)).size,
    count: members.length,
    meanChars: Math.round((texts.reduce((n, t) => n + t.length, 0) / texts.length) * 10) / 10,
    docs: [...new Set(members.map((m) => m.doc))].sort(compareStrings),
    members,
  };
}


function documentStats(index: CorpusIndex, covered: IntervalSet[], phrases: Phrase[]): DocumentStats[] {
  const phrasesPerDoc = new Map<string, number>();
  for (const p of phrases) for (const d of p.docs) phrasesPerDoc.set(d, (phrasesPerDoc.get(d) ?? 0) + 1);
  return index.docs.map((doc, d) => {
    const chrome = IntervalSet.fromPairs(doc.chrome);
    const chars = nonBlankLength(doc.text, 0, doc.text.length) - chrome.count((a, b) => nonBlankLength(doc.text, a, b));
    const stockChars = covered[d].minus(chrome).count((a, b) => nonBlankLength(doc.text, a, b));
    return {
      path: doc.path,
      chars,
      stockChars,
      stockRatio: chars ? Math.round((stockChars / chars) * 1e4) / 1e4 : 0,
      phrases: phrasesPerDoc.get(doc.path) ?? 0,
    };
  });
}
