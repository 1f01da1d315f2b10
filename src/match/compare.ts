// Two documents side by side: the passages of B that match units of A (an index of A alone).
import type { MatchOptions } from '../options.js';
import type { CompareResult, PreparedDoc, SharedPassage, SourceDoc } from '../types.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { nonBlankLength } from '../align/spans.js';
import { chromeRanges, learnChrome, type ChromeModel } from '../io/chrome.js';
import { contentLength } from '../text/content.js';
import { IntervalSet } from './interval-set.js';
import { UnitMatcher } from './verify.js';

/** A is the indexed side: only its text is needed here, its units are in `indexOfA`. */
export function compareWithIndex(a: SourceDoc, b: PreparedDoc, indexOfA: CorpusIndex, opts: MatchOptions): CompareResult {
  const matcher = new UnitMatcher(indexOfA, opts.threshold);
  const passages: SharedPassage[] = [];
  const sharedA = new IntervalSet();
  const sharedB = new IntervalSet();
  for (const [ua, ub] of unitsOf(b)) {
    if (contentLength(b.norm.text, ua, ub) < opts.minChars) continue;
    const [best] = matcher.match(b.norm.text, ua, ub);
    if (!best) continue;
    const row = indexOfA.uniqueFirst[best.unique];
    const bStart = b.norm.starts[ua];
    const bEnd = b.norm.ends[ub - 1];
    if (sharedB.contains(bStart, bEnd)) continue;
    for (const r of indexOfA.occurrences(best.unique)) sharedA.add(indexOfA.units.start[r], indexOfA.units.end[r]);
    sharedB.add(bStart, bEnd);
    passages.push({ aStart: indexOfA.units.start[row], aEnd: indexOfA.units.end[row], bStart, bEnd, similarity: Math.round(best.similarity * 1e4) / 1e4 });
  }
  passages.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
  const chrome = learnChrome([a, b.doc]);
  const side = (doc: SourceDoc, shared: IntervalSet) => ({
    path: doc.path,
    chars: nonBlankLength(doc.text, 0, doc.text.length) - chromeChars(doc.text, chrome),
    sharedChars: shared.count((s, e) => nonBlankLength(doc.text, s, e)),
  });
  const sa = side(a, sharedA);
  const sb = side(b.doc, sharedB);
  const total = sa.chars + sb.chars;
  return {
    schema: 'taohua.compare/1',
    a: sa,
    b: sb,
    similarity: total ? Math.round(((sa.sharedChars + sb.sharedChars) / total) * 1e4) / 1e4 : 0,
    passages,
  };
}

/** Characters of page chrome: by form, and lines the pair repeats at its edges (as check and scan leave it out). */
function chromeChars(text: string, model: ChromeModel): number {
  const ranges = chromeRanges(text, model);
  let n = 0;
  for (let i = 0; i < ranges.length; i += 2) n += nonBlankLength(text, ranges[i], ranges[i + 1]);
  return n;
}

/** Sentences first, then clauses, so a whole shared sentence wins over its parts. */
function unitsOf(p: PreparedDoc): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const { sentences, clauses } = p.segments;
  for (let i = 0; i < sentences.length; i += 2) out.push([sentences[i], sentences[i + 1]]);
  for (let i = 0; i < clauses.length; i += 2) out.push([clauses[i], clauses[i + 1]]);
  return out;
}
