// The span layer's lookups against brute force: every occurrence of a string in the documents'
// content streams, found with indexOf.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';
import { bucketCountFor, buildPostings, gramBucket, SEED } from '../../src/spans/span-index.js';
import fc from 'fast-check';

const GWR = '../shared/gwr';

function streams(ix: CorpusIndex): string[] {
  const s = ix.spans;
  return ix.docs.map((_, d) => String.fromCharCode(...s.codes.subarray(s.docStart[d], s.docStart[d + 1])));
}

/** Global positions of every occurrence, overlapping ones included, by plain indexOf. */
function bruteOccurrences(texts: string[], ix: CorpusIndex, q: string): number[] {
  const out: number[] = [];
  texts.forEach((t, d) => {
    for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + 1)) out.push(ix.spans.docStart[d] + i);
  });
  return out;
}

/** A deterministic sample of substrings of the streams, of lengths 1 … 40. */
function samples(texts: string[], n: number): string[] {
  const out: string[] = [];
  let x = 12345;
  const next = (m: number): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % m);
  while (out.length < n) {
    const t = texts[next(texts.length)];
    if (t.length < 50) continue;
    const len = 1 + next(40);
    const at = next(t.length - len);
    out.push(t.slice(at, at + len));
  }
  return out;
}

describe('span index', () => {
  let index: CorpusIndex;
  let texts: string[];
  beforeAll(async () => {
    index = (await buildIndex(existsSync(GWR) ? ['corpus', GWR] : ['corpus'])).index;
    texts = streams(index);
  });

  it('holds every document’s content once, punctuation and white space left out', () => {
    for (const t of texts) expect(t).not.toMatch(/[\s，。、；：！？“”]/);
    expect(index.spans.charCount).toBe(texts.reduce((n, t) => n + t.length, 0));
  });

  it('finds exactly the occurrences indexOf finds, for strings of every length', () => {
    for (const q of samples(texts, 400)) {
      const codes = Uint16Array.from(q, (c) => c.charCodeAt(0));
      expect(index.spans.occurrences(codes), q).toEqual(bruteOccurrences(texts, index, q));
    }
  });

  it('counts documents as indexOf does, and maps occurrences back to the original text', () => {
    for (const q of samples(texts, 200)) {
      const codes = Uint16Array.from(q, (c) => c.charCodeAt(0));
      expect(index.spans.docFreq(codes), q).toBe(texts.filter((t) => t.includes(q)).length);
      if (q.length < SEED) continue;
      for (const g of index.spans.occurrences(codes).slice(0, 3)) {
        const d = index.spans.docOf(g);
        const [start, end] = index.spans.originalRange(g, g + q.length);
        const original = index.docs[d].text.slice(start, end);
        expect(original.length).toBeGreaterThanOrEqual(q.length - 1);
      }
    }
  });
});

describe('span postings', () => {
  /** The postings by definition: every seed position, grouped by bucket, ascending within one. */
  function brutePostings(codes: Uint16Array, docStart: Int32Array): { bucketStart: number[]; postings: number[] } {
    const buckets = bucketCountFor(codes.length);
    const shift = 32 - Math.log2(buckets);
    const lists: number[][] = Array.from({ length: buckets }, () => []);
    for (let d = 0; d + 1 < docStart.length; d++) {
      for (let g = docStart[d]; g + SEED <= docStart[d + 1]; g++) lists[gramBucket(codes, g, shift)].push(g);
    }
    const bucketStart = [0];
    for (const l of lists) bucketStart.push(bucketStart[bucketStart.length - 1] + l.length);
    return { bucketStart, postings: lists.flat() };
  }

  it('equal the definition on random streams of several documents', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0x4e00, max: 0x4e07 }), { maxLength: 3000 }), { minLength: 1, maxLength: 6 }), (docs) => {
        const docStart = new Int32Array(docs.length + 1);
        docs.forEach((d, i) => (docStart[i + 1] = docStart[i] + d.length));
        const codes = Uint16Array.from(docs.flat());
        const got = buildPostings(codes, docStart);
        const want = brutePostings(codes, docStart);
        expect(Array.from(got.postings)).toEqual(want.postings);
        expect(Array.from(got.bucketStart)).toEqual(want.bucketStart);
      }),
      { numRuns: 60 },
    );
  });
});
