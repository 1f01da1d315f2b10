// Shingles are murmur3 over the window's code points (one 32-bit block each),
// finalised with the window length, so no substring is ever allocated.
import { fmix32, mix32, murmur3 } from './hash.js';

const CHAR_SEED = 0x5bd1e995;
const WORD_SEED = 0x1b873593;
const TOKEN_SEED = 0x27d4eb2f;

let cps = new Int32Array(256);
let hashes = new Uint32Array(256);

function codePoints(s: string): number {
  const len = s.length;
  if (cps.length < len) cps = new Int32Array(Math.max(len, cps.length * 2));
  let m = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cps[m++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    cps[m++] = c;
  }
  return m;
}

function windows(src: Int32Array, m: number, n: number, seed: number): Uint32Array {
  if (m === 0) return new Uint32Array(0);
  const w = m < n ? m : n;
  const count = m - w + 1;
  if (hashes.length < count) hashes = new Uint32Array(Math.max(count, hashes.length * 2));
  const tail = w * 4;
  for (let i = 0; i < count; i++) {
    let h = seed;
    for (let j = 0; j < w; j++) h = mix32(h, src[i + j]);
    hashes[i] = fmix32(h ^ tail);
  }
  return sortUnique(hashes, count);
}

/**
 * Hashes of every n-code-point window of the UTF-16 code units u[0, len) (surrogate pairs as one
 * code point when `astral`), as charShingles would give for the same string but unsorted and
 * with repeats, in a shared scratch array valid until the next call. Returns the count; the
 * hashes are in shingleScratch(). For callers that only need a MinHash signature.
 */
export function charShingleHashes(u: Uint16Array, len: number, n: number, astral: boolean): number {
  if (cps.length < len) cps = new Int32Array(Math.max(len, cps.length * 2));
  let m = 0;
  if (astral) {
    for (let i = 0; i < len; i++) {
      const c = u[i];
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        const d = u[i + 1];
        if (d >= 0xdc00 && d <= 0xdfff) {
          cps[m++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          i++;
          continue;
        }
      }
      cps[m++] = c;
    }
  } else {
    for (let i = 0; i < len; i++) cps[i] = u[i];
    m = len;
  }
  if (m === 0) return 0;
  const w = m < n ? m : n;
  const count = m - w + 1;
  if (hashes.length < count) hashes = new Uint32Array(Math.max(count, hashes.length * 2));
  const src = cps;
  const out = hashes;
  const tail = w * 4;
  if (w === 2) {
    // The default n: each window's first block is the previous window's second.
    let prev = mix32(CHAR_SEED, src[0]);
    for (let i = 0; i < count; i++) {
      out[i] = fmix32(mix32(prev, src[i + 1]) ^ tail);
      prev = mix32(CHAR_SEED, src[i + 1]);
    }
  } else {
    for (let i = 0; i < count; i++) {
      let h = CHAR_SEED;
      for (let j = 0; j < w; j++) h = mix32(h, src[i + j]);
      out[i] = fmix32(h ^ tail);
    }
  }
  return count;
}

/** The scratch array charShingleHashes writes into. */
export function shingleScratch(): Uint32Array {
  return hashes;
}

/** Sorts a[0, n) and returns its distinct values as a fresh array. */
function sortUnique(a: Uint32Array, n: number): Uint32Array {
  // Insertion sort beats the builtin's call overhead at sentence sizes.
  if (n <= 48) {
    for (let i = 1; i < n; i++) {
      const v = a[i];
      let j = i - 1;
      while (j >= 0 && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  } else a.subarray(0, n).sort();
  let u = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (a[i] !== a[u - 1]) a[u++] = a[i];
  return a.slice(0, u);
}

/**
 * Hashes of every n-code-point window of `content`, sorted ascending and
 * unique. Shorter than n: one shingle of the whole string. Empty: none.
 */
export function charShingles(content: string, n: number): Uint32Array {
  const m = codePoints(content);
  return windows(cps, m, n, CHAR_SEED);
}

/** The same over word n-grams; token i enters as murmur3(token). */
export function wordShingles(tokens: readonly string[], n: number): Uint32Array {
  const m = tokens.length;
  if (cps.length < m) cps = new Int32Array(Math.max(m, cps.length * 2));
  const th = cps;
  for (let i = 0; i < m; i++) th[i] = murmur3(tokens[i], TOKEN_SEED) | 0;
  return windows(th, m, n, WORD_SEED);
}
