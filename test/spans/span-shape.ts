import type { CorpusIndex } from '../../src/index/corpus-index.js';

/** Every array of an index's span layer, for equality across builds (threads, Redis, add, save/load). */
export function spanShape(ix: CorpusIndex): object {
  const s = ix.spans;
  return {
    docStart: s.docStart,
    codes: s.codes,
    origStart: s.origStart,
    origLength: s.origLength,
    bucketStart: s.bucketStart,
    postings: s.postings,
  };
}
