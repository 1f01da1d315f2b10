// Baseline (c): exact Jaccard of every draft unit against every corpus unit, same shingles. No
// MinHash scheme on these units and shingles can find more.
import { normaliseOptions, type PartialOptions } from '../../src/index.js';
import type { SourceDoc } from '../../src/types.js';
import { ExactJaccard } from './brute.js';
import type { Detector } from './detector.js';
import { unitDetector } from './method-units.js';
import { corpusUnits } from './units.js';

export function bruteDetector(indexed: SourceDoc[], opts: PartialOptions): Detector {
  const o = normaliseOptions(opts);
  const exact = new ExactJaccard(corpusUnits(indexed, o).units.flat().map((u) => u.shingles));
  return unitDetector(o, (u) => exact.best(u.shingles));
}
