import { describe, it, expect } from 'vitest';
import { fmix32, hashU32, mix32, murmur3 } from '../../src/sketch/hash.js';

// Straightforward byte-wise murmur3_x86_32, as in the reference C++.
function murmurBytes(bytes: Uint8Array, seed: number): number {
  let h = seed >>> 0;
  const n = bytes.length;
  const blocks = n >>> 2;
  for (let i = 0; i < blocks; i++) {
    const k = bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24);
    h = mix32(h, k);
  }
  const t = blocks * 4;
  const rest = n & 3;
  if (rest > 0) {
    let k = bytes[t];
    if (rest > 1) k ^= bytes[t + 1] << 8;
    if (rest > 2) k ^= bytes[t + 2] << 16;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
  }
  return fmix32(h ^ n);
}

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('murmur3', () => {
  it('matches the published murmur3_x86_32 test vectors (byte reference)', () => {
    expect(murmurBytes(ascii(''), 0)).toBe(0);
    expect(murmurBytes(ascii(''), 1)).toBe(0x514e28b7);
    expect(murmurBytes(ascii(''), 0xffffffff)).toBe(0x81f16f39);
    expect(murmurBytes(ascii('test'), 0)).toBe(0xba6bd213);
    expect(murmurBytes(ascii('Hello, world!'), 0x9747b28c)).toBe(0x24884cba);
    expect(murmurBytes(ascii('The quick brown fox jumps over the lazy dog'), 0x9747b28c)).toBe(0x2fa826cd);
  });

  it('equals the byte reference on the UTF-16LE bytes of the string', () => {
    for (const s of ['', 'a', 'ab', 'abc', '套话', '教育局局长述职报告', '𠀀x', 'mixed 中文 text!']) {
      for (const seed of [0, 1, 0x9747b28c]) {
        expect(murmur3(s, seed)).toBe(murmurBytes(new Uint8Array(Buffer.from(s, 'utf16le')), seed));
      }
    }
  });

  it('gives fixed values (same on every machine and process)', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('套话')).toBe(843556650);
    expect(murmur3('教育局局长', 42)).toBe(409584964);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(fmix32(0)).toBe(0);
  });

  it('returns unsigned 32-bit integers', () => {
    for (let i = 0; i < 1000; i++) {
      const h = murmur3('x' + i);
      expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
      const g = hashU32(i, 7);
      expect(g >= 0 && g <= 0xffffffff).toBe(true);
    }
  });

  it('hashU32 is injective on a sample (a bijection for a fixed seed)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(hashU32(i, 3));
    expect(seen.size).toBe(100_000);
  });
});
