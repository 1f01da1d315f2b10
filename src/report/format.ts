// Small formatting and counting helpers shared by the renderers.

import type { CheckResult, Label, LeftOut, Match, Reuse, SentenceResult, Tier } from '../types.js';
import { countChars } from '../text/chars.js';

export const LABELS: readonly Label[] = ['stock', 'edited', 'original', 'chrome'];

/** 0.4312 → "43.1%". Non-finite ratios print as "0.0%". */
export function formatPercent(ratio: number, digits = 1): string {
  const safe = Number.isFinite(ratio) ? ratio : 0;
  return `${(safe * 100).toFixed(digits)}%`;
}

/** Thousands separators without depending on the runtime's locale data. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Characters that are not whitespace, counted as code points. */
export function nonBlankChars(text: string): number {
  let count = 0;
  for (const c of text) if (!/\s/u.test(c)) count++;
  return count;
}

/**
 * Characters (src/text/chars.ts) of the draft per sentence label; chrome spans inside other
 * sentences count as chrome, so stock + edited + original = `chars` of the result.
 */
export function charsByLabel(r: CheckResult): Record<Label, number> {
  const totals: Record<Label, number> = { stock: 0, edited: 0, original: 0, chrome: 0 };
  for (const s of r.sentences) {
    let chrome = 0;
    if (s.label !== 'chrome') for (const span of s.spans) if (span.kind === 'chrome') chrome += countChars(s.text, span.start - s.start, span.end - s.start);
    totals[s.label] += countChars(s.text) - chrome;
    totals.chrome += chrome;
  }
  return totals;
}

/** The match with the highest similarity (first wins ties), or undefined. */
export function bestMatch(s: SentenceResult): Match | undefined {
  let best: Match | undefined;
  for (const m of s.matches) if (best === undefined || m.similarity > best.similarity) best = m;
  return best;
}

/** Sources by characters covered, most first; ties by name. */
export function rankedSources(r: CheckResult): CheckResult['sources'] {
  return [...r.sources].sort((x, y) => y.stockChars - x.stockChars || cmp(x.doc, y.doc));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Share of a sentence's content characters (letters, digits, hanzi) in counted stock spans: what the labels' rule reads. */
export function sentenceCoverage(s: SentenceResult): number {
  let total = contentChars(s.text);
  let stock = 0;
  for (const span of s.spans) {
    const n = contentChars(s.text.slice(span.start - s.start, span.end - s.start));
    if (span.kind === 'chrome') total -= n;
    if (span.kind === 'stock' && span.leftOut === undefined) stock += n;
  }
  return total > 0 ? stock / total : 0;
}

function contentChars(text: string): number {
  let n = 0;
  for (const ch of text) if (/[\p{L}\p{N}#]/u.test(ch)) n++;
  return n;
}

/** One letter per tier, so that the tier is seen without colour. */
export const TIER_MARKS: Record<Tier, string> = { verbatim: 'V', figures: 'F', reworded: 'R' };
/** The reuse mark that follows the tier letter: f formula, c copied. */
export const REUSE_MARKS: Record<Reuse, string> = { formula: 'f', copied: 'c' };
export const LEFT_OUT_MARKS: Record<LeftOut, string> = { quote: 'Q', heading: 'H', allowed: 'A' };

/** "Vc", "Rf", … or '' for sentences without counted stock. */
export function sentenceMark(s: SentenceResult): string {
  return s.tier ? `${TIER_MARKS[s.tier]}${s.reuse ? REUSE_MARKS[s.reuse] : ''}` : '';
}
