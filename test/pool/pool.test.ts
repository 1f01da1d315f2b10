import { spanShape } from '../spans/span-shape.js';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseOptions } from '../../src/options.js';
import { indexDocuments, indexParams, sketchHere, type Progress } from '../../src/pipeline.js';
import { chromeRanges, learnChrome, learnChromeOf, PATTERNS_ONLY } from '../../src/io/chrome.js';
import { createPoolSketcher, resolveThreads, workerPath } from '../../src/pool/pool.js';
import { makeBatches } from '../../src/pool/batches.js';
import { sketchBatch } from '../../src/pool/worker.js';
import type { SourceDoc } from '../../src/types.js';

const corpusDir = fileURLToPath(new URL('../../corpus/', import.meta.url));

/** The corpus, repeated under other paths (with a varying line) until it is big enough for the pool. */
function docs(copies: number): SourceDoc[] {
  const base = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(corpusDir + f, 'utf8'));
  const out: SourceDoc[] = [];
  for (let c = 0; c < copies; c++) {
    base.forEach((text, i) => out.push({ path: `c${c}/d${i}.txt`, text: `第${c}份。\n${text}`, format: 'txt', encoding: 'utf-8' }));
  }
  return out;
}

const o = normaliseOptions({});
const params = indexParams(o);
const pools: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('pool sketcher', () => {
  it('finds the compiled worker', () => {
    expect(workerPath()).toMatch(/dist[\\/]src[\\/]pool[\\/]worker\.js$/);
  });

  it('threads = 0 means one per core', () => {
    expect(resolveThreads(0)).toBeGreaterThanOrEqual(1);
    expect(resolveThreads(3)).toBe(3);
  });

  it('gives the same sketches as the main thread, in input order, with progress', async () => {
    const input = docs(8);
    const model = learnChrome(input);
    const here = await sketchHere(input, model, params);
    const pool = createPoolSketcher(2, { minPoolChars: 0 });
    pools.push(pool);
    const seen: Progress[] = [];
    const there = await pool.sketcher(input, model, params, (p) => seen.push(p));
    expect(there.map((s) => s.doc.path)).toEqual(input.map((d) => d.path));
    expect(there).toEqual(here);
    const last = seen[seen.length - 1];
    expect(last.done).toBe(input.length);
    expect(last.total).toBe(input.length);
    expect(last.chars).toBe(input.reduce((n, d) => n + d.text.length, 0));
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('builds the same index with 1 and 3 threads', async () => {
    const input = docs(8);
    const p1 = createPoolSketcher(1, { minPoolChars: 0 });
    const p3 = createPoolSketcher(3, { minPoolChars: 0 });
    pools.push(p1, p3);
    expect(p1.helper(input)).toBeUndefined();
    const a = await indexDocuments(input, o, p1.sketcher, undefined, p1.helper(input));
    const helper = p3.helper(input);
    expect(helper).toBeDefined();
    const b = await indexDocuments(input, o, p3.sketcher, undefined, helper);
    expect(b.units).toEqual(a.units);
    expect(b.uniqueKey).toEqual(a.uniqueKey);
    expect(b.lsh.toArrays()).toEqual(a.lsh.toArrays());
    expect(b.docs).toEqual(a.docs);
    expect(spanShape(b)).toEqual(spanShape(a));
  });

  it('sketches while chrome is learned and redoes the documents the learned lines concern', async () => {
    // Every third document ends with the same short line: learned as chrome, matched by no pattern.
    const input = docs(8).map((d, i) => (i % 3 === 0 ? { ...d, text: `${d.text}\n\n东湖区文明办宣传科\n` } : d));
    const { model, touched } = learnChromeOf(input);
    expect(model.lines).toContain('东湖区文明办宣传科');
    input.forEach((d, i) => {
      if (i % 3 === 0) expect(touched[i]).toBe(1);
      // Sound: a document left alone has the same chrome under the model as under the patterns.
      if (touched[i] === 0) expect(chromeRanges(d.text, model)).toEqual(chromeRanges(d.text, PATTERNS_ONLY));
    });
    const p1 = createPoolSketcher(1, { minPoolChars: 0 });
    const p2 = createPoolSketcher(2, { minPoolChars: 0 });
    pools.push(p1, p2);
    const a = await indexDocuments(input, o, p1.sketcher);
    const b = await indexDocuments(input, o, p2.sketcher, undefined, p2.helper(input));
    expect(b.docs).toEqual(a.docs);
    expect(b.docs.filter((d) => d.chrome.length > 0).length).toBeGreaterThanOrEqual(touched.filter((t) => t === 1).length);
    expect(b.units).toEqual(a.units);
    expect(b.lsh.toArrays()).toEqual(a.lsh.toArrays());
    expect(spanShape(b)).toEqual(spanShape(a));
    expect(b.chromeModel).toEqual(a.chromeModel);
  });

  it('reports a failing document as a TaohuaError, not a crash', async () => {
    const bad = { path: 'bad.txt', text: 42, format: 'txt', encoding: 'utf-8' } as unknown as SourceDoc;
    const r = sketchBatch({ docs: [bad], model: { lines: [] }, params });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.path).toBe('bad.txt');
  });

  it('batches keep order and cover every document once', () => {
    const input = docs(20);
    const batches = makeBatches(input, 2);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flatMap((b) => b.docs)).toEqual(input);
    batches.forEach((b, i) => expect(b.from).toBe(i === 0 ? 0 : batches[i - 1].from + batches[i - 1].docs.length));
  });
});
