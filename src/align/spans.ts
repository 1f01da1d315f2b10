import type { PreparedDoc, Span, SpanKind } from '../types.js';
import { countChars } from '../text/chars.js';

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

/** Characters of text[start, end): the one definition (src/text/chars.ts), non-blank code points. */
export function nonBlankLength(text: string, start: number, end: number): number {
  return countChars(text, start, end);
}
