import { expect } from 'vitest';
import type { CorpusIndex } from '../../src/index/corpus-index.js';
import { spanShape } from '../spans/span-shape.js';

/** Every part of two indexes equal: parameters, chrome model, documents, units, uniques, LSH table, span layer. */
export function expectSameIndex(a: CorpusIndex, b: CorpusIndex): void {
  expect(b.params).toEqual(a.params);
  expect(b.chromeModel).toEqual(a.chromeModel);
  expect(b.docs).toEqual(a.docs);
  expect(b.units).toEqual(a.units);
  expect(b.uniqueKey).toEqual(a.uniqueKey);
  expect(b.uniqueFirst).toEqual(a.uniqueFirst);
  expect(b.lsh.toArrays()).toEqual(a.lsh.toArrays());
  expect(spanShape(b)).toEqual(spanShape(a));
}
