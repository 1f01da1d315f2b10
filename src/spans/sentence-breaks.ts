// Where a sentence or paragraph ends between two content units of a document: the regions in which
// formulas are sought stop there (check's exact runs do not: a copy runs across sentences).
import type { CorpusIndex } from '../index/corpus-index.js';

const SENTENCE_END = /[。．！？!?；;\n]|\.(?:\s|$)/;

/** 1 at every content position that follows a sentence end. */
export function sentenceBreaks(index: CorpusIndex): Uint8Array {
  const spans = index.spans;
  const out = new Uint8Array(spans.charCount);
  for (let d = 0; d < index.docs.length; d++) {
    const text = index.docs[d].text;
    for (let g = spans.docStart[d] + 1; g < spans.docStart[d + 1]; g++) {
      const from = spans.origStart[g - 1] + spans.origLength[g - 1];
      if (spans.origStart[g] > from && SENTENCE_END.test(text.slice(from, spans.origStart[g]))) out[g] = 1;
    }
  }
  return out;
}
