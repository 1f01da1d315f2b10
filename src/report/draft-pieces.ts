// Cuts a CheckResult's draft into the pieces every renderer walks:
// gaps between sentences, and per sentence its spans and the text between them.

import type { CheckResult, LeftOut, Reuse, SentenceResult, SpanKind, Tier } from '../types.js';

/** A run of one sentence: inside a JSON span (kind set) or between spans. */
export interface SentencePiece {
  start: number;
  end: number;
  text: string;
  kind?: SpanKind;
  tier?: Tier;
  reuse?: Reuse;
  leftOut?: LeftOut;
  /** Document the stock span was matched to. */
  sourceDoc?: string;
  /** Stock pieces: corpus documents holding the span's text. */
  docFreq?: number;
}

export type DraftBlock =
  | { type: 'gap'; text: string }
  | { type: 'sentence'; index: number; sentence: SentenceResult; pieces: SentencePiece[] };

/**
 * The draft as blocks in order. With `draftText` gaps are the real text between
 * sentences; without it a gap is a newline after CJK text, otherwise a space.
 */
export function draftBlocks(r: CheckResult, draftText?: string): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  const order = r.sentences
    .map((sentence, index) => ({ sentence, index }))
    .sort((x, y) => x.sentence.start - y.sentence.start || x.index - y.index);
  let cursor: number | undefined;
  let previous: SentenceResult | undefined;
  for (const { sentence, index } of order) {
    if (cursor !== undefined && sentence.start > cursor) {
      blocks.push({ type: 'gap', text: gapText(draftText, cursor, sentence.start, previous) });
    }
    blocks.push({ type: 'sentence', index, sentence, pieces: sentencePieces(sentence) });
    cursor = Math.max(cursor ?? 0, sentence.end);
    previous = sentence;
  }
  return blocks;
}

function gapText(draftText: string | undefined, from: number, to: number, previous?: SentenceResult): string {
  if (draftText !== undefined) return draftText.slice(from, to);
  const last = previous?.text.slice(-1) ?? '';
  return previous?.heading || /[^\x00-\x7f]/.test(last) ? '\n' : ' ';
}

/** Splits a sentence at its spans (sorted, clipped to the sentence, overlaps dropped). */
export function sentencePieces(s: SentenceResult): SentencePiece[] {
  const pieces: SentencePiece[] = [];
  const spans = [...s.spans].sort((a, b) => a.start - b.start || a.end - b.end);
  let cursor = s.start;
  const slice = (from: number, to: number): string => s.text.slice(from - s.start, to - s.start);
  for (const span of spans) {
    const start = Math.max(span.start, cursor, s.start);
    const end = Math.min(span.end, s.end);
    if (start !== span.start || end <= start) continue;
    if (start > cursor) pieces.push({ start: cursor, end: start, text: slice(cursor, start) });
    pieces.push({ start, end, text: slice(start, end), kind: span.kind, tier: span.tier, reuse: span.reuse, leftOut: span.leftOut, sourceDoc: span.source?.doc, docFreq: span.docFreq });
    cursor = end;
  }
  if (cursor < s.end) pieces.push({ start: cursor, end: s.end, text: slice(cursor, s.end) });
  return pieces;
}
