import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseOptions } from '../../src/options.js';
import { checkDocument, indexDocuments, indexParams } from '../../src/pipeline.js';
import { addToIndex, assertSameParams } from '../../src/index/add.js';
import { createPoolSketcher } from '../../src/pool/pool.js';
import { TaohuaError } from '../../src/errors.js';
import type { SourceDoc } from '../../src/types.js';
import { expectSameIndex } from './same-index.js';

const corpusDir = fileURLToPath(new URL('../../corpus/', import.meta.url));
const texts = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(corpusDir + f, 'utf8'));
const doc = (path: string, text: string): SourceDoc => ({ path, text, format: 'txt', encoding: 'utf-8' });
const corpus = texts.map((t, i) => doc(`d${i}.txt`, t));
// Chrome is learned from the corpus; add keeps the index's model, so compare with chrome off.
const o = normaliseOptions({ match: { chrome: false } });

const draft = doc('draft.txt', texts[1].slice(0, 2000) + texts[3].slice(500, 2500));

describe('addToIndex', () => {
  const pools = [createPoolSketcher(1, { minPoolChars: 0 }), createPoolSketcher(2, { minPoolChars: 0 })];
  afterAll(async () => Promise.all(pools.map((p) => p.close())));

  it('add-then-check equals build-all-then-check', async () => {
    const all = await indexDocuments(corpus, o);
    const first = await indexDocuments(corpus.slice(0, 2), o);
    const r = await addToIndex(first, corpus.slice(2));
    expect(r.added).toEqual(corpus.slice(2).map((d) => d.path));
    expect(r.replaced).toEqual([]);
    expectSameIndex(all, r.index);
    expect(checkDocument(draft, r.index, o)).toEqual(checkDocument(draft, all, o));
  });

  it('skips known content, replaces a changed path', async () => {
    const first = await indexDocuments(corpus.slice(0, 3), o);
    const changed = doc('d1.txt', texts[4]);
    const r = await addToIndex(first, [corpus[0], doc('copy-of-d2.txt', texts[2]), changed]);
    expect(r.skipped).toEqual(['d0.txt', 'copy-of-d2.txt']);
    expect(r.replaced).toEqual(['d1.txt']);
    expect(r.added).toEqual([]);
    const expected = await indexDocuments([corpus[0], changed, corpus[2]], o);
    expectSameIndex(expected, r.index);
    const none = await addToIndex(r.index, [corpus[0]]);
    expect(none.index).toBe(r.index);
  });

  it('gives the same index from 1 and 2 threads', async () => {
    const bigger = [...corpus, ...Array.from({ length: 30 }, (_, k) => doc(`x${k}.txt`, `${k}\n${texts[k % texts.length]}`))];
    const first = await indexDocuments(corpus.slice(0, 1), o);
    const [a, b] = await Promise.all(pools.map((p) => addToIndex(first, bigger.slice(1), { sketcher: p.sketcher })));
    expectSameIndex(a.index, b.index);
  });

  it('refuses other parameters with a message naming both', () => {
    const built = indexParams(normaliseOptions({ sketch: { mode: 'char', n: 3 }, match: { chrome: false } }));
    expect(() => assertSameParams(built, built)).not.toThrow();
    const asked = indexParams(normaliseOptions({ sketch: { mode: 'word', n: 2 }, match: { chrome: false } }));
    try {
      assertSameParams(built, asked, 'x.taohua');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(TaohuaError);
      expect((e as TaohuaError).code).toBe('INDEX_MISMATCH');
      expect((e as TaohuaError).message).toMatch(/index was built with mode=char n=3 .*; this run asks for mode=word n=2 /);
    }
  });
});
