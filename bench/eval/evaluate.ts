// Runs a method over the drafts of each labelled set and scores it (pooled over the sets).
import type { Detector } from './detector.js';
import type { LabelledSet } from './generate.js';
import { isBlank, measure, scoreDraft, type ItemScore, type Measures } from './score.js';

/** Drafts copied from one indexed document: is it `sources[0]`, and what share of the draft is credited to it. */
export interface SingleSourceScore {
  drafts: number;
  /** Share of drafts whose first source is their true source (null: the method names no sources). */
  top: number | null;
  /** Mean share of the draft's non-blank characters credited to the true source. */
  credited: number | null;
}

export interface Evaluation {
  measures: Measures;
  perCorpus: Record<string, Measures>;
  singleSource: SingleSourceScore;
  /** Refused candidate originals (they hold an 8-character run of the corpus): how many, and the share flagged. */
  refused: { n: number; flagged: number | null };
  seconds: number;
}

export function scoreSet(set: LabelledSet, detect: Detector): ItemScore[] {
  return set.drafts.flatMap((d) => scoreDraft(d, detect(d.text)));
}

/** `build` makes the method's detector for one set (its index from that set's documents). */
export async function evaluate(sets: LabelledSet[], build: (set: LabelledSet) => Promise<Detector> | Detector): Promise<Evaluation> {
  const t0 = performance.now();
  const all: ItemScore[] = [];
  const perCorpus: Record<string, Measures> = {};
  const single: Array<{ top: boolean; credited: number } | null> = [];
  const refused: ItemScore[] = [];
  for (const set of sets) {
    const detect = await build(set);
    const scores = scoreSet(set, detect);
    perCorpus[set.corpus] = measure(scores);
    all.push(...scores);
    single.push(...set.singleSource.map((s) => scoreSingleSource(s.draft.text, s.source, detect)));
    refused.push(...set.refused.flatMap((d) => scoreDraft(d, detect(d.text))));
  }
  const named = single.filter((s) => s !== null);
  const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const singleSource: SingleSourceScore = {
    drafts: single.length,
    top: mean(named.map((s) => +s.top)),
    credited: mean(named.map((s) => s.credited)),
  };
  const flagged = refused.length ? refused.filter((s) => s.flagged).length / refused.length : null;
  return { measures: measure(all), perCorpus, singleSource, refused: { n: refused.length, flagged }, seconds: (performance.now() - t0) / 1000 };
}

function scoreSingleSource(text: string, source: string, detect: Detector): { top: boolean; credited: number } | null {
  const ranked = detect(text).sources;
  if (ranked === undefined) return null;
  let chars = 0;
  for (let i = 0; i < text.length; i++) chars += +!isBlank(text.charCodeAt(i));
  return { top: ranked[0]?.doc === source, credited: (ranked.find((s) => s.doc === source)?.chars ?? 0) / chars };
}

export function log(msg: string): void {
  process.stderr.write(`[eval] ${msg}\n`);
}
