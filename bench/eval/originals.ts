// Original sentences that share the corpus's vocabulary but are not copies, checked by brute force:
// no unit close to a corpus unit (exact Jaccard), and no run of SHARED_RUN content characters found
// verbatim in an indexed document (plain string search: such a run is copied text, not a false alarm).
import { DEFAULTS } from '../../src/options.js';
import { textDocument } from '../../src/index.js';
import { words } from '../../src/text/tokens.js';
import { ExactJaccard } from './brute.js';
import { corpusUnits, draftSentences } from './units.js';
import type { SourceDoc } from '../../src/types.js';
import type { Rng } from './prng.js';
import type { OriginalKind } from './kinds.js';

/** Any unit of an "original" sentence may share at most this exact Jaccard with any corpus unit. */
export const ORIGINAL_MAX_JACCARD = 0.25;

/** An original may not share this many consecutive content characters with an indexed document. */
export const SHARED_RUN = 8;

const CONTENT = /[\p{L}\p{N}]/u;

/** The content characters (letters, digits, hanzi) of a text, as code points, punctuation and blanks dropped. */
export function contentChars(text: string): string[] {
  return [...text].filter((c) => CONTENT.test(c));
}

/** Every run of `length` content characters of the documents, for exact look-up. */
export class SharedRuns {
  private readonly runs = new Set<string>();

  constructor(
    docs: readonly SourceDoc[],
    private readonly length = SHARED_RUN,
  ) {
    for (const d of docs) {
      const c = contentChars(d.text);
      for (let i = 0; i + length <= c.length; i++) this.runs.add(c.slice(i, i + length).join(''));
    }
  }

  /** The first run of the text found verbatim in a document, if any. */
  sharedRun(text: string): string | undefined {
    const c = contentChars(text);
    for (let i = 0; i + this.length <= c.length; i++) {
      const run = c.slice(i, i + this.length).join('');
      if (this.runs.has(run)) return run;
    }
    return undefined;
  }
}

export class OriginalityCheck {
  private readonly exact: ExactJaccard;
  private readonly shared: SharedRuns;
  /** Candidates that pass the Jaccard test but hold a run found verbatim in the corpus: copied text, refused. */
  readonly refused: Array<{ kind: OriginalKind; text: string }> = [];

  constructor(indexed: readonly SourceDoc[]) {
    const { units } = corpusUnits(indexed, DEFAULTS);
    this.exact = new ExactJaccard(units.flat().map((u) => u.shingles));
    this.shared = new SharedRuns(indexed);
  }

  /** Highest exact Jaccard (default shingles) of the text's sentences and clauses with the corpus. */
  bestJaccard(text: string): number {
    let best = 0;
    for (const s of draftSentences(textDocument(text), DEFAULTS).sentences) {
      for (const u of s.units) best = Math.max(best, this.exact.best(u.shingles));
    }
    return best;
  }

  isOriginal(text: string, kind: OriginalKind): boolean {
    if (this.bestJaccard(text) >= ORIGINAL_MAX_JACCARD) return false;
    if (this.shared.sharedRun(text) === undefined) return true;
    this.refused.push({ kind, text });
    return false;
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
