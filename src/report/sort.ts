// Ordering and trimming phrase lists for output.

import type { Phrase } from '../types.js';

export type PhraseSortKey = 'docFreq' | 'count' | 'meanChars' | 'text' | 'template';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBy(key: PhraseSortKey, a: Phrase, b: Phrase): number {
  switch (key) {
    case 'text':
      return compareStrings(a.text, b.text);
    case 'template':
      return compareStrings(a.template, b.template);
    default:
      return a[key] - b[key];
  }
}

/**
 * A sorted copy. Ties fall back to docFreq, count (both most first) and text,
 * so the order is the same on every run.
 */
export function sortPhrases(phrases: readonly Phrase[], key: PhraseSortKey, desc = true): Phrase[] {
  const sign = desc ? -1 : 1;
  return [...phrases].sort(
    (a, b) =>
      sign * compareBy(key, a, b) ||
      b.docFreq - a.docFreq ||
      b.count - a.count ||
      compareStrings(a.text, b.text),
  );
}

export interface PhraseFilter {
  /** Keep phrases found in at least this many documents. */
  minDocs?: number;
  /** Keep phrases whose members average at least this many characters. */
  minChars?: number;
  /** Then keep only the first `top` (in the given order). */
  top?: number;
}

export function filterPhrases(phrases: readonly Phrase[], filter: PhraseFilter = {}): Phrase[] {
  const kept = phrases.filter(
    (p) => p.docFreq >= (filter.minDocs ?? 0) && p.meanChars >= (filter.minChars ?? 0),
  );
  return filter.top === undefined ? kept : kept.slice(0, Math.max(0, filter.top));
}
