// Tiers on the labelled drafts: each copy kind has the tier an editor should see, and the share of
// its flagged sentences that get it is the score.
import type { CheckResult, Tier } from '../../src/types.js';
import { EXPECTED_TIER, type Kind } from './kinds.js';
import type { LabelledSet } from './generate.js';

/** The tier each kind should get (kinds.ts); kinds without one (reordered, joined, originals) are not scored. */
export { EXPECTED_TIER };

export interface TierScore {
  kind: Kind;
  expected: Tier;
  /** Sentences of this kind that were flagged (have a tier at all). */
  flagged: number;
  right: number;
  share: number;
  /** What the wrong ones got. */
  got: Partial<Record<Tier, number>>;
}

/** Scores the tier of every flagged sentence of a scored kind; `check` runs taohua on a draft's text. */
export function scoreTiers(sets: LabelledSet[], check: (set: LabelledSet, text: string) => CheckResult): TierScore[] {
  const scores = new Map<Kind, TierScore>();
  for (const set of sets) {
    for (const draft of set.drafts) {
      const r = check(set, draft.text);
      for (const item of draft.items) {
        const expected = EXPECTED_TIER[item.kind];
        if (!expected) continue;
        const s = r.sentences.find((x) => x.start < item.end && x.end > item.start && x.tier !== undefined);
        if (!s?.tier) continue;
        const score = scores.get(item.kind) ?? { kind: item.kind, expected, flagged: 0, right: 0, share: 0, got: {} };
        score.flagged++;
        if (s.tier === expected) score.right++;
        else score.got[s.tier] = (score.got[s.tier] ?? 0) + 1;
        scores.set(item.kind, score);
      }
    }
  }
  return [...scores.values()].map((s) => ({ ...s, share: s.flagged ? Math.round((s.right / s.flagged) * 1000) / 1000 : 0 }));
}

export function tierTable(scores: TierScore[]): string {
  const rows = scores.map((s) => {
    const wrong = Object.entries(s.got).map(([t, n]) => `${t} ${n}`).join(', ');
    return `| ${s.kind} | ${s.expected} | ${s.flagged} | ${s.share.toFixed(3)} | ${wrong} |`;
  });
  return ['| kind | expected tier | flagged | share right | wrong tiers |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
