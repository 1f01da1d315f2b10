import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { charShingles, wordShingles } from '../../src/sketch/shingle.js';

function isSortedUnique(a: Uint32Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i - 1] >= a[i]) return false;
  return true;
}

describe('charShingles', () => {
  it('has one shingle per distinct n-gram, sorted and unique', () => {
    const s = '我们坚持把这项工作列入重要议事日程';
    const a = charShingles(s, 3);
    expect(a.length).toBe(s.length - 2);
    expect(isSortedUnique(a)).toBe(true);
  });

  it('counts distinct n-grams like a Set of substrings, short and long inputs', () => {
    const dir = fileURLToPath(new URL('../../corpus/', import.meta.url));
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(dir + f, 'utf8'));
    const samples = [...texts, ...texts.flatMap((t) => t.split(/[。\n]/).slice(0, 40))];
    for (const t of samples) {
      const cps = [...t];
      for (const n of [2, 3, 5]) {
        const grams = new Set<string>();
        for (let i = 0; i + n <= cps.length; i++) grams.add(cps.slice(i, i + n).join(''));
        if (cps.length > 0 && cps.length < n) grams.add(t);
        const a = charShingles(t, n);
        expect(a.length).toBe(grams.size);
        expect(isSortedUnique(a)).toBe(true);
      }
    }
  });

  it('dedupes repeated n-grams', () => {
    expect(charShingles('aaaaaa', 3).length).toBe(1);
    expect(charShingles('ababab', 2).length).toBe(2);
    expect(charShingles('尽职尽责,尽心尽力', 2).length).toBe(8);
    expect(charShingles('abcabc', 3).length).toBe(3);
  });

  it('counts a surrogate pair as one character', () => {
    const s = '𠀀𠀁𠀂𠀃';
    expect(s.length).toBe(8);
    expect(charShingles(s, 3).length).toBe(2);
    expect(charShingles(s, 4).length).toBe(1);
    expect(charShingles(s, 1).length).toBe(4);
    expect(charShingles('𠀀𠀁a', 2)).toEqual(new Uint32Array([891813107, 3396279006]));
    expect(charShingles('𠀀𠀁', 3)).toEqual(charShingles('𠀀𠀁', 2));
  });

  it('treats a lone surrogate as a character of its own', () => {
    expect(charShingles('a\ud800b', 2).length).toBe(2);
    expect(charShingles('\udc00\ud800', 3).length).toBe(1);
  });

  it('gives one shingle for a string shorter than n and none for the empty string', () => {
    expect(charShingles('ab', 3).length).toBe(1);
    expect(charShingles('', 3).length).toBe(0);
    expect(charShingles('ab', 3)).toEqual(charShingles('ab', 2));
    expect(charShingles('ab', 3)[0]).not.toBe(charShingles('abc', 3)[0]);
  });

  it('is deterministic with fixed values', () => {
    expect(charShingles('教育局局长', 3)).toEqual(new Uint32Array([645751067, 2661751988, 3772681964]));
  });

  it('is position-independent and order-sensitive within the window', () => {
    const a = charShingles('xyzabc', 3);
    const b = charShingles('abcxyz', 3);
    expect(a).toContain(charShingles('abc', 3)[0]);
    expect(b).toContain(charShingles('abc', 3)[0]);
    expect(charShingles('abc', 3)[0]).not.toBe(charShingles('acb', 3)[0]);
  });

  it('does not collide on a few thousand distinct trigrams', () => {
    const seen = new Set<number>();
    let n = 0;
    for (let a = 0; a < 20; a++)
      for (let b = 0; b < 20; b++)
        for (let c = 0; c < 20; c++) {
          seen.add(charShingles(String.fromCharCode(0x4e00 + a, 0x4e00 + b, 0x4e00 + c), 3)[0]);
          n++;
        }
    expect(seen.size).toBe(n);
  });

  it('returns fresh arrays (not views of a shared buffer)', () => {
    const a = charShingles('一二三四五', 2);
    const copy = a.slice();
    charShingles('六七八九十', 2);
    expect(a).toEqual(copy);
    expect(a.buffer.byteLength).toBe(a.byteLength);
  });
});

describe('wordShingles', () => {
  it('hashes word n-grams, sorted and unique', () => {
    const t = ['加强', '领导', '加强', '领导', '落实', '责任'];
    const a = wordShingles(t, 2);
    expect(a.length).toBe(4);
    expect(isSortedUnique(a)).toBe(true);
  });

  it('keeps token boundaries apart', () => {
    expect(wordShingles(['ab', 'c'], 2)[0]).not.toBe(wordShingles(['a', 'bc'], 2)[0]);
    expect(wordShingles(['ab', 'c'], 2)[0]).not.toBe(wordShingles(['c', 'ab'], 2)[0]);
  });

  it('handles long token lists', () => {
    const t = Array.from({ length: 1000 }, (_, i) => 'w' + (i % 700));
    const a = wordShingles(t, 2);
    expect(a.length).toBe(700);
    expect(isSortedUnique(a)).toBe(true);
  });

  it('handles short and empty token lists', () => {
    expect(wordShingles([], 2).length).toBe(0);
    expect(wordShingles(['唯一'], 3).length).toBe(1);
    expect(wordShingles(['a', 'b'], 3)).toEqual(wordShingles(['a', 'b'], 2));
  });
});
