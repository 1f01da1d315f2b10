// Runs a method over the drafts of each labelled set and scores it (pooled over the sets).
import type { Detector } from './detector.js';
import type { LabelledSet } from './generate.js';
import { measure, scoreDraft, type ItemScore, type Measures } from './score.js';

export interface Evaluation {
  measures: Measures;
  perCorpus: Record<string, Measures>;
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
  for (const set of sets) {
    const scores = scoreSet(set, await build(set));
    perCorpus[set.corpus] = measure(scores);
    all.push(...scores);
  }
  return { measures: measure(all), perCorpus, seconds: (performance.now() - t0) / 1000 };
}

export function log(msg: string): void {
  process.stderr.write(`[eval] ${msg}\n`);
}
