// MurmurHash3 x86_32 pieces. Everything here is integer arithmetic on fixed
// constants, so results are identical on every machine and process.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Murmur3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One murmur3 body step: folds the 32-bit block `k` into state `h` (returns int32 state). */
export function mix32(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * murmur3_x86_32 of the string's UTF-16LE bytes (two code units per block),
 * so `murmur3(s, seed)` equals the reference byte implementation on
 * `Buffer.from(s, 'utf16le')`.
 */
export function murmur3(s: string, seed = 0): number {
  const len = s.length;
  let h = seed | 0;
  let i = 0;
  for (; i + 1 < len; i += 2) h = mix32(h, s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
  if (i < len) {
    let k = Math.imul(s.charCodeAt(i), C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ (len * 2));
}

/** murmur3 of u[0, len) read as UTF-16 code units: equals murmur3(String.fromCharCode(...u[0, len)), seed). */
export function murmur3Units(u: Uint16Array, len: number, seed = 0): number {
  let h = seed | 0;
  let i = 0;
  for (; i + 1 < len; i += 2) h = mix32(h, u[i] | (u[i + 1] << 16));
  if (i < len) {
    let k = Math.imul(u[i], C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ (len * 2));
}

/** Hash of one uint32 under a seed (a seeded bijection of the input). */
export function hashU32(x: number, seed = 0): number {
  return fmix32(mix32(seed | 0, x) ^ 4);
}
