// The figures of a 查重 report, all from one definition of characters (src/text/chars.ts) and the
// spans' own marks, so that every view prints the same numbers.
import type {
  CheckResult,
  Label,
  LargestSource,
  LeftOut,
  RatioPanel,
  Reuse,
  SectionRatio,
  SentenceResult,
  SourceCoverage,
  Span,
  Tier,
  TierCount,
} from '../types.js';
import { countChars } from '../text/chars.js';
import { compareStrings } from '../index/corpus-index.js';

/** Stock that counts in the ratio: not left out. */
export function countsAsStock(span: Span): boolean {
  return span.kind === 'stock' && span.leftOut === undefined;
}

/** Top-level section headings of a Chinese report: 一、 二、 … 十二、 */
const SECTION_HEADING = /^\s*[一二三四五六七八九十百]+、/u;

export function isSectionHeading(s: SentenceResult): boolean {
  return s.heading && SECTION_HEADING.test(s.text);
}

interface Tally {
  chars: number;
  stockChars: number;
  byDoc: Map<string, number>;
}

const newTally = (): Tally => ({ chars: 0, stockChars: 0, byDoc: new Map() });

function addSentence(t: Tally, text: string, s: SentenceResult): void {
  for (const span of s.spans) {
    if (span.kind === 'chrome' || s.label === 'chrome') continue;
    const n = countChars(text, span.start, span.end);
    t.chars += n;
    if (!countsAsStock(span)) continue;
    t.stockChars += n;
    const doc = span.source?.doc ?? s.matches[0]?.doc;
    if (doc) t.byDoc.set(doc, (t.byDoc.get(doc) ?? 0) + n);
  }
}

function ratio(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 1e4) / 1e4 : 0;
}

function largest(byDoc: Map<string, number>, chars: number): LargestSource | null {
  let best: LargestSource | null = null;
  for (const [doc, n] of byDoc) {
    if (!best || n > best.stockChars || (n === best.stockChars && compareStrings(doc, best.doc) < 0)) best = { doc, stockChars: n, ratio: 0 };
  }
  if (best) best.ratio = ratio(best.stockChars, chars);
  return best;
}

function sections(text: string, sentences: SentenceResult[], totalChars: number): SectionRatio[] {
  const out: Array<{ heading: string; start: number; end: number; tally: Tally }> = [];
  for (const s of sentences) {
    if (out.length === 0 || isSectionHeading(s)) out.push({ heading: isSectionHeading(s) ? s.text.trim() : '', start: s.start, end: s.end, tally: newTally() });
    const section = out[out.length - 1];
    section.end = s.end;
    addSentence(section.tally, text, s);
  }
  if (!out.some((s) => s.heading !== '')) return [];
  return out.map(({ heading, start, end, tally }) => ({
    heading,
    start,
    end,
    chars: tally.chars,
    stockChars: tally.stockChars,
    ratio: ratio(tally.stockChars, tally.chars),
    share: ratio(tally.stockChars, totalChars),
    largestSource: largest(tally.byDoc, tally.chars),
  }));
}

const zero = (): TierCount => ({ chars: 0, sentences: 0 });

/** Counts, ratios, sources and the panel, recomputed from the sentences' spans. */
export function summarise(r: CheckResult, text: string, excludedDocs: number): CheckResult {
  const counts: Record<Label, number> = { stock: 0, edited: 0, original: 0, chrome: 0 };
  const total = newTally();
  const tiers: Record<Tier, TierCount> = { verbatim: zero(), figures: zero(), reworded: zero() };
  const reuse: Record<Reuse, TierCount> = { formula: zero(), copied: zero() };
  const leftOut: Record<LeftOut, number> = { quote: 0, heading: 0, allowed: 0 };
  const sourceSentences = new Map<string, number>();
  let quotedStock = 0;
  let copiedStock = 0;
  for (const s of r.sentences) {
    counts[s.label]++;
    addSentence(total, text, s);
    if (s.label === 'chrome') continue;
    const docs = new Set<string>();
    for (const span of s.spans) {
      if (span.kind !== 'stock') continue;
      const n = countChars(text, span.start, span.end);
      if (span.leftOut) {
        leftOut[span.leftOut] += n;
        continue;
      }
      if (span.quoted) quotedStock += n;
      if (span.reuse !== 'formula') copiedStock += n;
      if (span.tier) tiers[span.tier].chars += n;
      if (span.reuse) reuse[span.reuse].chars += n;
      const doc = span.source?.doc ?? s.matches[0]?.doc;
      if (doc) docs.add(doc);
    }
    if (s.tier) tiers[s.tier].sentences++;
    if (s.reuse) reuse[s.reuse].sentences++;
    for (const d of docs) sourceSentences.set(d, (sourceSentences.get(d) ?? 0) + 1);
  }
  const sources: SourceCoverage[] = [...total.byDoc]
    .map(([doc, stockChars]) => ({ doc, stockChars, sentences: sourceSentences.get(doc) ?? 0 }))
    .sort((x, y) => y.stockChars - x.stockChars || compareStrings(x.doc, y.doc));
  const panel: RatioPanel = {
    total: ratio(total.stockChars, total.chars),
    withoutQuotes: ratio(total.stockChars - quotedStock, total.chars),
    copiedOnly: ratio(copiedStock, total.chars),
    largestSource: largest(total.byDoc, total.chars),
    sections: sections(text, r.sentences, total.chars),
    tierCounts: tiers,
    reuseCounts: reuse,
    leftOutChars: leftOut,
    excludedDocs,
  };
  return { ...r, chars: total.chars, stockChars: total.stockChars, stockRatio: panel.total, counts, sources, panel };
}
