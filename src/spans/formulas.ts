// Formulas: the maximal strings of content that at least minDocs documents share, each with its
// exact document frequency and every occurrence.
//
// Pass 1 (postings): a position is frequent when its seed gram occurs in at least minDocs
// documents; any string shared by minDocs documents lies wholly in frequent positions, so only
// their runs ("regions") need the exact pass. Pass 2 (suffix array of the regions, separated by
// unique values): every LCP interval is a right-maximal repeat; it is a formula when it is long
// enough, in enough documents, and left-maximal (not always preceded by the same unit: a fragment
// that only ever occurs inside a longer formula is not listed again; one that also occurs
// elsewhere is, with its own, larger document frequency).
import { SEED, type SpanIndex } from './span-index.js';
import { lcpArray, suffixArray } from './suffix-array.js';

export interface Formula {
  /** Length in content units. */
  length: number;
  docFreq: number;
  /** Global content positions of every occurrence, ascending. */
  positions: Int32Array;
}

export interface FormulaOptions {
  minLen: number;
  minDocs: number;
}

export function findFormulas(index: SpanIndex, o: FormulaOptions, breaks?: Uint8Array): Formula[] {
  const minLen = Math.max(SEED, o.minLen);
  const frequent = frequentPositions(index, Math.max(2, o.minDocs));
  // A region also ends where a sentence does: a formula is a phrase, not a sentence end and the next start.
  if (breaks) for (let g = 0; g < frequent.length; g++) if (breaks[g] && frequent[g]) frequent[g] = 2;
  const regions = regionText(index, frequent, minLen);
  if (regions.text.length === 0) return [];
  const sa = suffixArray(regions.text, regions.alphabet);
  const lcp = lcpArray(regions.text, sa);
  return maximalRepeats(regions, sa, lcp, minLen, Math.max(2, o.minDocs), index.docCount);
}

/** 1 for every content unit covered by a seed gram that occurs in at least minDocs documents. */
export function frequentPositions(index: SpanIndex, minDocs: number): Uint8Array {
  const { bucketStart, postings, codes } = index;
  const covered = new Uint8Array(codes.length);
  const keys: number[] = [];
  for (let b = 0; b + 1 < bucketStart.length; b++) {
    const from = bucketStart[b];
    const to = bucketStart[b + 1];
    if (to - from < minDocs) continue;
    keys.length = 0;
    for (let p = from; p < to; p++) {
      const key = gramKey(codes, postings[p]);
      if (!keys.includes(key)) keys.push(key);
    }
    for (const key of keys) markIfFrequent(index, from, to, key, minDocs, covered);
  }
  return covered;
}

function gramKey(c: Uint16Array, g: number): number {
  // 4 × 16 bits do not fit a double exactly; the hash of the last two is enough to tell the grams
  // of one bucket apart, and equal grams always agree.
  return (c[g] * 65536 + c[g + 1]) * 65536 + ((c[g + 2] * 31 + c[g + 3]) & 0xffff);
}

function markIfFrequent(index: SpanIndex, from: number, to: number, key: number, minDocs: number, covered: Uint8Array): void {
  const { postings, codes } = index;
  let docs = 0;
  let last = -1;
  for (let p = from; p < to && docs < minDocs; p++) {
    const g = postings[p];
    if (gramKey(codes, g) !== key) continue;
    const d = index.docOf(g);
    if (d !== last) docs++;
    last = d;
  }
  if (docs < minDocs) return;
  for (let p = from; p < to; p++) {
    const g = postings[p];
    if (gramKey(codes, g) === key) covered.fill(1, g, g + SEED);
  }
}

interface Regions {
  /** Region units, each region followed by a unique separator value. */
  text: Int32Array;
  alphabet: number;
  /** Global content position of each unit of text; -1 at separators. */
  global: Int32Array;
  /** Document of each unit of text; -1 at separators. */
  doc: Int32Array;
}

function regionText(index: SpanIndex, frequent: Uint8Array, minLen: number): Regions {
  const runs: number[] = [];
  let total = 0;
  for (let d = 0; d < index.docCount; d++) {
    let g = index.docStart[d];
    const end = index.docStart[d + 1];
    while (g < end) {
      if (!frequent[g]) {
        g++;
        continue;
      }
      const a = g++;
      while (g < end && frequent[g] === 1) g++;
      if (g - a >= minLen) {
        runs.push(a, g, d);
        total += g - a + 1;
      }
    }
  }
  const text = new Int32Array(total);
  const global = new Int32Array(total);
  const doc = new Int32Array(total);
  let at = 0;
  let separator = 65536;
  for (let r = 0; r < runs.length; r += 3) {
    const [a, b, d] = [runs[r], runs[r + 1], runs[r + 2]];
    for (let g = a; g < b; g++, at++) {
      text[at] = index.codes[g];
      global[at] = g;
      doc[at] = d;
    }
    text[at] = separator++;
    global[at] = -1;
    doc[at++] = -1;
  }
  return { text, alphabet: separator, global, doc };
}

/** LCP intervals, bottom-up; each long, frequent, left-maximal one is a formula. */
function maximalRepeats(r: Regions, sa: Int32Array, lcp: Int32Array, minLen: number, minDocs: number, docCount: number): Formula[] {
  const out: Formula[] = [];
  const seen = new Int32Array(docCount).fill(-1);
  let stamp = 0;
  const stackLcp: number[] = [0];
  const stackLb: number[] = [0];
  const n = sa.length;
  for (let i = 1; i <= n; i++) {
    const cur = i < n ? lcp[i] : 0;
    let lb = i - 1;
    while (cur < stackLcp[stackLcp.length - 1]) {
      const len = stackLcp.pop()!;
      lb = stackLb.pop()!;
      if (len >= minLen) {
        const f = toFormula(r, sa, lb, i - 1, len, minDocs, seen, stamp++);
        if (f) out.push(f);
      }
    }
    if (cur > stackLcp[stackLcp.length - 1]) {
      stackLcp.push(cur);
      stackLb.push(lb);
    }
  }
  return out;
}

function toFormula(r: Regions, sa: Int32Array, lb: number, rb: number, len: number, minDocs: number, seen: Int32Array, stamp: number): Formula | undefined {
  let docs = 0;
  for (let k = lb; k <= rb; k++) {
    const d = r.doc[sa[k]];
    if (seen[d] !== stamp) {
      seen[d] = stamp;
      docs++;
    }
  }
  if (docs < minDocs || !leftMaximal(r, sa, lb, rb)) return undefined;
  const positions = new Int32Array(rb - lb + 1);
  for (let k = lb; k <= rb; k++) positions[k - lb] = r.global[sa[k]];
  positions.sort();
  return { length: len, docFreq: docs, positions };
}

/** Whether the occurrences are not all preceded by one and the same unit. */
function leftMaximal(r: Regions, sa: Int32Array, lb: number, rb: number): boolean {
  const before = (p: number): number => (p === 0 ? -1 : r.text[p - 1]);
  const first = before(sa[lb]);
  if (first < 0 || first >= 65536) return true;
  for (let k = lb + 1; k <= rb; k++) if (before(sa[k]) !== first) return true;
  return false;
}
