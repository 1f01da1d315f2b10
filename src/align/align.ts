// jsdiff on word tokens between a draft unit and its source: the equal parts are stock.
import { diffArrays } from 'diff';
import { isContentChar } from '../text/content.js';
import { tokenise } from '../text/tokens.js';

/** An equal run must hold at least this many content characters to count (a lone 的 does not). */
const MIN_EQUAL_CONTENT = 2;

/** Marks in `stock` (indexed by draft normalised offset) the parts of draft[a, b) equal to `source`. */
export function markStock(draftNorm: string, a: number, b: number, source: string, stock: Uint8Array): void {
  const draftTokens = tokenise(draftNorm.slice(a, b));
  const sourceTokens = tokenise(source);
  let at = a;
  for (const part of diffArrays(draftTokens, sourceTokens)) {
    if (part.removed && !part.added) {
      at += length(part.value);
      continue;
    }
    if (part.added) continue;
    const len = length(part.value);
    if (contentCount(part.value) >= MIN_EQUAL_CONTENT) stock.fill(1, at, at + len);
    at += len;
  }
}

function length(tokens: string[]): number {
  let n = 0;
  for (const t of tokens) n += t.length;
  return n;
}

function contentCount(tokens: string[]): number {
  let n = 0;
  for (const t of tokens) for (const ch of t) if (isContentChar(ch)) n++;
  return n;
}
