// Page chrome ("site junk"): download prompts, next-article links, watermarks, licence footers.
//
// Two sources of evidence:
//  - form patterns (chrome-patterns.ts), which need no corpus;
//  - repetition at document edges: a short line that is not a sentence, found near the start or
//    end of at least two documents, next to other chrome (learnChrome).
// A formulaic sentence that recurs in many bodies is stock phrasing, not chrome: full sentences
// are never learned, and learned lines count only near the edges or next to other chrome.

import type { SourceDoc } from '../types.js';
import { INLINE_PATTERNS, lineKey, matchLinePattern, TAG_LINE } from './chrome-patterns.js';

/** JSON-serialisable: the normalised keys of the lines recognised as chrome. */
export interface ChromeModel {
  lines: string[];
}

/** The edge zones of a document: this share of its characters, at both ends… */
const EDGE_SHARE = 0.15;
/** …but at least this many characters (a licence footer is ~250 characters). */
const EDGE_MIN_CHARS = 400;
/** Lines longer than this are body text, never tested against patterns or the model. */
const MAX_CHROME_LINE = 200;
/** A learned line must sit at an edge in this share of the documents it occurs in. */
const EDGE_SUPPORT = 0.8;
/** Learned lines with fewer letters than this are fragments, chrome only next to other chrome. */
const FRAGMENT_LETTERS = 4;
/** After a footer starts, remaining lines up to this length are chrome. */
const FOOTER_LINE = 60;

/** The lines of a text as parallel arrays (a 50 MB text may have millions of lines). */
interface Lines {
  count: number;
  starts: Int32Array;
  /** End of the line's content, before "\r\n" or "\n". */
  ends: Int32Array;
  /** Normalised key; '' for blank lines and for lines too long to be chrome. */
  keys: string[];
  long: Uint8Array;
}

function splitLines(text: string): Lines {
  const n = text.length;
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const long = new Uint8Array(count);
  const keys: string[] = new Array<string>(count);
  let start = 0;
  for (let k = 0; k < count; k++) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = n;
    let end = nl;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    starts[k] = start;
    ends[k] = end;
    if (end - start > MAX_CHROME_LINE) {
      long[k] = 1;
      keys[k] = '';
    } else {
      keys[k] = lineKey(text.slice(start, end));
    }
    start = nl + 1;
  }
  return { count, starts, ends, keys, long };
}

function isBlank(lines: Lines, i: number): boolean {
  return lines.keys[i] === '' && lines.long[i] === 0;
}

function edgeBounds(length: number): { headEnd: number; tailStart: number } {
  const edge = Math.max(EDGE_SHARE * length, EDGE_MIN_CHARS);
  return { headEnd: edge, tailStart: length - edge };
}

function isEdge(lines: Lines, i: number, headEnd: number, tailStart: number): boolean {
  return lines.starts[i] < headEnd || lines.ends[i] > tailStart;
}

const LETTER = /[\p{L}\p{N}]/u;
/** Per BMP code unit: 0 unknown, 1 letter or digit, 2 not. */
const letterCache = new Uint8Array(0x10000);

/** Code points of key matching [\p{L}\p{N}] (as key.match(/[\p{L}\p{N}]/gu) counts them), without allocating. */
function letterCount(key: string): number {
  const len = key.length;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = key.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (LETTER.test(key.slice(i, i + 2))) n++;
        i++;
        continue;
      }
    }
    let v = letterCache[c];
    if (v === 0) letterCache[c] = v = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    if (v === 1) n++;
  }
  return n;
}

const SENTENCE_END = /[。！？!?；;：:…]$/u;
const STARTS_WITH_PUNCT = /^[\p{P}\p{S}]/u;
const HEADING = /^(?:[一二三四五六七八九十百]+[、.]|[(（][一二三四五六七八九十百\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十百\d]+[章节部分条])/u;

/** A line that could be learned from repetition: short, and neither a sentence nor a heading. */
function learnable(key: string): boolean {
  if (key === '' || key.length > MAX_CHROME_LINE) return false;
  if (HEADING.test(key)) return false;
  const sentence = !STARTS_WITH_PUNCT.test(key) && SENTENCE_END.test(key) && letterCount(key) >= 2;
  return !sentence;
}

/** Indices of the non-blank lines before and after each line (-1 when none). */
function neighbours(lines: Lines): { prev: Int32Array; next: Int32Array } {
  const prev = new Int32Array(lines.count).fill(-1);
  const next = new Int32Array(lines.count).fill(-1);
  let last = -1;
  for (let i = 0; i < lines.count; i++) {
    prev[i] = last;
    if (!isBlank(lines, i)) last = i;
  }
  last = -1;
  for (let i = lines.count - 1; i >= 0; i--) {
    next[i] = last;
    if (!isBlank(lines, i)) last = i;
  }
  return { prev, next };
}

export function learnChrome(docs: SourceDoc[]): ChromeModel {
  return learnChromeOf(docs).model;
}

/** A model that knows only the form patterns: a document's chrome under it needs no corpus. */
export const PATTERNS_ONLY: ChromeModel = { lines: [] };

/**
 * The model, and which documents it concerns: touched[i] is 1 when document i holds a learned
 * line that no form pattern matches, the only lines on which chromeRanges under the model
 * differs from chromeRanges under PATTERNS_ONLY.
 */
export function learnChromeOf(docs: SourceDoc[]): { model: ChromeModel; touched: Uint8Array } {
  const split = docs.map((d) => ({ lines: splitLines(d.text), length: d.text.length }));
  // Pass 1: candidates by document frequency.
  const docFreq = new Map<string, number>();
  const patternKeys = new Set<string>();
  for (const { lines } of split) {
    const seen = new Set<string>();
    for (const key of lines.keys) {
      if (key === '') continue;
      if (matchLinePattern(key) !== null) patternKeys.add(key);
      if (learnable(key)) seen.add(key);
    }
    for (const k of seen) docFreq.set(k, (docFreq.get(k) ?? 0) + 1);
  }
  const candidates = new Set<string>();
  for (const [k, f] of docFreq) if (f >= 2) candidates.add(k);

  // Pass 2: a candidate is supported in a document when it sits at an edge next to other chrome
  // (or is the first / last line).
  const support = new Map<string, number>();
  for (const { lines, length } of split) {
    const { headEnd, tailStart } = edgeBounds(length);
    const { prev, next } = neighbours(lines);
    const chromeish = (i: number): boolean =>
      i < 0 || candidates.has(lines.keys[i]) || (lines.keys[i] !== '' && matchLinePattern(lines.keys[i]) !== null);
    const supported = new Set<string>();
    for (let i = 0; i < lines.count; i++) {
      const key = lines.keys[i];
      if (!candidates.has(key) || !isEdge(lines, i, headEnd, tailStart)) continue;
      if (chromeish(prev[i]) || chromeish(next[i])) supported.add(key);
    }
    for (const k of supported) support.set(k, (support.get(k) ?? 0) + 1);
  }
  const learned = new Set<string>(patternKeys);
  const beyondPatterns = new Set<string>();
  for (const k of candidates) {
    const s = support.get(k) ?? 0;
    if (s >= 2 && s >= EDGE_SUPPORT * (docFreq.get(k) ?? 0)) {
      learned.add(k);
      if (!patternKeys.has(k)) beyondPatterns.add(k);
    }
  }
  const touched = Uint8Array.from(split, ({ lines }) => (beyondPatterns.size > 0 && lines.keys.some((k) => beyondPatterns.has(k)) ? 1 : 0));
  return { model: { lines: [...learned].sort() }, touched };
}

const Kind = { None: 0, Weak: 1, Strong: 2 } as const;

/**
 * Chrome in `text` as flat [start, end) pairs of string offsets, ascending and non-overlapping.
 * Whole lines for pattern and model lines, the rest of the document after a footer starts, and
 * only the watermark characters for inline watermarks.
 */
export function chromeRanges(text: string, model: ChromeModel): Int32Array {
  const known = new Set(model.lines);
  const lines = splitLines(text);
  const { headEnd, tailStart } = edgeBounds(text.length);
  const kinds = new Uint8Array(lines.count);
  const cuts = new Uint8Array(lines.count);

  for (let i = 0; i < lines.count; i++) {
    const key = lines.keys[i];
    if (key === '') continue;
    const edge = isEdge(lines, i, headEnd, tailStart);
    const p = matchLinePattern(key);
    if (p !== null) {
      kinds[i] = Kind.Strong;
      if (p.cut === true) cuts[i] = 1;
    } else if (known.has(key)) {
      kinds[i] = edge && letterCount(key) >= FRAGMENT_LETTERS ? Kind.Strong : Kind.Weak;
    } else if (edge && TAG_LINE.test(key)) {
      kinds[i] = Kind.Weak;
    }
  }

  // Weak lines are chrome only in a run (blank lines between) that holds a strong line.
  const { prev } = neighbours(lines);
  const chrome = new Uint8Array(lines.count);
  let runStart = -1;
  let runStrong = false;
  const closeRun = (endExclusive: number): void => {
    if (runStart >= 0 && runStrong) for (let j = runStart; j < endExclusive; j++) if (kinds[j] !== Kind.None) chrome[j] = 1;
    runStart = -1;
    runStrong = false;
  };
  for (let i = 0; i < lines.count; i++) {
    if (isBlank(lines, i)) continue;
    if (kinds[i] === Kind.None) {
      closeRun(i);
      continue;
    }
    if (runStart < 0 || prev[i] < 0 || kinds[prev[i]] === Kind.None) {
      closeRun(i);
      runStart = i;
    }
    if (kinds[i] === Kind.Strong) runStrong = true;
  }
  closeRun(lines.count);

  const ranges: number[] = [];
  const footer = footerStart(lines, chrome, cuts, kinds, tailStart);
  const lineLimit = footer < 0 ? lines.count : footer;
  for (let i = 0; i < lineLimit; i++) if (chrome[i] === 1) ranges.push(lines.starts[i], lines.ends[i]);
  if (footer >= 0) ranges.push(lines.starts[footer], text.length);

  for (const { re } of INLINE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      ranges.push(m.index, m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return mergeRanges(text, ranges);
}

/**
 * The first line of a footer: a chrome line in the tail zone after which everything is chrome —
 * at once for a `cut` pattern, else when every remaining non-blank line is chrome or short.
 * -1 when there is none.
 */
function footerStart(lines: Lines, chrome: Uint8Array, cuts: Uint8Array, kinds: Uint8Array, tailStart: number): number {
  // ok[i]: every non-blank line from i on is chrome or a short line.
  const n = lines.count;
  let okFrom = true;
  const ok = new Uint8Array(n + 1);
  ok[n] = 1;
  for (let i = n - 1; i >= 0; i--) {
    if (!isBlank(lines, i) && chrome[i] !== 1 && lines.ends[i] - lines.starts[i] > FOOTER_LINE) okFrom = false;
    ok[i] = okFrom ? 1 : 0;
  }
  for (let i = 0; i < n; i++) {
    if (lines.ends[i] <= tailStart || chrome[i] !== 1) continue;
    if (cuts[i] === 1) return i;
    if (kinds[i] === Kind.Strong && ok[i] === 1 && letterCount(lines.keys[i]) >= FRAGMENT_LETTERS) return i;
  }
  return -1;
}

/** Sorts, then merges overlapping ranges and ranges separated only by white space. */
function mergeRanges(text: string, flat: number[]): Int32Array {
  const count = flat.length >> 1;
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => flat[2 * a] - flat[2 * b] || flat[2 * a + 1] - flat[2 * b + 1]);
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const s = flat[2 * order[k]];
    const e = flat[2 * order[k] + 1];
    if (e <= s) continue;
    const m = out.length;
    if (m > 0 && (s <= out[m - 1] || onlySpace(text, out[m - 1], s))) {
      if (e > out[m - 1]) out[m - 1] = e;
    } else {
      out.push(s, e);
    }
  }
  return Int32Array.from(out);
}

function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x3000 && c !== 0xa0) return false;
  }
  return true;
}
