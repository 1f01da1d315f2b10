// Sentences and clauses of a normalised text, as flat index pairs (wink-nlp style).
import { UNIT_HEADING, type Segments } from '../types.js';
import { breaksLine } from './line-breaks.js';

const TERMINATORS = new Set(['。', '!', '?', ';', '｡']);
const CLOSERS = new Set(['”', '’', '"', "'", '」', '』', ')', '）', '】', '》', '〉', ']', '〗', '〕']);
const CLAUSE_ENDS = new Set([',', ';', ':', '，', '；', '：']);
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'mr', 'mrs', 'ms', 'dr', 'prof', 'vs', 'no', 'fig', 'st', 'inc', 'ltd', 'jr', 'sr', 'cf', 'al', 'approx', 'dept', 'est', 'vol', 'pp',
]);
const HEADING_MARKER =
  /^(?:[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十百\d#]+\)|[\d#]+(?:\.[\d#]+)*[、.](?![\d#])|第[一二三四五六七八九十百\d#]+[章节部分条篇]|[①-⑳])\s*/;
/** A line this short without sentence punctuation reads as a title or heading. */
const HEADING_MAX_CHARS = 30;

export function segment(text: string): Segments {
  const sentences: number[] = [];
  const flags: number[] = [];
  for (const [a, b, endedByLine] of sentenceRanges(text)) addSentence(text, a, b, endedByLine, sentences, flags);
  const clauses: number[] = [];
  const clauseSentence: number[] = [];
  for (let s = 0; s < flags.length; s++) {
    if (flags[s] & UNIT_HEADING) continue;
    addClauses(text, sentences[2 * s], sentences[2 * s + 1], s, clauses, clauseSentence);
  }
  return {
    sentences: Int32Array.from(sentences),
    sentenceFlags: Uint8Array.from(flags),
    clauses: Int32Array.from(clauses),
    clauseSentence: Int32Array.from(clauseSentence),
  };
}

/** Raw sentence ranges, trimmed, with whether a line break (not punctuation) ended each. */
function* sentenceRanges(text: string): Generator<[number, number, boolean]> {
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      if (breaksLine(text, i, start)) {
        yield* trimmed(text, start, i, true);
        start = i + 1;
      }
      i++;
    } else if (TERMINATORS.has(c) || (c === '.' && endsLatinSentence(text, i))) {
      const end = afterTerminator(text, i);
      yield* trimmed(text, start, end, false);
      start = i = end;
    } else {
      i++;
    }
  }
  yield* trimmed(text, start, text.length, true);
}

function* trimmed(text: string, a: number, b: number, byLine: boolean): Generator<[number, number, boolean]> {
  while (a < b && isBlank(text[a])) a++;
  while (b > a && isBlank(text[b - 1])) b--;
  if (b > a) yield [a, b, byLine];
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\n';
}

function afterTerminator(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && (TERMINATORS.has(text[j]) || text[j] === '.' || CLOSERS.has(text[j]))) j++;
  return j;
}

function endsLatinSentence(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && (text[j] === '.' || CLOSERS.has(text[j]))) j++;
  if (j < text.length && text[j] !== ' ' && text[j] !== '\n') return false;
  while (j < text.length && text[j] === ' ') j++;
  if (j < text.length && /[a-z]/.test(text[j])) return false;
  const word = /([a-z.]+)$/.exec(text.slice(Math.max(0, i - 12), i));
  if (word && (ABBREVIATIONS.has(word[1]) || word[1].length === 1)) return false;
  return true;
}

function addSentence(text: string, a: number, b: number, byLine: boolean, out: number[], flags: number[]): void {
  const marker = HEADING_MARKER.exec(text.slice(a, Math.min(b, a + 16)));
  const isHeadingLine = byLine && b - a <= HEADING_MAX_CHARS && !/[。!?;,]/.test(text.slice(a, b));
  if (isHeadingLine) {
    out.push(a, b);
    flags.push(UNIT_HEADING);
    return;
  }
  if (marker && marker[0].length < b - a) {
    const markerEnd = a + marker[0].trimEnd().length;
    out.push(a, markerEnd);
    flags.push(UNIT_HEADING);
    let rest = a + marker[0].length;
    while (rest < b && isBlank(text[rest])) rest++;
    out.push(rest, b);
    flags.push(0);
    return;
  }
  out.push(a, b);
  flags.push(marker ? UNIT_HEADING : 0);
}

function addClauses(text: string, a: number, b: number, sentence: number, out: number[], owner: number[]): void {
  const ranges: number[] = [];
  let start = a;
  for (let i = a; i < b; i++) {
    if (!CLAUSE_ENDS.has(text[i]) || isNumberSeparator(text, i)) continue;
    pushTrimmed(text, start, i + 1, ranges);
    start = i + 1;
  }
  pushTrimmed(text, start, b, ranges);
  if (ranges.length < 4) return;
  for (let k = 0; k < ranges.length; k += 2) {
    out.push(ranges[k], ranges[k + 1]);
    owner.push(sentence);
  }
}

function pushTrimmed(text: string, a: number, b: number, out: number[]): void {
  while (a < b && isBlank(text[a])) a++;
  while (b > a && isBlank(text[b - 1])) b--;
  if (b > a) out.push(a, b);
}

function isNumberSeparator(text: string, i: number): boolean {
  return /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '');
}
