// A phrase looked up in the span layer: every occurrence of its normalised content (script,
// width, numbers as slots, punctuation and white space ignored), with its document, original
// offsets and left/right context — a KWIC concordance.
import type { CorpusIndex } from '../index/corpus-index.js';
import type { FindResult, Occurrence } from '../types.js';
import { normalise } from '../text/normalise.js';
import { contentStream } from './span-doc.js';

export interface FindOptions {
  /** Characters of context either side (original text). */
  context: number;
}

export function findPhrase(index: CorpusIndex, phrase: string, o: FindOptions): FindResult {
  const norm = normalise(phrase, index.params.normalise);
  const { codes } = contentStream(norm.text);
  const spans = index.spans;
  const occurrences: Occurrence[] = [];
  if (codes.length > 0) {
    for (const g of spans.occurrences(codes)) {
      const d = spans.docOf(g);
      const text = index.docs[d].text;
      const [start, end] = spans.originalRange(g, g + codes.length);
      occurrences.push({
        doc: index.docs[d].path,
        start,
        end,
        text: text.slice(start, end),
        left: text.slice(Math.max(0, start - o.context), start),
        right: text.slice(end, end + o.context),
      });
    }
  }
  return {
    schema: 'taohua.find/1',
    phrase,
    normalised: String.fromCharCode(...codes.subarray(0, 10_000)),
    docFreq: new Set(occurrences.map((x) => x.doc)).size,
    count: occurrences.length,
    occurrences,
  };
}
