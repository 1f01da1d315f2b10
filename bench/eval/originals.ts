// Original sentences that share the corpus's vocabulary but are not copies, checked by brute force.
import { DEFAULTS } from '../../src/options.js';
import { textDocument } from '../../src/index.js';
import { words } from '../../src/text/tokens.js';
import { ExactJaccard } from './brute.js';
import { corpusUnits, draftSentences } from './units.js';
import type { SourceDoc } from '../../src/types.js';
import type { Rng } from './prng.js';

/** Any unit of an "original" sentence may share at most this exact Jaccard with any corpus unit. */
export const ORIGINAL_MAX_JACCARD = 0.25;

export class OriginalityCheck {
  private readonly exact: ExactJaccard;

  constructor(indexed: readonly SourceDoc[]) {
    const { units } = corpusUnits(indexed, DEFAULTS);
    this.exact = new ExactJaccard(units.flat().map((u) => u.shingles));
  }

  /** Highest exact Jaccard (default shingles) of the text's sentences and clauses with the corpus. */
  bestJaccard(text: string): number {
    let best = 0;
    for (const s of draftSentences(textDocument(text), DEFAULTS).sentences) {
      for (const u of s.units) best = Math.max(best, this.exact.best(u.shingles));
    }
    return best;
  }

  isOriginal(text: string): boolean {
    return this.bestJaccard(text) < ORIGINAL_MAX_JACCARD;
  }
}

/** A new sentence of short word runs sampled from corpus sentences. */
export function sampledSentence(pool: readonly string[], rng: Rng): string {
  const runs: string[] = [];
  const count = 4 + rng.int(3);
  for (let i = 0; i < count; i++) {
    const w = words(rng.pick(pool));
    if (w.length === 0) continue;
    const len = 1 + rng.int(Math.min(3, w.length));
    const at = rng.int(w.length - len + 1);
    runs.push(w.slice(at, at + len).join(''));
  }
  const comma = 2 + rng.int(2);
  return runs.map((r, i) => r + (i === comma - 1 && i < runs.length - 1 ? '，' : '')).join('') + '。';
}
