// Every occurrence of a literal phrase in documents, read in simplified script (traditional
// characters and full-width forms fold; nothing else does), with offsets in the original texts.
// The plain search behind grouping and KWIC tests; `find` (span layer) can hand in its own.
import { normaliseChars } from '../text/normalise.js';
import { originalRange } from '../text/normalise.js';
import type { Occurrence } from './groups.js';

const SCRIPT_ONLY = { script: true, slots: false, places: false, synonyms: false };

export function textOccurrences(docs: ReadonlyArray<{ path: string; text: string }>, phrase: string): Occurrence[] {
  const needle = normaliseChars(phrase, SCRIPT_ONLY).text;
  if (!needle) return [];
  const out: Occurrence[] = [];
  for (const doc of docs) {
    const norm = normaliseChars(doc.text, SCRIPT_ONLY);
    for (let at = norm.text.indexOf(needle); at >= 0; at = norm.text.indexOf(needle, at + needle.length)) {
      const [start, end] = originalRange(norm, at, at + needle.length);
      out.push({ doc: doc.path, start, end });
    }
  }
  return out;
}
