import { describe, expect, it } from 'vitest';
import { editScript } from '../../src/match/edit-script.js';

const boundaries = (length: number, cuts: number[]): Uint8Array => {
  const b = new Uint8Array(length + 1);
  for (const c of [0, length, ...cuts]) b[c] = 1;
  return b;
};

describe('editScript', () => {
  it('slides an insertion onto word boundaries', () => {
    const base = [...'扩大对外开放'];
    const member = [...'扩大对内对外开放'];
    const parts = editScript(base, member, boundaries(6, [2]), boundaries(8, [2, 4]));
    expect(parts.map((p) => `${p.kind}:${p.chars.join('')}`)).toEqual(['equal:扩大', 'added:对内', 'equal:对外开放']);
  });

  it('always spells out both texts, whatever the boundaries', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const text = (): string[] => Array.from({ length: 1 + random(12) }, () => 'abab对内外'[random(7)]);
    for (let round = 0; round < 300; round++) {
      const base = text();
      const member = text();
      const cuts = (n: number): number[] => Array.from({ length: random(n + 1) }, () => random(n + 1));
      const parts = editScript(base, member, boundaries(base.length, cuts(base.length)), boundaries(member.length, cuts(member.length)));
      expect(parts.filter((p) => p.kind !== 'added').flatMap((p) => p.chars)).toEqual(base);
      expect(parts.filter((p) => p.kind !== 'removed').flatMap((p) => p.chars)).toEqual(member);
    }
  });
});
