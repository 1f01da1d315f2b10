// Every default in one place; normaliseOptions is called once at the edge (API or CLI).
import { availableParallelism } from 'node:os';
import type { ShingleMode } from './types.js';
import { TaohuaError } from './errors.js';

/** Threads beyond a few per core only cost memory (~270 MB per check thread, a heap per sketch thread). */
export const THREADS_PER_CORE = 4;
export function maxThreads(): number {
  return THREADS_PER_CORE * Math.max(1, availableParallelism());
}

/** Signature length caps: sketching and the LSH table cost grows with bands × rows. */
export const MAX_BANDS = 128;
export const MAX_ROWS = 16;
export const MAX_SIGNATURE = 512;

export interface NormaliseOptions {
  /** Traditional → simplified, per character. */
  script: boolean;
  /** Runs of digits and placeholders (20xx, ××, XX, ○○) become one slot. */
  slots: boolean;
  /** 县/区/市/… become one class so that re-placed copies match. */
  places: boolean;
  /** Known spinner synonyms (效劳→服务, 根底→基础 …) become their common form. */
  synonyms: boolean;
}

export interface SketchOptions {
  mode: ShingleMode;
  /** Shingle length in characters or words. */
  n: number;
  /** LSH bands and rows per band; k = bands × rows hash values per unit. */
  bands: number;
  rows: number;
}

export interface MatchOptions {
  /** Exact Jaccard at or above which a draft unit matches a corpus unit (check, compare). */
  threshold: number;
  /**
   * Exact Jaccard at or above which two corpus units join one stock phrase (scan). Higher than
   * `threshold` because union-find is single-linkage: loose edges chain unrelated units together.
   */
  clusterThreshold: number;
  /** Units shorter than this (normalised content characters) are not matched. */
  minChars: number;
  /** Shortest exact span (content characters) the span layer marks in a draft. */
  spanChars: number;
  /** Shortest formula `scan` lists (content characters; formulas are never shorter than the span layer's seed, 4). */
  formulaChars: number;
  /** A sentence whose stock share is at least this is labelled stock. */
  stockCoverage: number;
  /** How many matches to list per sentence. */
  maxMatches: number;
  /** Stock phrases must appear in at least this many documents. */
  minDocs: number;
  /** Page chrome (download prompts, site watermarks) is labelled `chrome`, not matched. */
  chrome: boolean;
}

export interface Options {
  normalise: NormaliseOptions;
  sketch: SketchOptions;
  match: MatchOptions;
  threads: number;
}

export const DEFAULTS: Options = {
  normalise: { script: true, slots: true, places: true, synonyms: true },
  sketch: { mode: 'char', n: 2, bands: 20, rows: 3 },
  match: {
    threshold: 0.5,
    clusterThreshold: 0.7,
    minChars: 6,
    spanChars: 8,
    formulaChars: 4,
    stockCoverage: 0.8,
    maxMatches: 3,
    minDocs: 2,
    chrome: true,
  },
  threads: 0, // 0: one per core
};

export type PartialOptions = {
  [K in keyof Options]?: Options[K] extends object ? Partial<Options[K]> : Options[K];
};

export function normaliseOptions(partial: PartialOptions = {}): Options {
  const o: Options = {
    normalise: { ...DEFAULTS.normalise, ...partial.normalise },
    sketch: { ...DEFAULTS.sketch, ...partial.sketch },
    match: { ...DEFAULTS.match, ...partial.match },
    threads: partial.threads ?? DEFAULTS.threads,
  };
  check(o.sketch.mode === 'char' || o.sketch.mode === 'word', 'mode must be char or word');
  checkInt(o.sketch.n, 1, 16, 'n');
  checkInt(o.sketch.bands, 1, MAX_BANDS, 'bands');
  checkInt(o.sketch.rows, 1, MAX_ROWS, 'rows');
  const k = o.sketch.bands * o.sketch.rows;
  check(k <= MAX_SIGNATURE, `bands × rows must be at most ${MAX_SIGNATURE} (asked for ${o.sketch.bands} × ${o.sketch.rows} = ${k})`);
  checkRange(o.match.threshold, 'threshold');
  checkRange(o.match.clusterThreshold, 'cluster-threshold');
  checkRange(o.match.stockCoverage, 'stock-coverage');
  checkInt(o.match.minChars, 1, 10_000, 'min-chars');
  checkInt(o.match.minDocs, 1, 1_000_000, 'min-docs');
  checkInt(o.match.spanChars, 4, 10_000, 'span-chars');
  checkInt(o.match.formulaChars, 1, 10_000, 'min-chars');
  check(Number.isInteger(o.threads) && o.threads >= 0 && o.threads <= maxThreads(), `threads must be a whole number from 0 to ${maxThreads()} (${THREADS_PER_CORE} per core)`);
  return o;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new TaohuaError('USAGE', message);
}

function checkInt(v: number, lo: number, hi: number, name: string): void {
  check(Number.isInteger(v) && v >= lo && v <= hi, `${name} must be a whole number from ${lo} to ${hi}`);
}

function checkRange(v: number, name: string): void {
  check(Number.isFinite(v) && v >= 0 && v <= 1, `${name} must be a number from 0 to 1`);
}
