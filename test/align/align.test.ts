import { describe, expect, it } from 'vitest';
import { markStock } from '../../src/align/align.js';

/** Marked [start, end) runs of a mask, as pairs. */
function runs(mask: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] && (i === 0 || !mask[i - 1])) out.push(i);
    if (mask[i] && (i + 1 === mask.length || !mask[i + 1])) out.push(i + 1);
  }
  return out;
}

describe('markStock', () => {
  it('marks a unit equal to its source whole, and only that unit', () => {
    const draft = '前言。坚持稳中求进工作总基调，推动高质量发展。后记';
    const a = draft.indexOf('坚持');
    const b = draft.indexOf('后记');
    const mask = new Uint8Array(draft.length);
    markStock(draft, a, b, draft.slice(a, b), mask);
    expect(runs(mask)).toEqual([a, b]);
  });

  it('does not mark an equal unit with fewer than two content characters', () => {
    const draft = '甲，的。乙';
    const mask = new Uint8Array(draft.length);
    markStock(draft, 2, 4, '的。', mask);
    expect(runs(mask)).toEqual([]);
  });

  it('marks the shared words of a unit that differs from its source', () => {
    const draft = '坚持稳中求进工作总基调';
    const mask = new Uint8Array(draft.length);
    markStock(draft, 0, draft.length, '坚持稳中求进的工作总基调', mask);
    // Everything in the draft also occurs, in order, in the source.
    expect(runs(mask)).toEqual([0, draft.length]);
  });
});
