import { expect } from 'vitest';

/** Chrome ranges are flat [start, end) pairs, ascending, non-empty, non-touching, inside the text. */
export function expectWellFormedRanges(text: string, r: Int32Array): void {
  expect(r.length % 2).toBe(0);
  let last = -1;
  for (let i = 0; i < r.length; i += 2) {
    expect(r[i]).toBeGreaterThan(last);
    expect(r[i + 1]).toBeGreaterThan(r[i]);
    expect(r[i + 1]).toBeLessThanOrEqual(text.length);
    last = r[i + 1];
  }
}
