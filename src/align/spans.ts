import type { PreparedDoc, Span, SpanKind } from '../types.js';

/**
 * Spans over the original text of sentence norm[a, b): contiguous, non-overlapping, together
 * exactly [start, end). White space takes the kind of what precedes it so spans do not fragment.
 */
export function toSpans(p: PreparedDoc, a: number, b: number, stock: Uint8Array, chrome?: Uint8Array): Span[] {
  const { text, starts, ends } = p.norm;
  const kindAt = (i: number): SpanKind => (chrome?.[i] ? 'chrome' : stock[i] ? 'stock' : 'original');
  const spans: Span[] = [];
  let kind = kindAt(a);
  let runStart = starts[a];
  for (let i = a + 1; i < b; i++) {
    if (text[i] === ' ' || text[i] === '\n') continue;
    const k = kindAt(i);
    if (k === kind) continue;
    spans.push({ start: runStart, end: starts[i], kind });
    kind = k;
    runStart = starts[i];
  }
  spans.push({ start: runStart, end: ends[b - 1], kind });
  return spans;
}

/** Characters of text[start, end) that are not white space. */
export function nonBlankLength(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 0x3000 || c === 0xa0)) n++;
  }
  return n;
}
