import { describe, it, expect } from 'vitest';
import { containment, intersectionSize, jaccard } from '../../src/sketch/jaccard.js';
import { charShingles } from '../../src/sketch/shingle.js';

const u = (...xs: number[]): Uint32Array => new Uint32Array(xs);

describe('jaccard', () => {
  it('is exact on sorted unique arrays', () => {
    expect(jaccard(u(1, 2, 3), u(2, 3, 4))).toBe(0.5);
    expect(jaccard(u(1, 2, 3), u(1, 2, 3))).toBe(1);
    expect(jaccard(u(1, 2), u(3, 4))).toBe(0);
    expect(jaccard(u(0, 0xffffffff), u(0xffffffff))).toBe(0.5);
    expect(intersectionSize(u(1, 5, 9, 12), u(0, 5, 9, 13, 20))).toBe(2);
  });

  it('treats empty sets as sharing nothing', () => {
    expect(jaccard(u(), u())).toBe(0);
    expect(jaccard(u(), u(1))).toBe(0);
    expect(containment(u(), u(1))).toBe(0);
  });

  it('containment is |a∩b|/|a|', () => {
    expect(containment(u(1, 2), u(1, 2, 3, 4))).toBe(1);
    expect(containment(u(1, 2, 3, 4), u(1, 2))).toBe(0.5);
  });

  it('matches a Set-based computation on shingles', () => {
    const a = charShingles('我在工作中尽职尽责,尽心尽力,取得了一定的成绩', 3);
    const b = charShingles('在工作中尽职尽责,尽心尽力,取得了显著的成绩', 3);
    const sa = new Set(a);
    const inter = [...new Set(b)].filter((x) => sa.has(x)).length;
    expect(jaccard(a, b)).toBeCloseTo(inter / (a.length + b.length - inter), 12);
  });
});
