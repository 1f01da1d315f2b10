import { markerLength } from './headings.js';

// Does a line break end a sentence? Scraped pages break lines mid-sentence: Wikisource puts link
// text on lines of its own ("认真实施《\n行政许可法\n》，…"), so a single line break is a sentence
// end only when neither side plainly runs on.

const RUNS_ON_AFTER = new Set([...'，,、(（《“‘「『【〈[']);
const CANNOT_START = new Set([...'，,、。.；;：:！!？?）)》”’」』】〉]%']);
/** Particles and prepositions that cannot end a Chinese sentence. */
const CANNOT_END = new Set([...'的之和与及或在对把被向从于将为以']);

/** text[i] is '\n'; the sentence being read began at `sentenceStart`. */
export function breaksLine(text: string, i: number, sentenceStart: number): boolean {
  if (text[i + 1] === '\n' || text[i - 1] === '\n') return true;
  const before = lastChar(text, i);
  const after = text[i + 1] ?? '';
  if (!before || !after || before === ':') return true;
  if (RUNS_ON_AFTER.has(before) || CANNOT_START.has(after) || CANNOT_END.has(before)) return false;
  if (/[a-z,]/.test(before) && /[a-z]/.test(after)) return false;
  return !hasClausePunctuation(text, sentenceStart + markerLength(text, sentenceStart), i);
}

/** A sentence that has begun with clauses and not yet ended plainly runs on over a line break. */
function hasClausePunctuation(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2c || c === 0x3001) return true; // ',' '、'
  }
  return false;
}

function lastChar(text: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && text[j] === ' ') j--;
  return j >= 0 ? text[j] : '';
}
