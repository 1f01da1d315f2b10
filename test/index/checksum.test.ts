import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createChecksum, hashText } from '../../src/index/checksum.js';

/** Deterministic pseudo-random bytes. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

const digest = (chunks: Uint8Array[]): string => {
  const c = createChecksum();
  for (const x of chunks) c.update(x);
  return c.digest().toString('hex');
};

describe('checksum', () => {
  it('does not depend on how the bytes are cut into chunks or where they sit in memory', () => {
    const data = bytes(70_001, 7);
    const whole = digest([data]);
    expect(whole).toHaveLength(64);
    for (const cuts of [[1], [3, 5, 16, 17], [4096, 4097, 65_000], [2, 33, 34, 35, 70_000]]) {
      const chunks: Uint8Array[] = [];
      let at = 0;
      for (const c of [...cuts, data.length]) {
        // Copy each piece to an odd offset of a larger buffer, so views are unaligned.
        const piece = new Uint8Array(c - at + 3).subarray(1, 1 + c - at);
        piece.set(data.subarray(at, c));
        chunks.push(piece);
        at = c;
      }
      expect(digest(chunks)).toBe(whole);
    }
  });

  it('changes when any single bit flips, or when the length changes', () => {
    const data = bytes(1000, 11);
    const seen = new Set([digest([data])]);
    for (const i of [0, 1, 15, 16, 499, 998, 999]) {
      for (const bit of [0, 3, 7]) {
        const copy = data.slice();
        copy[i] ^= 1 << bit;
        seen.add(digest([copy]));
      }
    }
    seen.add(digest([data.subarray(0, 999)]));
    seen.add(digest([new Uint8Array([...data, 0])]));
    expect(seen.size).toBe(1 + 7 * 3 + 2);
  });

  it('hashes a string as its UTF-16LE bytes, with no encoding step', () => {
    for (const s of ['', 'a', '稳中求进', '政府工作报告 2024：𠀀 surrogate', 'x'.repeat(1001)]) {
      const viaBytes = digest([Buffer.from(s, 'utf16le')]).slice(0, 32);
      expect(hashText(s)).toBe(viaBytes);
    }
    // Different texts, different hashes (and not the SHA-256 the index used before).
    const a = hashText('推动经济发展');
    expect(hashText('推进经济发展')).not.toBe(a);
    expect(a).not.toBe(createHash('sha256').update('推动经济发展').digest('hex').slice(0, 32));
  });
});
