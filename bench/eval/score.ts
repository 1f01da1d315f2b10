// Scoring a method's detections against the truth.
//
// Sentence level: a draft sentence is flagged when a sentence the method reports over it is
// labelled stock or edited. Character level (PAN-style, micro-averaged over non-blank characters):
// precision = |detected ∩ truth| / |detected|, recall = |detected ∩ truth| / |truth|.
// Per copy kind, precision is that of a draft holding the kind's sentences plus all the original
// sentences, so that false alarms count against every kind.
import { COPY_KINDS, ORIGINAL_KINDS, isOriginal, type Draft, type Kind } from './kinds.js';

export interface DetectedSentence {
  start: number;
  end: number;
  flagged: boolean;
}

/** What a method reports for one draft, in draft (original text) offsets. */
export interface Detection {
  sentences: DetectedSentence[];
  stock: Array<[number, number]>;
}

export interface ItemScore {
  kind: Kind;
  flagged: boolean;
  chars: number;
  truthChars: number;
  detectedChars: number;
  hitChars: number;
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
    const s: ItemScore = { kind: it.kind, flagged: false, chars: 0, truthChars: 0, detectedChars: 0, hitChars: 0 };
    s.flagged = det.sentences.some((d) => d.flagged && d.start < it.end && d.end > it.start);
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
}

function totals(scores: ItemScore[]): Totals {
  const t: Totals = { n: 0, flagged: 0, chars: 0, truth: 0, detected: 0, hit: 0 };
  for (const s of scores) {
    t.n++;
    t.flagged += +s.flagged;
    t.chars += s.chars;
    t.truth += s.truthChars;
    t.detected += s.detectedChars;
    t.hit += s.hitChars;
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
  return { n, recall: null, precision: null, charPrecision: null, charRecall: null, charF1: null, falseAlarm: null, falseChars: null };
}
