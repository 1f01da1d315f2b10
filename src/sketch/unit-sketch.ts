// From a unit of normalised text to what the index keeps: its shingles, its band keys, and a
// content key under which identical units are stored once.
import type { SketchOptions } from '../options.js';
import { contentOf } from '../text/content.js';
import { words } from '../text/tokens.js';
import { murmur3, murmur3Units } from './hash.js';
import { bandKeys } from './lsh.js';
import { signature } from './minhash.js';
import { charShingles, wordShingles } from './shingle.js';

export function unitShingles(norm: string, a: number, b: number, opts: SketchOptions): Uint32Array {
  if (opts.mode === 'word') return wordShingles(words(norm.slice(a, b)), opts.n);
  return charShingles(contentOf(norm, a, b), opts.n);
}

let sig = new Uint32Array(128);

/**
 * Writes the unit's `opts.bands` LSH keys into out[offset, offset + bands). Only shingles[0, n)
 * are read; they need not be sorted or unique.
 */
export function unitBandKeys(shingles: Uint32Array, opts: SketchOptions, out: Uint32Array, offset: number, n = shingles.length): void {
  const k = opts.bands * opts.rows;
  if (sig.length < k) sig = new Uint32Array(k);
  signature(shingles, k, sig, 0, n);
  bandKeys(sig, 0, opts.bands, opts.rows, out, offset);
}

/** A 53-bit key of the unit's content: equal content, equal key (collisions ~n²/2^54). */
export function contentKey(content: string): number {
  return murmur3(content, 0x9747b28c) * 0x200000 + (murmur3(content, 0x85ebca6b) >>> 11);
}

/** contentKey of the string of UTF-16 code units u[0, len), without building the string. */
export function contentKeyUnits(u: Uint16Array, len: number): number {
  return murmur3Units(u, len, 0x9747b28c) * 0x200000 + (murmur3Units(u, len, 0x85ebca6b) >>> 11);
}
