import { describe, it, expect } from 'vitest';
import { signature } from '../../src/sketch/minhash.js';
import {
  EMPTY_BAND_KEY,
  bandKeys,
  chooseBands,
  falseNegativeArea,
  falsePositiveArea,
  sCurve,
} from '../../src/sketch/lsh.js';
import { charShingles } from '../../src/sketch/shingle.js';

describe('sCurve', () => {
  it('is 1-(1-s^r)^b', () => {
    expect(sCurve(0, 20, 3)).toBe(0);
    expect(sCurve(1, 20, 3)).toBe(1);
    expect(sCurve(0.5, 20, 3)).toBeCloseTo(1 - Math.pow(0.875, 20), 12);
    expect(sCurve(0.5, 1, 1)).toBe(0.5);
  });

  it('is increasing in s', () => {
    let prev = -1;
    for (let s = 0; s <= 1; s += 0.01) {
      const p = sCurve(s, 25, 5);
      expect(p).toBeGreaterThanOrEqual(prev);
      prev = p;
    }
  });

  it('integrates areas accurately (closed form for b = 1)', () => {
    expect(falsePositiveArea(0.5, 1, 2)).toBeCloseTo(0.5 ** 3 / 3, 8);
    expect(falseNegativeArea(0.5, 1, 2)).toBeCloseTo(0.5 - (1 - 0.5 ** 3) / 3, 8);
  });
});

describe('chooseBands', () => {
  // Expected values come from datasketch's _optimal_param formulas run with scipy.integrate.quad.
  it('reproduces datasketch _optimal_param', () => {
    expect(chooseBands(0.3, 128)).toEqual({ bands: 37, rows: 3 });
    expect(chooseBands(0.4, 128)).toEqual({ bands: 32, rows: 4 });
    expect(chooseBands(0.5, 128)).toEqual({ bands: 25, rows: 5 });
    expect(chooseBands(0.8, 128)).toEqual({ bands: 9, rows: 13 });
    expect(chooseBands(0.3, 32)).toEqual({ bands: 12, rows: 2 });
    expect(chooseBands(0.5, 32)).toEqual({ bands: 8, rows: 4 });
    expect(chooseBands(0.8, 32)).toEqual({ bands: 3, rows: 10 });
    expect(chooseBands(0.4, 60)).toEqual({ bands: 15, rows: 3 });
    expect(chooseBands(0.5, 64)).toEqual({ bands: 14, rows: 4 });
    expect(chooseBands(0.8, 64)).toEqual({ bands: 5, rows: 11 });
    expect(chooseBands(0.5, 60, 0.1, 0.9)).toEqual({ bands: 20, rows: 3 });
    expect(chooseBands(0.4, 128, 0.1, 0.9)).toEqual({ bands: 42, rows: 3 });
    expect(chooseBands(0.8, 128, 0.1, 0.9)).toEqual({ bands: 14, rows: 9 });
  });

  it('puts the S-curve knee near the threshold and uses at most k slots', () => {
    for (const k of [32, 64, 128, 256]) {
      for (const t of [0.3, 0.5, 0.8]) {
        const { bands, rows } = chooseBands(t, k);
        expect(bands * rows).toBeLessThanOrEqual(k);
        const knee = Math.pow(1 / bands, 1 / rows);
        expect(Math.abs(knee - t)).toBeLessThan(0.1);
        expect(sCurve(Math.min(1, t + 0.2), bands, rows)).toBeGreaterThan(0.85);
        expect(sCurve(Math.max(0, t - 0.2), bands, rows)).toBeLessThan(0.15);
      }
    }
  });

  it('favours recall when false negatives weigh more', () => {
    const even = chooseBands(0.5, 128);
    const recall = chooseBands(0.5, 128, 0.1, 0.9);
    expect(sCurve(0.5, recall.bands, recall.rows)).toBeGreaterThan(sCurve(0.5, even.bands, even.rows));
  });
});

describe('bandKeys', () => {
  const sig = new Uint32Array(60);
  signature(charShingles('坚持把这项工作列入重要议事日程,切实抓好落实', 3), 60, sig);

  it('is deterministic and one key per band', () => {
    const a = new Uint32Array(22).fill(1);
    bandKeys(sig, 0, 20, 3, a, 1);
    expect(a[0]).toBe(1);
    expect(a[21]).toBe(1);
    const b = new Uint32Array(20);
    bandKeys(sig, 0, 20, 3, b, 0);
    expect(a.subarray(1, 21)).toEqual(b);
    const fixed = new Uint32Array(2);
    bandKeys(new Uint32Array([1, 2, 3, 4, 5, 6]), 0, 2, 3, fixed, 0);
    expect(Array.from(fixed)).toEqual([2395851518, 577858473]);
  });

  it('gives equal rows in different bands different keys', () => {
    const same = new Uint32Array(12).fill(42);
    const out = new Uint32Array(4);
    bandKeys(same, 0, 4, 3, out, 0);
    expect(new Set(out).size).toBe(4);
  });

  it('changes only the band whose rows changed', () => {
    const a = new Uint32Array(20);
    bandKeys(sig, 0, 20, 3, a, 0);
    const sig2 = sig.slice();
    sig2[7] ^= 1;
    const b = new Uint32Array(20);
    bandKeys(sig2, 0, 20, 3, b, 0);
    for (let j = 0; j < 20; j++) expect(a[j] === b[j]).toBe(j !== 2);
  });

  it('gives the empty signature a key no real band gets', () => {
    const empty = new Uint32Array(60);
    signature(new Uint32Array(0), 60, empty);
    const out = new Uint32Array(20);
    bandKeys(empty, 0, 20, 3, out, 0);
    expect(Array.from(out).every((v) => v === EMPTY_BAND_KEY)).toBe(true);
    const real = new Uint32Array(20);
    for (let i = 0; i < 2000; i++) {
      signature(charShingles('句子' + i, 3), 60, sig);
      bandKeys(sig, 0, 20, 3, real, 0);
      expect(real.includes(EMPTY_BAND_KEY)).toBe(false);
    }
  });
});
