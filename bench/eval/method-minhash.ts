// Baseline (a): the `minhash` npm package (Minhash + LshIndex) on the engine's units and shingles,
// k = bands × rows permutations, bandSize = rows; similarity is the package's Jaccard estimate.
import pkg from 'minhash';
import { normaliseOptions, type PartialOptions } from '../../src/index.js';
import type { SourceDoc } from '../../src/types.js';
import type { Detector } from './detector.js';
import { unitDetector } from './method-units.js';
import { corpusUnits } from './units.js';

const { Minhash, LshIndex } = pkg;
type MinhashT = InstanceType<typeof Minhash>;

function sketch(shingles: Uint32Array, numPerm: number): MinhashT {
  const m = new Minhash({ numPerm, seed: 7 });
  for (const h of shingles) m.update(h.toString(36));
  return m;
}

export function minhashDetector(indexed: SourceDoc[], opts: PartialOptions): Detector {
  const o = normaliseOptions(opts);
  const numPerm = o.sketch.bands * o.sketch.rows;
  const lsh = new LshIndex({ bandSize: o.sketch.rows });
  const sketches: MinhashT[] = [];
  const seen = new Set<string>();
  for (const u of corpusUnits(indexed, o).units.flat()) {
    const key = u.shingles.join(',');
    if (seen.has(key) || u.shingles.length === 0) continue;
    seen.add(key);
    const m = sketch(u.shingles, numPerm);
    lsh.insert(String(sketches.length), m);
    sketches.push(m);
  }
  return unitDetector(o, (u) => {
    if (u.shingles.length === 0) return 0;
    const m = sketch(u.shingles, numPerm);
    let best = 0;
    // LshIndex.query throws on a band no corpus unit has: look the bands up ourselves.
    for (const band of lsh.getHashbands(m)) {
      for (const id of lsh.index[band] ?? []) best = Math.max(best, m.jaccard(sketches[Number(id)]));
    }
    return best;
  });
}
