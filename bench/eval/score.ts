// Scoring a method's detections against the truth.
//
// Sentence level: a draft sentence is flagged when a sentence the method reports over it is
// labelled stock or edited. Character level (PAN-style, micro-averaged over non-blank characters):
// precision = |detected ∩ truth| / |detected|, recall = |detected ∩ truth| / |truth|.
// Per copy kind, precision is that of a draft holding the kind's sentences plus all the original
// sentences, so that false alarms count against every kind.
//
// Attribution (methods that name sources): a copied sentence is attributed when every one of its
// copied parts has a true source document among the first 3 matches of the reported sentence that
// overlaps it most. Tiers (issue 14, when the method reports them): the share of stock spans in a
// sentence of a kind with an expected tier whose tier is that one.
import { COPY_KINDS, EXPECTED_TIER, ORIGINAL_KINDS, isOriginal, type Draft, type Kind } from './kinds.js';

export interface DetectedSentence {
  start: number;
  end: number;
  flagged: boolean;
  /** Documents of the sentence's first matches, best first (methods that name sources). */
  matches?: string[];
}

/** A stock span with the tier the method gave it, if any. */
export interface TieredSpan {
  start: number;
  end: number;
  tier?: string;
}

/** What a method reports for one draft, in draft (original text) offsets. */
export interface Detection {
  sentences: DetectedSentence[];
  stock: Array<[number, number]>;
  /** The stock spans as reported, for tier scoring. */
  spans?: TieredSpan[];
  /** Documents ranked as the draft's sources, with the draft characters credited to each. */
  sources?: Array<{ doc: string; chars: number }>;
}

export interface ItemScore {
  kind: Kind;
  flagged: boolean;
  chars: number;
  truthChars: number;
  detectedChars: number;
  hitChars: number;
  /** Copied sentences of a method that names sources: whether its true sources are among its first 3 matches. */
  attributed: boolean | null;
  /** Stock spans in the sentence with a tier, and those whose tier is the kind's expected one. */
  tiered: number;
  tierOk: number;
}

export function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0x3000 || code === 0xa0;
}

function mark(length: number, ranges: Array<[number, number]>): Uint8Array {
  const m = new Uint8Array(length);
  for (const [a, b] of ranges) m.fill(1, Math.max(0, a), Math.min(length, b));
  return m;
}

export function scoreDraft(draft: Draft, det: Detection): ItemScore[] {
  const detected = mark(draft.text.length, det.stock);
  return draft.items.map((it) => {
    const truth = mark(draft.text.length, it.truth);
    const s: ItemScore = { kind: it.kind, flagged: false, chars: 0, truthChars: 0, detectedChars: 0, hitChars: 0, attributed: null, tiered: 0, tierOk: 0 };
    s.flagged = det.sentences.some((d) => d.flagged && d.start < it.end && d.end > it.start);
    if (!isOriginal(it.kind)) s.attributed = attributed(it.start, it.end, it.sources, det.sentences);
    const expected = EXPECTED_TIER[it.kind];
    for (const span of det.spans ?? []) {
      if (expected === undefined || span.tier === undefined || span.start < it.start || span.start >= it.end) continue;
      s.tiered++;
      s.tierOk += +(span.tier === expected);
    }
    for (let i = it.start; i < it.end; i++) {
      if (isBlank(draft.text.charCodeAt(i))) continue;
      s.chars++;
      s.truthChars += truth[i];
      s.detectedChars += detected[i];
      s.hitChars += truth[i] & detected[i];
    }
    return s;
  });
}

/** Whether every copied part's true sources meet the first 3 matches of the sentence overlapping [a, b) most. */
function attributed(a: number, b: number, sources: string[][], sentences: DetectedSentence[]): boolean | null {
  let best: DetectedSentence | undefined;
  let most = 0;
  for (const d of sentences) {
    const overlap = Math.min(b, d.end) - Math.max(a, d.start);
    if (overlap > most) [best, most] = [d, overlap];
  }
  if (!sentences.some((d) => d.matches !== undefined)) return null;
  const top = best?.matches?.slice(0, 3) ?? [];
  return sources.every((docs) => docs.some((doc) => top.includes(doc)));
}

export interface KindMeasures {
  n: number;
  /** Copy kinds: share of sentences flagged. */
  recall: number | null;
  precision: number | null;
  charPrecision: number | null;
  charRecall: number | null;
  charF1: number | null;
  /** Original kinds: share of sentences flagged, and of their characters marked stock. */
  falseAlarm: number | null;
  falseChars: number | null;
  /** Copy kinds: share of sentences whose true sources are among their first 3 matches. */
  attribution: number | null;
  /** Share of stock spans whose tier is the kind's expected one (null: no tiers reported). */
  tier: number | null;
}

export interface Measures {
  kinds: Partial<Record<Kind, KindMeasures>>;
  all: KindMeasures;
  /** Mean char-F1 over the copy kinds present. */
  meanCharF1: number;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

function f1(p: number | null, r: number | null): number | null {
  if (p === null || r === null) return null;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

interface Totals {
  n: number;
  flagged: number;
  chars: number;
  truth: number;
  detected: number;
  hit: number;
  attributed: number;
  attributable: number;
  tiered: number;
  tierOk: number;
}

function totals(scores: ItemScore[]): Totals {
  const t: Totals = { n: 0, flagged: 0, chars: 0, truth: 0, detected: 0, hit: 0, attributed: 0, attributable: 0, tiered: 0, tierOk: 0 };
  for (const s of scores) {
    t.n++;
    t.flagged += +s.flagged;
    t.chars += s.chars;
    t.truth += s.truthChars;
    t.detected += s.detectedChars;
    t.hit += s.hitChars;
    if (s.attributed !== null) {
      t.attributable++;
      t.attributed += +s.attributed;
    }
    t.tiered += s.tiered;
    t.tierOk += s.tierOk;
  }
  return t;
}

function copyMeasures(c: Totals, o: Totals): KindMeasures {
  const charPrecision = ratio(c.hit, c.detected + o.detected);
  const charRecall = ratio(c.hit, c.truth);
  return {
    n: c.n,
    recall: ratio(c.flagged, c.n),
    precision: ratio(c.flagged, c.flagged + o.flagged),
    charPrecision,
    charRecall,
    charF1: f1(charPrecision, charRecall),
    falseAlarm: null,
    falseChars: null,
    attribution: ratio(c.attributed, c.attributable),
    tier: ratio(c.tierOk, c.tiered),
  };
}

export function measure(scores: ItemScore[]): Measures {
  const orig = totals(scores.filter((s) => isOriginal(s.kind)));
  const kinds: Partial<Record<Kind, KindMeasures>> = {};
  const f1s: number[] = [];
  for (const k of COPY_KINDS) {
    const t = totals(scores.filter((s) => s.kind === k));
    if (t.n === 0) continue;
    kinds[k] = copyMeasures(t, orig);
    f1s.push(kinds[k]!.charF1 ?? 0);
  }
  for (const k of ORIGINAL_KINDS) {
    const t = totals(scores.filter((s) => s.kind === k));
    if (t.n === 0) continue;
    kinds[k] = { ...empty(t.n), falseAlarm: ratio(t.flagged, t.n), falseChars: ratio(t.detected, t.chars) };
  }
  const copies = totals(scores.filter((s) => !isOriginal(s.kind)));
  const all = copyMeasures(copies, orig);
  all.n = copies.n + orig.n;
  all.falseAlarm = ratio(orig.flagged, orig.n);
  all.falseChars = ratio(orig.detected, orig.chars);
  return { kinds, all, meanCharF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0 };
}

function empty(n: number): KindMeasures {
  return { n, recall: null, precision: null, charPrecision: null, charRecall: null, charF1: null, falseAlarm: null, falseChars: null, attribution: null, tier: null };
}
