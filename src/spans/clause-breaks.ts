// Where a clause, sentence or paragraph ends between two content units of a document: the regions
// in which formulas are sought stop there, so that a formula is a phrase (提法) within one clause,
// while 、 inside a list stays (区委、区政府). Check's exact runs do not stop: a copy runs on.
import type { CorpusIndex } from '../index/corpus-index.js';

const CLAUSE_END = /[。．！？!?；;，,：:\n]|\.(?:\s|$)/;

/** 1 at every content position that follows a clause end. */
export function clauseBreaks(index: CorpusIndex): Uint8Array {
  const spans = index.spans;
  const out = new Uint8Array(spans.charCount);
  for (let d = 0; d < index.docs.length; d++) {
    const text = index.docs[d].text;
    for (let g = spans.docStart[d] + 1; g < spans.docStart[d + 1]; g++) {
      const from = spans.origStart[g - 1] + spans.origLength[g - 1];
      if (spans.origStart[g] > from && CLAUSE_END.test(text.slice(from, spans.origStart[g]))) out[g] = 1;
    }
  }
  return out;
}
