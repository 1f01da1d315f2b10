// The unit-similarity baselines share one rule: a draft unit (sentence or clause, the engine's
// units) is a match when its best similarity reaches the threshold; a sentence is flagged when it
// or one of its clauses matches, and the detected span is the matching units, whole.
import { textDocument } from '../../src/index.js';
import type { Options } from '../../src/options.js';
import type { Detector } from './detector.js';
import type { Detection } from './score.js';
import { draftSentences, type Unit } from './units.js';

export function unitDetector(o: Options, best: (u: Unit) => number): Detector {
  return (text: string): Detection => {
    const det: Detection = { sentences: [], stock: [] };
    for (const s of draftSentences(textDocument(text, '<draft>'), o).sentences) {
      const matched = s.units.filter((u) => best(u) >= o.match.threshold);
      det.sentences.push({ start: s.start, end: s.end, flagged: matched.length > 0 });
      for (const u of matched) det.stock.push([u.start, u.end]);
    }
    return det;
  };
}
