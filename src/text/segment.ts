// Sentences and clauses of a normalised text, as flat index pairs (wink-nlp style).
// The scanning loops read char codes against flag tables: text[i] would allocate a string per
// CJK character.
import { UNIT_HEADING, type Segments } from '../types.js';
import { HEADING_MARKER } from './headings.js';
import { breaksLine } from './line-breaks.js';

const TERMINATOR = 1;
const CLOSER = 2;
const CLAUSE_END = 4;
const FLAGS = new Uint8Array(0x10000);
for (const c of '。!?;｡') FLAGS[c.charCodeAt(0)] |= TERMINATOR;
for (const c of ['”', '’', '"', "'", '」', '』', ')', '）', '】', '》', '〉', ']', '〗', '〕']) FLAGS[c.charCodeAt(0)] |= CLOSER;
for (const c of ',;:，；：') FLAGS[c.charCodeAt(0)] |= CLAUSE_END;
const DOT = 0x2e;
const SPACE = 0x20;
const NEWLINE = 0x0a;

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'mr', 'mrs', 'ms', 'dr', 'prof', 'vs', 'no', 'fig', 'st', 'inc', 'ltd', 'jr', 'sr', 'cf', 'al', 'approx', 'dept', 'est', 'vol', 'pp',
]);
/** A line this short without sentence punctuation reads as a title or heading. */
const HEADING_MAX_CHARS = 30;

export function segment(text: string): Segments {
  const sentences: number[] = [];
  const flags: number[] = [];
  const raw = sentenceRanges(text);
  for (let k = 0; k < raw.length; k += 3) addSentence(text, raw[k], raw[k + 1], raw[k + 2] === 1, sentences, flags);
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

/** Raw sentence ranges, trimmed, as triples (a, b, 1 if a line break rather than punctuation ended it). */
function sentenceRanges(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      if (breaksLine(text, i, start)) {
        trimmed(text, start, i, 1, out);
        start = i + 1;
      }
      i++;
    } else if (FLAGS[c] & TERMINATOR || (c === DOT && endsLatinSentence(text, i))) {
      const end = afterTerminator(text, i);
      trimmed(text, start, end, 0, out);
      start = i = end;
    } else {
      i++;
    }
  }
  trimmed(text, start, text.length, 1, out);
  return out;
}

function trimmed(text: string, a: number, b: number, byLine: number, out: number[]): void {
  while (a < b && isBlankAt(text, a)) a++;
  while (b > a && isBlankAt(text, b - 1)) b--;
  if (b > a) out.push(a, b, byLine);
}

function isBlankAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === SPACE || c === NEWLINE;
}

function afterTerminator(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (!(FLAGS[c] & (TERMINATOR | CLOSER)) && c !== DOT) break;
    j++;
  }
  return j;
}

function endsLatinSentence(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && (text.charCodeAt(j) === DOT || FLAGS[text.charCodeAt(j)] & CLOSER)) j++;
  if (j < text.length && text[j] !== ' ' && text[j] !== '\n') return false;
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
    while (rest < b && isBlankAt(text, rest)) rest++;
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
    if (!(FLAGS[text.charCodeAt(i)] & CLAUSE_END) || isNumberSeparator(text, i)) continue;
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
  while (a < b && isBlankAt(text, a)) a++;
  while (b > a && isBlankAt(text, b - 1)) b--;
  if (b > a) out.push(a, b);
}

function isNumberSeparator(text: string, i: number): boolean {
  return isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1));
}

/** ASCII digit; NaN (out of range) is not. */
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
