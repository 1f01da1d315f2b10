// Banding for MinHash LSH: parameters and per-band bucket keys.
import { fmix32, mix32 } from './hash.js';
import { EMPTY_SLOT } from './minhash.js';

/** Probability that a pair with Jaccard s shares at least one of `bands` buckets. */
export function sCurve(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

const STEPS = 200;

/** Simpson's rule over [lo, hi]. */
function integrate(f: (x: number) => number, lo: number, hi: number): number {
  if (hi <= lo) return 0;
  const h = (hi - lo) / STEPS;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < STEPS; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

export function falsePositiveArea(threshold: number, bands: number, rows: number): number {
  return integrate((s) => sCurve(s, bands, rows), 0, threshold);
}

export function falseNegativeArea(threshold: number, bands: number, rows: number): number {
  return integrate((s) => 1 - sCurve(s, bands, rows), threshold, 1);
}

/**
 * datasketch's `_optimal_param`: over all b·r ≤ k, the (b, r) minimising
 * fpWeight·(area under the S-curve below threshold) +
 * fnWeight·(area above it beyond threshold). Ties keep the first found
 * (smallest b, then smallest r), as datasketch does.
 */
export function chooseBands(
  threshold: number,
  k: number,
  fpWeight = 0.5,
  fnWeight = 0.5,
): { bands: number; rows: number } {
  let best = { bands: 1, rows: 1 };
  let min = Infinity;
  for (let b = 1; b <= k; b++) {
    const maxR = Math.floor(k / b);
    for (let r = 1; r <= maxR; r++) {
      const err = fpWeight * falsePositiveArea(threshold, b, r) + fnWeight * falseNegativeArea(threshold, b, r);
      if (err < min) {
        min = err;
        best = { bands: b, rows: r };
      }
    }
  }
  return best;
}

/** The key every band of an empty-set signature gets; no real band ever gets it. */
export const EMPTY_BAND_KEY = 0xffffffff;

/**
 * One 32-bit key per band: murmur3 over the band's rows, seeded by the band
 * number so equal rows in different bands give different keys. Writes
 * out[outOffset + j] for j < bands.
 */
export function bandKeys(
  sig: Uint32Array,
  sigOffset: number,
  bands: number,
  rows: number,
  out: Uint32Array,
  outOffset: number,
): void {
  if (sig[sigOffset] === EMPTY_SLOT) {
    out.fill(EMPTY_BAND_KEY, outOffset, outOffset + bands);
    return;
  }
  const tail = rows * 4;
  let p = sigOffset;
  for (let j = 0; j < bands; j++) {
    let h = fmix32(Math.imul(j + 1, 0x9e3779b1));
    for (let r = 0; r < rows; r++) h = mix32(h, sig[p++]);
    const key = fmix32(h ^ tail);
    out[outOffset + j] = key === EMPTY_BAND_KEY ? EMPTY_BAND_KEY - 1 : key;
  }
}
