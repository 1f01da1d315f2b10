import type { Tier } from '../../src/types.js';
// The rows of the evaluation: kinds of copying, and kinds of original text.

export const COPY_KINDS = [
  'verbatim',
  'script',
  'renumbered',
  'spun-known-1',
  'spun-known-2',
  'spun-known-4',
  'spun-heldout-1',
  'spun-heldout-2',
  'spun-heldout-4',
  'reordered',
  'joined',
  'inserted',
  'stripped',
  'merged',
  'split',
  'two-sources',
] as const;

export const ORIGINAL_KINDS = ['original-sampled', 'original-heldout'] as const;

export type CopyKind = (typeof COPY_KINDS)[number];
export type OriginalKind = (typeof ORIGINAL_KINDS)[number];
export type Kind = CopyKind | OriginalKind;
export const KINDS: readonly Kind[] = [...COPY_KINDS, ...ORIGINAL_KINDS];

export const KIND_LABELS: Record<Kind, string> = {
  verbatim: 'verbatim',
  script: 'script-converted (cn↔tw)',
  renumbered: 'renumbered / re-placed',
  'spun-known-1': 'spun ×1 (known table)',
  'spun-known-2': 'spun ×2 (known table)',
  'spun-known-4': 'spun ×4 (known table)',
  'spun-heldout-1': 'spun ×1 (held-out pairs)',
  'spun-heldout-2': 'spun ×2 (held-out pairs)',
  'spun-heldout-4': 'spun ×4 (held-out pairs)',
  reordered: 'reordered clauses',
  joined: 'stock clause + original clause',
  inserted: 'stock clause inside an original clause',
  stripped: 'punctuation stripped',
  merged: 'two sentences merged into one',
  split: 'one sentence split in two',
  'two-sources': 'halves from two documents',
  'original-sampled': 'original (corpus words resampled)',
  'original-heldout': 'original (held-out documents)',
};

export function isOriginal(k: Kind): k is OriginalKind {
  return (ORIGINAL_KINDS as readonly string[]).includes(k);
}

/** The tier a stock span of this kind should carry (issue 14's `Span.tier`), where one is expected. */
export const EXPECTED_TIER: Partial<Record<Kind, Tier>> = {
  verbatim: 'verbatim',
  script: 'verbatim',
  renumbered: 'figures',
  'spun-known-1': 'reworded',
  'spun-known-2': 'reworded',
  'spun-known-4': 'reworded',
  'spun-heldout-1': 'reworded',
  'spun-heldout-2': 'reworded',
  'spun-heldout-4': 'reworded',
};

/**
 * One sentence of a draft: its kind, the characters copied from the corpus ("truth") and, for
 * each copied part, the indexed documents it was copied from (every one holding it verbatim).
 */
export interface Item {
  kind: Kind;
  start: number;
  end: number;
  truth: Array<[number, number]>;
  sources: string[][];
}

export interface Draft {
  name: string;
  text: string;
  items: Item[];
}

/**
 * A sentence before it is placed in a draft; truth is relative to `text`. `cuts` splits it into
 * several draft sentences (items) at those offsets (a copy split in two).
 */
export interface Piece {
  kind: Kind;
  text: string;
  truth: Array<[number, number]>;
  sources: string[][];
  cuts?: number[];
}
