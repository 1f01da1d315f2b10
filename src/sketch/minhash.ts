// One-permutation hashing with optimal densification (Shrivastava, ICML 2017).
// A fixed bijection permutes the shingle hashes; the top bits pick one of k
// bins, each bin keeps its minimum. An empty bin j copies the value of the
// first originally non-empty bin in a fixed pseudo-random probe sequence of
// j, so two units that both borrow for bin j look in the same places.
// Cost is O(|shingles| + k·k/filled) instead of O(|shingles|·k).
import { fmix32 } from './hash.js';

/**
 * Every slot of an empty set's signature. Real slot values are clamped to
 * at most 0xFFFFFFFE, so this never equals a real one.
 */
export const EMPTY_SLOT = 0xffffffff;

const PERM_SEED = 0x3c6ef372;
const PROBE_SEED = 0xa54ff53a;
const TWO32 = 4294967296;
const SIGN = 0x80000000;
// Bins hold value ^ SIGN as int32, so signed order is the unsigned order of
// the values and an empty bin (EMPTY_SLOT) is INT32_MAX.
const EMPTY_BIN = 0x7fffffff;
const ROUNDS = 32;
/** Largest k signature accepts (512 bands × 64 rows, the option limits). */
export const MAX_K = 32768;

// Fixed module-level arrays: V8 folds their identity and length into the
// hot loops, which measured ~1.4× faster than growable scratch arrays.
const bins = new Int32Array(MAX_K);
const pending = new Int32Array(MAX_K);
const probeTables = new Map<number, Uint16Array>();

/** Bin probed by empty bin j on attempt t (t ≥ 1); the same for every unit. */
function probe(j: number, t: number, k: number): number {
  const h = fmix32(Math.imul(j, 0x9e3779b1) ^ PROBE_SEED ^ Math.imul(t, 0x85ebca77));
  return Math.floor((h * k) / TWO32);
}

// Attempt t of every bin, round-major (t·k + j), cached per k.
function probesFor(k: number): Uint16Array {
  let table = probeTables.get(k);
  if (table === undefined) {
    table = new Uint16Array(k * ROUNDS);
    for (let t = 0; t < ROUNDS; t++) for (let j = 0; j < k; j++) table[t * k + j] = probe(j, t + 1, k);
    probeTables.set(k, table);
  }
  return table;
}

/**
 * Writes the k-slot signature (1 ≤ k ≤ MAX_K) of a shingle set, any order, duplicates allowed,
 * into out[offset, offset+k). Only shingles[0, n) are read (default: all of them).
 */
export function signature(shingles: Uint32Array, k: number, out: Uint32Array, offset = 0, n = shingles.length): void {
  if (n === 0) {
    out.fill(EMPTY_SLOT, offset, offset + k);
    return;
  }
  if (!(k >= 1 && k <= MAX_K)) throw new RangeError(`k must be from 1 to ${MAX_K}`);
  const table = probesFor(k);
  const b = bins;
  const pend = pending;
  b.fill(EMPTY_BIN, 0, k);
  for (let i = 0; i < n; i++) {
    const h = fmix32(shingles[i] ^ PERM_SEED);
    let s = h ^ SIGN;
    if (s === EMPTY_BIN) s = EMPTY_BIN - 1;
    const j = Math.floor((h * k) / TWO32);
    if (s < b[j]) b[j] = s;
  }
  // Empty bins are resolved a probe round at a time over a shrinking list;
  // the list update is branch-free because whether a probe hits is a coin
  // flip the CPU cannot predict. 1 + ((x | -x) >> 31) is 1 iff x === 0.
  let cnt = 0;
  for (let j = 0; j < k; j++) {
    const v = b[j];
    out[offset + j] = v ^ SIGN;
    pend[cnt] = j;
    const x = v ^ EMPTY_BIN;
    cnt += 1 + ((x | -x) >> 31);
  }
  for (let t = 0; t < ROUNDS && cnt > 0; t++) {
    const base = t * k;
    let c = 0;
    for (let q = 0; q < cnt; q++) {
      const j = pend[q];
      const v = b[table[base + j]];
      out[offset + j] = v ^ SIGN;
      pend[c] = j;
      const x = v ^ EMPTY_BIN;
      c += 1 + ((x | -x) >> 31);
    }
    cnt = c;
  }
  for (let q = 0; q < cnt; q++) {
    const j = pend[q];
    let v = EMPTY_BIN;
    for (let t = ROUNDS + 1; v === EMPTY_BIN; t++) v = b[probe(j, t, k)];
    out[offset + j] = v ^ SIGN;
  }
}

/** Share of equal slots; 0 if either signature is the empty-set sentinel. */
export function estimateJaccard(a: Uint32Array, aOff: number, b: Uint32Array, bOff: number, k: number): number {
  if (a[aOff] === EMPTY_SLOT || b[bOff] === EMPTY_SLOT) return 0;
  let eq = 0;
  for (let i = 0; i < k; i++) if (a[aOff + i] === b[bOff + i]) eq++;
  return eq / k;
}

/** True if the signature at offset is the empty-set sentinel. */
export function isEmptySignature(sig: Uint32Array, offset = 0): boolean {
  return sig[offset] === EMPTY_SLOT;
}
