// One-permutation hashing with optimal densification (Shrivastava, ICML 2017).
// A fixed bijection permutes the shingle hashes; the top bits pick one of k
// bins, each bin keeps its minimum. An empty bin j copies the value of the
// first non-empty bin in a fixed pseudo-random probe sequence of j, so two
// units that both borrow for bin j borrow from the same place. Cost is
// O(|shingles| + k·k/filled) instead of O(|shingles|·k).
import { fmix32 } from './hash.js';

/**
 * Every slot of an empty set's signature. Real slot values are clamped to
 * at most 0xFFFFFFFE, so this never equals a real one.
 */
export const EMPTY_SLOT = 0xffffffff;

const PERM_SEED = 0x3c6ef372;
const PROBE_SEED = 0xa54ff53a;
const TWO32 = 4294967296;

let bins = new Uint32Array(128);

/** Writes the k-slot signature of a sorted-or-not shingle set into out[offset, offset+k). */
export function signature(shingles: Uint32Array, k: number, out: Uint32Array, offset = 0): void {
  const n = shingles.length;
  if (n === 0) {
    out.fill(EMPTY_SLOT, offset, offset + k);
    return;
  }
  if (bins.length < k) bins = new Uint32Array(k);
  const b = bins;
  b.fill(EMPTY_SLOT, 0, k);
  for (let i = 0; i < n; i++) {
    let h = fmix32(shingles[i] ^ PERM_SEED);
    if (h === EMPTY_SLOT) h = EMPTY_SLOT - 1;
    const j = Math.floor((h * k) / TWO32);
    if (h < b[j]) b[j] = h;
  }
  for (let j = 0; j < k; j++) {
    let v = b[j];
    if (v === EMPTY_SLOT) {
      const base = Math.imul(j, 0x9e3779b1) ^ PROBE_SEED;
      for (let t = 1; ; t++) {
        const src = Math.floor((fmix32(base ^ Math.imul(t, 0x85ebca77)) * k) / TWO32);
        v = b[src];
        if (v !== EMPTY_SLOT) break;
      }
    }
    out[offset + j] = v;
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
