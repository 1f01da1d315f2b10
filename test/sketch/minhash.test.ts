import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { fmix32 } from '../../src/sketch/hash.js';
import { jaccard } from '../../src/sketch/jaccard.js';
import { EMPTY_SLOT, MAX_K, estimateJaccard, isEmptySignature, signature } from '../../src/sketch/minhash.js';
import { charShingles } from '../../src/sketch/shingle.js';

const corpusDir = fileURLToPath(new URL('../../corpus/', import.meta.url));
const sentences = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readFileSync(corpusDir + f, 'utf8').split(/[。!?！？；;\n]/))
  .map((s) => s.trim())
  .filter((s) => [...s].length >= 6);

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = fmix32(s + 0x9e3779b9)) / 4294967296;
}

function mutate(s: string, edits: number, rnd: () => number): string {
  const a = [...s];
  for (let e = 0; e < edits; e++) a[Math.floor(rnd() * a.length)] = String.fromCharCode(0x4e00 + Math.floor(rnd() * 2000));
  return a.join('');
}

function sig(s: string, k: number): Uint32Array {
  const out = new Uint32Array(k);
  signature(charShingles(s, 3), k, out);
  return out;
}

describe('signature', () => {
  it('is deterministic with fixed values', () => {
    const a = sig('在上级党委、政府和教育主管部门的正确领导下', 8);
    expect(Array.from(a)).toEqual(Array.from(sig('在上级党委、政府和教育主管部门的正确领导下', 8)));
    expect(Array.from(a)).toEqual([602607953, 602607953, 1241744798, 2016129722, 2170331595, 2729611343, 3488665190, 602607953]);
  });

  it('depends only on the set, not the order of shingles', () => {
    const sh = charShingles(sentences[3], 3);
    const rev = sh.slice().reverse();
    const a = new Uint32Array(64);
    const b = new Uint32Array(64);
    signature(sh, 64, a);
    signature(rev, 64, b);
    expect(a).toEqual(b);
  });

  it('writes exactly k slots at the offset', () => {
    const out = new Uint32Array(3 * 16).fill(7);
    signature(charShingles(sentences[0], 3), 16, out, 16);
    expect(Array.from(out.subarray(0, 16)).every((v) => v === 7)).toBe(true);
    expect(Array.from(out.subarray(32)).every((v) => v === 7)).toBe(true);
    expect(out.subarray(16, 32)).toEqual(sig(sentences[0], 16));
  });

  it('gives the same signature whatever k was used before', () => {
    const sh = charShingles(sentences[5], 3);
    const first = new Uint32Array(60);
    signature(sh, 60, first);
    const other = new Uint32Array(128);
    for (const k of [128, 7, 60, 128]) {
      signature(sh, k, other);
      if (k === 60) expect(other.subarray(0, 60)).toEqual(first);
    }
    expect(() => signature(sh, MAX_K + 1, new Uint32Array(MAX_K + 1))).toThrow(RangeError);
    expect(() => signature(sh, 0, other)).toThrow(RangeError);
  });

  it('fills every slot even for a single shingle', () => {
    const out = new Uint32Array(128);
    signature(new Uint32Array([12345]), 128, out);
    expect(new Set(out).size).toBe(1);
    expect(out[0]).not.toBe(EMPTY_SLOT);
  });

  it('gives the empty set the sentinel signature, estimated 0 against anything', () => {
    const e = new Uint32Array(32);
    signature(new Uint32Array(0), 32, e);
    expect(Array.from(e).every((v) => v === EMPTY_SLOT)).toBe(true);
    expect(isEmptySignature(e)).toBe(true);
    expect(estimateJaccard(e, 0, e, 0, 32)).toBe(0);
    expect(estimateJaccard(e, 0, sig('abcdef', 32), 0, 32)).toBe(0);
  });

  it('never puts the sentinel value in a real signature', () => {
    const out = new Uint32Array(256);
    for (let i = 0; i < 200; i++) {
      signature(new Uint32Array([0xffffffff - i, i]), 256, out);
      expect(out.includes(EMPTY_SLOT)).toBe(false);
    }
  });

  it('estimates Jaccard of real sentences with small error (k = 128)', () => {
    const rnd = rng(1);
    const k = 128;
    let err = 0;
    let midErr = 0;
    let mid = 0;
    let bias = 0;
    const n = 1500;
    for (let i = 0; i < n; i++) {
      const s = sentences[Math.floor(rnd() * sentences.length)];
      const t = i % 2 === 0 ? mutate(s, 1 + Math.floor(rnd() * 6), rnd) : sentences[Math.floor(rnd() * sentences.length)];
      const exact = jaccard(charShingles(s, 3), charShingles(t, 3));
      const est = estimateJaccard(sig(s, k), 0, sig(t, k), 0, k);
      err += Math.abs(est - exact);
      bias += est - exact;
      if (exact >= 0.2 && exact <= 0.8) {
        midErr += Math.abs(est - exact);
        mid++;
      }
    }
    expect(mid).toBeGreaterThan(200);
    expect(err / n).toBeLessThan(0.04);
    expect(midErr / mid).toBeLessThan(0.08);
    expect(Math.abs(bias / n)).toBeLessThan(0.01);
  });

  it('gets more precise with more slots', () => {
    const rnd = rng(2);
    const errs = [16, 256].map((k) => {
      let e = 0;
      for (let i = 0; i < 400; i++) {
        const s = sentences[Math.floor(rnd() * sentences.length)];
        const t = mutate(s, 3, rnd);
        const exact = jaccard(charShingles(s, 3), charShingles(t, 3));
        e += Math.abs(estimateJaccard(sig(s, k), 0, sig(t, k), 0, k) - exact);
      }
      return e / 400;
    });
    expect(errs[1]).toBeLessThan(errs[0] * 0.6);
  });
});
