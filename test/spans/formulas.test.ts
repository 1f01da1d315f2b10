// Formulas against brute force: every string of at least minLen units shared by at least minDocs
// documents that is right- and left-maximal (not always followed, nor always preceded, by one and
// the same unit), each with its document frequency.
import { describe, expect, it } from 'vitest';
import { normaliseOptions, textDocument } from '../../src/index.js';
import { indexDocuments } from '../../src/pipeline.js';
import { findFormulas } from '../../src/spans/formulas.js';

const WORDS = ['发展', '经济', '坚持', '稳中求进', '改革', '人民', '中心', '加强', '建设', '的'];

function corpus(seed: number, docs: number, words: number): string[] {
  let x = seed;
  const next = (m: number): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % m);
  return Array.from({ length: docs }, () => Array.from({ length: words }, () => WORDS[next(WORDS.length)]).join(''));
}

function brute(texts: string[], minLen: number, minDocs: number): Map<string, number> {
  const out = new Map<string, number>();
  const seen = new Set<string>();
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      for (let j = i + minLen; j <= t.length; j++) {
        const s = t.slice(i, j);
        if (seen.has(s)) continue;
        seen.add(s);
        const occ: Array<[number, number]> = [];
        texts.forEach((u, d) => {
          for (let k = u.indexOf(s); k >= 0; k = u.indexOf(s, k + 1)) occ.push([d, k]);
        });
        const docs = new Set(occ.map(([d]) => d)).size;
        if (docs < minDocs) continue;
        const after = new Set(occ.map(([d, k]) => texts[d][k + s.length] ?? `end${d}`));
        const before = new Set(occ.map(([d, k]) => (k === 0 ? `start${d}` : texts[d][k - 1])));
        if (after.size > 1 && before.size > 1) out.set(s, docs);
      }
    }
  }
  return out;
}

describe('formulas', () => {
  for (const [seed, minDocs] of [
    [1, 2],
    [2, 3],
    [3, 2],
  ]) {
    it(`are exactly the maximal strings shared by ${minDocs}+ documents (seed ${seed})`, async () => {
      const texts = corpus(seed, 6, 30);
      const index = await indexDocuments(
        texts.map((t, i) => textDocument(t, `d${i}.txt`)),
        normaliseOptions({ match: { chrome: false }, normalise: { synonyms: false, places: false } }),
      );
      const found = new Map(
        findFormulas(index.spans, { minLen: 4, minDocs }).map((f) => [
          String.fromCharCode(...index.spans.codes.subarray(f.positions[0], f.positions[0] + f.length)),
          f.docFreq,
        ]),
      );
      expect(found).toEqual(brute(texts, 4, minDocs));
    });
  }
});
