import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { LshTable } from '../../src/index/lsh-table.js';
import { fmix32 } from '../../src/sketch/hash.js';
import { jaccard } from '../../src/sketch/jaccard.js';
import { bandKeys, sCurve } from '../../src/sketch/lsh.js';
import { signature } from '../../src/sketch/minhash.js';
import { charShingles } from '../../src/sketch/shingle.js';

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = fmix32(s + 0x9e3779b9)) / 4294967296;
}

function randomKeys(count: number, bands: number, alphabet: number, seed: number): Uint32Array {
  const rnd = rng(seed);
  const keys = new Uint32Array(count * bands);
  for (let i = 0; i < keys.length; i++) keys[i] = Math.floor(rnd() * alphabet) * 0x01010101;
  return keys;
}

function bruteCandidates(count: number, bands: number, keys: Uint32Array, probe: Uint32Array, off: number): number[] {
  const out: number[] = [];
  for (let u = 0; u < count; u++) {
    for (let j = 0; j < bands; j++) {
      if (keys[u * bands + j] === probe[off + j]) {
        out.push(u);
        break;
      }
    }
  }
  return out;
}

const sorted = (a: ArrayLike<number>): number[] => Array.from(a).sort((x, y) => x - y);

describe('LshTable', () => {
  const count = 400;
  const bands = 5;
  const keys = randomKeys(count, bands, 60, 1);
  const table = LshTable.build(count, bands, keys);

  it('finds exactly the units sharing a band key, each once', () => {
    const probes = randomKeys(50, bands, 60, 2);
    for (let p = 0; p < 50; p++) {
      const got = table.candidates(probes, p * bands);
      expect(new Set(got).size).toBe(got.length);
      expect(sorted(got)).toEqual(bruteCandidates(count, bands, keys, probes, p * bands));
      const visited: number[] = [];
      table.query(probes, p * bands, (id) => visited.push(id));
      expect(visited).toEqual(Array.from(got));
    }
  });

  it('does not match a key in a different band', () => {
    const probe = new Uint32Array(bands);
    const k = new Uint32Array(2 * bands).fill(1);
    k[bands + 3] = 0xdeadbeef;
    const t = LshTable.build(2, bands, k);
    probe[2] = 0xdeadbeef;
    expect(Array.from(t.candidates(probe, 0))).toEqual([]);
    probe[3] = 0xdeadbeef;
    expect(Array.from(t.candidates(probe, 0))).toEqual([1]);
  });

  it('merges and appends like a build over the concatenated keys', () => {
    const more = randomKeys(123, bands, 60, 3);
    const all = new Uint32Array(keys.length + more.length);
    all.set(keys);
    all.set(more, keys.length);
    const whole = LshTable.build(count + 123, bands, all).toArrays();
    expect(LshTable.merge(table, LshTable.build(123, bands, more)).toArrays()).toEqual(whole);
    expect(table.append(123, more).toArrays()).toEqual(whole);
    expect(() => LshTable.merge(table, LshTable.build(1, 2, new Uint32Array(2)))).toThrow();
  });

  it('round-trips through raw arrays and rejects broken ones', () => {
    const a = table.toArrays();
    const copy = LshTable.fromArrays({ count: a.count, bands: a.bands, keys: a.keys.slice(), ids: a.ids.slice() });
    const probes = randomKeys(10, bands, 60, 4);
    for (let p = 0; p < 10; p++) expect(copy.candidates(probes, p * bands)).toEqual(table.candidates(probes, p * bands));
    const unsorted = a.keys.slice();
    unsorted.reverse();
    expect(() => LshTable.fromArrays({ ...a, keys: unsorted })).toThrow(/sorted/);
    expect(() => LshTable.fromArrays({ ...a, ids: a.ids.subarray(1) })).toThrow();
    const badIds = a.ids.slice();
    badIds[0] = count;
    expect(() => LshTable.fromArrays({ ...a, ids: badIds })).toThrow();
  });

  it('reports its memory', () => {
    expect(table.byteLength).toBe(count * bands * 8);
    expect(table.bytesPerUnit()).toBe(bands * 8);
  });

  it('handles an empty table and large ids', () => {
    const empty = LshTable.build(0, 3, new Uint32Array(0));
    expect(empty.candidates(new Uint32Array(3), 0).length).toBe(0);
    expect(empty.selfPairs(() => undefined).pairs).toBe(0);
    const k = new Uint32Array(3 * 70_000);
    const big = LshTable.build(70_000, 3, k);
    expect(big.candidates(new Uint32Array(3), 0).length).toBe(70_000);
  });

  it('enumerates self pairs once per shared band, a < b', () => {
    const seen = new Map<string, number>();
    const stats = table.selfPairs((a, b) => {
      expect(a).toBeLessThan(b);
      const key = a + ',' + b;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    });
    const expected = new Map<string, number>();
    for (let a = 0; a < count; a++)
      for (let b = a + 1; b < count; b++) {
        let shared = 0;
        for (let j = 0; j < bands; j++) if (keys[a * bands + j] === keys[b * bands + j]) shared++;
        if (shared > 0) expected.set(a + ',' + b, shared);
      }
    expect(seen).toEqual(expected);
    expect(stats.pairs).toBe([...expected.values()].reduce((x, y) => x + y, 0));
    expect(stats.skippedBuckets).toBe(0);

    const d = table.distinctSelfPairs();
    expect(d.a.length).toBe(expected.size);
    const keysOut = Array.from(d.a, (a, i) => a + ',' + d.b[i]);
    expect(new Set(keysOut)).toEqual(new Set(expected.keys()));
  });

  it('skips and counts buckets above maxBucket', () => {
    const k = new Uint32Array(10);
    for (let u = 0; u < 10; u++) k[u] = u < 6 ? 7 : 100 + u;
    const t = LshTable.build(10, 1, k);
    const pairs: Array<[number, number]> = [];
    const stats = t.selfPairs((a, b) => pairs.push([a, b]), 5);
    expect(pairs).toEqual([]);
    expect(stats).toEqual({ pairs: 0, skippedBuckets: 1, skippedMembers: 6 });
    const big: number[][] = [];
    t.buckets((_band, key, ids) => big.push([key, ...ids]));
    expect(big).toEqual([[7, 0, 1, 2, 3, 4, 5]]);
    expect(t.selfPairs(() => undefined, 6).pairs).toBe(15);
  });
});

describe('LshTable on corpus sentences', () => {
  const dir = fileURLToPath(new URL('../../corpus/', import.meta.url));
  const sentences = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(dir + f, 'utf8').split(/[。!?！？；;\n]/))
    .map((s) => s.trim())
    .filter((s) => [...s].length >= 6);
  const rnd = rng(9);
  const units = sentences.slice();
  for (let i = 0; i < 400; i++) {
    const a = [...sentences[Math.floor(rnd() * sentences.length)]];
    const edits = 1 + Math.floor(rnd() * Math.max(1, a.length / 3));
    for (let e = 0; e < edits; e++) a[Math.floor(rnd() * a.length)] = String.fromCharCode(0x4e00 + Math.floor(rnd() * 3000));
    units.push(a.join(''));
  }
  const shingles = units.map((s) => charShingles(s, 3));
  const n = units.length;
  const exact: Array<[number, number, number]> = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const j = jaccard(shingles[a], shingles[b]);
      if (j >= 0.2) exact.push([a, b, j]);
    }

  for (const [bands, rows, threshold] of [
    [20, 3, 0.5],
    [25, 5, 0.5],
    [42, 3, 0.4],
  ]) {
    it(`recall follows the S-curve and candidates stay few (b=${bands}, r=${rows}, t=${threshold})`, () => {
      const k = bands * rows;
      const sigs = new Uint32Array(n * k);
      const keys = new Uint32Array(n * bands);
      for (let u = 0; u < n; u++) {
        signature(shingles[u], k, sigs, u * k);
        bandKeys(sigs, u * k, bands, rows, keys, u * bands);
      }
      const table = LshTable.build(n, bands, keys);
      const d = table.distinctSelfPairs();
      const found = new Set<number>();
      for (let i = 0; i < d.a.length; i++) found.add(d.a[i] * n + d.b[i]);

      const above = exact.filter(([, , j]) => j >= threshold);
      expect(above.length).toBeGreaterThan(100);
      let hits = 0;
      let expected = 0;
      let variance = 0;
      for (const [a, b, j] of above) {
        if (found.has(a * n + b)) hits++;
        const p = sCurve(j, bands, rows);
        expected += p;
        variance += p * (1 - p);
      }
      const recall = hits / above.length;
      const want = expected / above.length;
      const sd = Math.sqrt(variance) / above.length;
      expect(recall).toBeGreaterThan(want - 4 * sd - 0.03);
      expect(recall).toBeGreaterThan(0.85);

      const allPairs = (n * (n - 1)) / 2;
      expect(d.a.length / allPairs).toBeLessThan(0.01);

      // Every candidate pair really shares a band key.
      for (let i = 0; i < Math.min(d.a.length, 500); i++) {
        let shared = false;
        for (let j = 0; j < bands; j++) if (keys[d.a[i] * bands + j] === keys[d.b[i] * bands + j]) shared = true;
        expect(shared).toBe(true);
      }
    });
  }
});
