import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lcpArray, suffixArray } from '../../src/spans/suffix-array.js';

function naive(t: number[]): number[] {
  const cmp = (i: number, j: number): number => {
    for (let k = 0; ; k++) {
      if (i + k === t.length) return j + k === t.length ? 0 : -1;
      if (j + k === t.length) return 1;
      if (t[i + k] !== t[j + k]) return t[i + k] - t[j + k];
    }
  };
  return t.map((_, i) => i).sort(cmp);
}

describe('suffix array', () => {
  it('equals a comparison sort of the suffixes, and LCP the common prefixes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }), (arr) => {
        const t = Int32Array.from(arr);
        const sa = suffixArray(t, 4);
        expect([...sa]).toEqual(naive(arr));
        const lcp = lcpArray(t, sa);
        for (let k = 1; k < sa.length; k++) {
          let h = 0;
          while (sa[k - 1] + h < t.length && sa[k] + h < t.length && t[sa[k - 1] + h] === t[sa[k] + h]) h++;
          expect(lcp[k]).toBe(h);
        }
      }),
      { numRuns: 300 },
    );
  });
});
