// A small coordinate sweep of taohua's parameters on the labelled set. Rule: the highest mean
// char-F1 over the copy kinds among the points whose false-alarm rate on original sentences is at
// most MAX_FALSE_ALARM (ties: the earlier point, so the current defaults win a tie).
import { DEFAULTS, type PartialOptions } from '../../src/index.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';
import type { ShingleMode } from '../../src/types.js';
import { evaluate, log } from './evaluate.js';
import type { LabelledSet } from './generate.js';
import { buildTaohuaIndex, taohuaDetector } from './method-taohua.js';

export const MAX_FALSE_ALARM = 0.02;
export const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7];
const SHINGLES: Array<[ShingleMode, number]> = [
  ['char', 2],
  ['char', 3],
  ['char', 4],
  ['char', 5],
  ['word', 1],
  ['word', 2],
  ['word', 3],
];
const BANDS: Array<[number, number]> = [
  [16, 4],
  [20, 3],
  [32, 2],
  [42, 3],
];
const MIN_CHARS = [4, 6, 8, 10];
/** The span layer's shortest exact run (check-time only: one index serves every value). */
export const SPAN_CHARS = [4, 6, 8, 10, 12];
/** Kinds whose recall the span-length sweep reports, next to the false alarms. */
export const SPAN_KINDS = ['inserted', 'stripped', 'merged', 'split', 'two-sources', 'joined'] as const;

export interface Point {
  mode: ShingleMode;
  n: number;
  bands: number;
  rows: number;
  threshold: number;
  minChars: number;
  spanChars: number;
}

export interface SweepRow extends Point {
  meanCharF1: number;
  falseAlarm: number;
  recall: number;
  ok: boolean;
}

export const DEFAULT_POINT: Point = {
  mode: DEFAULTS.sketch.mode,
  n: DEFAULTS.sketch.n,
  bands: DEFAULTS.sketch.bands,
  rows: DEFAULTS.sketch.rows,
  threshold: DEFAULTS.match.threshold,
  minChars: DEFAULTS.match.minChars,
  spanChars: DEFAULTS.match.spanChars,
};

export function optionsOf(p: Point): PartialOptions {
  return {
    sketch: { mode: p.mode, n: p.n, bands: p.bands, rows: p.rows },
    match: { threshold: p.threshold, minChars: p.minChars, spanChars: p.spanChars },
  };
}

const key = (p: Point): string => `${p.mode}${p.n} ${p.bands}x${p.rows} t${p.threshold} m${p.minChars} s${p.spanChars}`;

export function better(a: SweepRow, b: SweepRow | undefined): boolean {
  if (!b) return true;
  if (a.ok !== b.ok) return a.ok;
  return a.ok ? a.meanCharF1 > b.meanCharF1 + 1e-9 : a.falseAlarm < b.falseAlarm;
}

export async function sweep(sets: LabelledSet[]): Promise<{ rows: SweepRow[]; best: SweepRow }> {
  const rows: SweepRow[] = [];
  const done = new Set<string>();
  let best: SweepRow | undefined;
  const run = async (base: Omit<Point, 'threshold'>): Promise<void> => {
    const indexes = new Map<LabelledSet, CorpusIndex>();
    for (const set of sets) indexes.set(set, await buildTaohuaIndex(set.indexed, optionsOf({ ...base, threshold: 0.5 })));
    const thresholds = [DEFAULT_POINT.threshold, ...THRESHOLDS.filter((t) => t !== DEFAULT_POINT.threshold)];
    for (const threshold of thresholds) {
      const p: Point = { ...base, threshold };
      if (done.has(key(p))) continue;
      done.add(key(p));
      const e = await evaluate(sets, (set) => taohuaDetector(indexes.get(set)!, optionsOf(p)));
      const falseAlarm = e.measures.all.falseAlarm ?? 0;
      const row: SweepRow = { ...p, meanCharF1: e.measures.meanCharF1, falseAlarm, recall: e.measures.all.recall ?? 0, ok: falseAlarm <= MAX_FALSE_ALARM };
      rows.push(row);
      if (better(row, best)) best = row;
      log(`sweep ${key(p)}: mean char-F1 ${row.meanCharF1.toFixed(3)}, false alarm ${falseAlarm.toFixed(3)}`);
    }
  };
  const { threshold: _t, ...start } = DEFAULT_POINT;
  await run(start);
  for (const [mode, n] of SHINGLES) await run({ ...start, mode, n });
  const s1 = best!;
  for (const [bands, rows_] of BANDS) await run({ mode: s1.mode, n: s1.n, minChars: s1.minChars, spanChars: s1.spanChars, bands, rows: rows_ });
  const s2 = best!;
  for (const minChars of MIN_CHARS) await run({ mode: s2.mode, n: s2.n, bands: s2.bands, rows: s2.rows, minChars, spanChars: s2.spanChars });
  return { rows, best: best! };
}

export interface SpanRow {
  spanChars: number;
  meanCharF1: number;
  falseAlarm: number;
  falseChars: number;
  recall: number;
  /** Sentence recall of the kinds the span layer is for. */
  kinds: Partial<Record<(typeof SPAN_KINDS)[number], number>>;
}

/** `match.spanChars` at the default point, everything else unchanged. */
export async function spanSweep(sets: LabelledSet[]): Promise<SpanRow[]> {
  const indexes = new Map<LabelledSet, CorpusIndex>();
  for (const set of sets) indexes.set(set, await buildTaohuaIndex(set.indexed, optionsOf(DEFAULT_POINT)));
  const rows: SpanRow[] = [];
  for (const spanChars of SPAN_CHARS) {
    const e = await evaluate(sets, (set) => taohuaDetector(indexes.get(set)!, optionsOf({ ...DEFAULT_POINT, spanChars })));
    const m = e.measures;
    const kinds: SpanRow['kinds'] = {};
    for (const k of SPAN_KINDS) if (m.kinds[k]) kinds[k] = m.kinds[k]!.recall ?? 0;
    rows.push({ spanChars, meanCharF1: m.meanCharF1, falseAlarm: m.all.falseAlarm ?? 0, falseChars: m.all.falseChars ?? 0, recall: m.all.recall ?? 0, kinds });
    log(`span sweep spanChars ${spanChars}: mean char-F1 ${m.meanCharF1.toFixed(3)}, false alarm ${(m.all.falseAlarm ?? 0).toFixed(3)}`);
  }
  return rows;
}
