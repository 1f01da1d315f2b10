// Candidates from the LSH table, verified by exact Jaccard on shingles, so that a false candidate
// never reaches the output.
import type { SketchOptions } from '../options.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { jaccard } from '../sketch/jaccard.js';
import { unitBandKeys, unitShingles } from '../sketch/unit-sketch.js';

export interface Verified {
  unique: number;
  similarity: number;
}

export class UnitMatcher {
  private readonly shingleCache = new Map<number, Uint32Array>();
  private readonly probe: Uint32Array;
  private readonly sketch: SketchOptions;

  constructor(
    private readonly index: CorpusIndex,
    private readonly threshold: number,
  ) {
    this.sketch = index.params.sketch;
    this.probe = new Uint32Array(this.sketch.bands);
  }

  /** Shingles of unique unit u (computed from its text once, then cached). */
  shinglesOf(u: number): Uint32Array {
    let s = this.shingleCache.get(u);
    if (!s) {
      const row = this.index.uniqueFirst[u];
      const units = this.index.units;
      const norm = this.index.docs[units.doc[row]].norm;
      s = unitShingles(norm, units.normStart[row], units.normEnd[row], this.sketch);
      this.shingleCache.set(u, s);
    }
    return s;
  }

  /** Verified matches of the unit norm[a, b), best first. */
  match(norm: string, a: number, b: number): Verified[] {
    const shingles = unitShingles(norm, a, b, this.sketch);
    if (shingles.length === 0) return [];
    unitBandKeys(shingles, this.sketch, this.probe, 0);
    const out: Verified[] = [];
    for (const u of this.index.lsh.candidates(this.probe, 0)) {
      const similarity = jaccard(shingles, this.shinglesOf(u));
      if (similarity >= this.threshold) out.push({ unique: u, similarity });
    }
    return out.sort((x, y) => y.similarity - x.similarity || x.unique - y.unique);
  }
}
