// Small formatting and counting helpers shared by the renderers.

import type { CheckResult, Label, Match, SentenceResult } from '../types.js';

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

/** Non-blank characters of the draft per sentence label. */
export function charsByLabel(r: CheckResult): Record<Label, number> {
  const totals: Record<Label, number> = { stock: 0, edited: 0, original: 0, chrome: 0 };
  for (const s of r.sentences) totals[s.label] += nonBlankChars(s.text);
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
