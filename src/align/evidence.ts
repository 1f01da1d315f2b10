// Which corpus documents a draft sentence came from: every aligned passage (exact runs of the span
// layer, verified units of the unit layer) is credited to its document, and a sentence's source is
// the document whose passages cover most of it (ties: the longer single passage, then the path).
import type { CorpusIndex } from '../index/corpus-index.js';
import { compareStrings, lowerBound } from '../index/corpus-index.js';
import type { PreparedDoc, SpanSource } from '../types.js';
import { contentLength, isContentUnit } from '../text/content.js';
import type { DraftMatches, DraftRun } from '../spans/draft-matches.js';

/** A unit's occurrences are credited to at most this many documents (a clause in thousands of them). */
const MAX_UNIT_DOCS = 32;
/** Sources ranked by what they add to those above them; the rest follow by what they cover. */
const GREEDY_SOURCES = 64;

interface Passage {
  doc: number;
  /** Draft normalised ranges the passage covers, flat pairs. */
  draft: number[];
  /** The exact run behind it, or the source unit's original range. */
  run?: DraftRun;
  srcStart: number;
  srcEnd: number;
  similarity: number;
}

export interface RankedSource {
  doc: number;
  /** Content characters of the sentence the document's passages cover. */
  covered: number;
  /** Content characters of its longest single passage in the sentence. */
  longest: number;
  similarity: number;
  source: SpanSource;
  /** Draft normalised ranges covered (flat pairs), clipped to the sentence. */
  ranges: number[];
  /** Whether its longest passage is written exactly as the draft (white space aside): breaks ties with renumbered copies. */
  literal: boolean;
}

export class Evidence {
  private readonly bySentence: Passage[][];
  private readonly scratch: Uint8Array;
  private grouped: { k: number; byDoc: Map<number, Passage[]> } | undefined;
  private lastWritten: { x: number; y: number; text: string } | undefined;

  constructor(
    private readonly index: CorpusIndex,
    private readonly p: PreparedDoc,
    private readonly draft: DraftMatches,
    /** Documents left out for this check: never credited. */
    private readonly excluded?: Uint8Array,
  ) {
    const s = p.segments.sentences;
    this.bySentence = Array.from({ length: s.length / 2 }, () => []);
    this.scratch = new Uint8Array(p.norm.text.length);
    for (const run of draft.runs) {
      const [srcStart, srcEnd] = index.spans.originalRange(run.g, run.gEnd);
      const passage: Passage = { doc: run.doc, draft: [run.normStart, run.normEnd], run, srcStart, srcEnd, similarity: 1 };
      for (let k = this.sentenceAt(run.normStart); k < s.length / 2 && s[2 * k] < run.normEnd; k++) this.bySentence[k].push(passage);
    }
  }

  /** A verified unit match of sentence k: its marked draft ranges, credited to the unit's documents. */
  addUnit(k: number, unique: number, similarity: number, marked: number[]): void {
    if (marked.length === 0) return;
    let lastDoc = -1;
    let docs = 0;
    for (const row of this.index.occurrences(unique)) {
      const d = this.index.units.doc[row];
      if (d === lastDoc || this.excluded?.[d]) continue;
      if (docs++ === MAX_UNIT_DOCS) break;
      lastDoc = d;
      this.bySentence[k].push({ doc: d, draft: marked, srcStart: this.index.units.start[row], srcEnd: this.index.units.end[row], similarity });
    }
  }

  /**
   * Documents behind sentence k = norm[a, b), best first: the one covering most of it, then by
   * what each adds to the documents ranked above it (so that the source of a sentence's second
   * half is not pushed out by documents covering the first half again). Ties: the longer single
   * passage, the closer match (an exact run before a similar unit), a source written exactly as
   * the draft, then the path.
   */
  rank(k: number, a: number, b: number): RankedSource[] {
    const byDoc = this.passagesByDoc(k);
    const better = (x: RankedSource, y: RankedSource): number =>
      y.longest - x.longest ||
      y.similarity - x.similarity ||
      +y.literal - +x.literal ||
      compareStrings(this.index.docs[x.doc].path, this.index.docs[y.doc].path);
    const scored = [...byDoc]
      .map(([doc, list]) => this.score(doc, list, a, b))
      .filter((r) => r.covered > 0)
      .sort((x, y) => y.covered - x.covered || better(x, y));
    // Greedy by what each adds, among the documents covering most (a formula may be in thousands).
    const left = scored.slice(0, GREEDY_SOURCES);
    const out: RankedSource[] = [];
    const taken = new Uint8Array(b - a);
    // Once the documents taken cover all the others cover, every gain is 0 and ties decide.
    let uncovered = this.unionContent(left, a, b);
    while (left.length) {
      if (uncovered === 0) {
        out.push(...left.sort(better));
        break;
      }
      let best = 0;
      let bestGain = -1;
      left.forEach((r, i) => {
        const gain = this.gain(r, taken, a);
        if (gain > bestGain || (gain === bestGain && better(r, left[best]) < 0)) [best, bestGain] = [i, gain];
      });
      const r = left.splice(best, 1)[0];
      for (let i = 0; i < r.ranges.length; i += 2) taken.fill(1, r.ranges[i] - a, r.ranges[i + 1] - a);
      uncovered -= bestGain;
      out.push(r);
    }
    return out.concat(scored.slice(GREEDY_SOURCES));
  }

  /** Content units of norm[a, b) inside any of the sources' ranges, counted as gain() counts them. */
  private unionContent(sources: RankedSource[], a: number, b: number): number {
    const text = this.p.norm.text;
    for (const r of sources) for (let i = 0; i < r.ranges.length; i += 2) this.scratch.fill(1, r.ranges[i], r.ranges[i + 1]);
    let n = 0;
    for (let j = a; j < b; j++) if (this.scratch[j] && isContentUnit(text.charCodeAt(j))) n++;
    this.scratch.fill(0, a, b);
    return n;
  }

  /** Sentence k's passages by document (kept for the sentence being labelled: spanSource asks again). */
  private passagesByDoc(k: number): Map<number, Passage[]> {
    if (this.grouped?.k === k) return this.grouped.byDoc;
    const byDoc = new Map<number, Passage[]>();
    for (const ps of this.bySentence[k]) {
      const list = byDoc.get(ps.doc) ?? [];
      list.push(ps);
      byDoc.set(ps.doc, list);
    }
    this.grouped = { k, byDoc };
    return byDoc;
  }

  /** Content characters of r's ranges not yet taken by the documents ranked before it. */
  private gain(r: RankedSource, taken: Uint8Array, a: number): number {
    const text = this.p.norm.text;
    // r's ranges may overlap (an exact run and a unit of one document): count each character once,
    // marking it in the scratch mask score() uses, and clear the marks after.
    let n = 0;
    for (let i = 0; i < r.ranges.length; i += 2) {
      for (let j = r.ranges[i]; j < r.ranges[i + 1]; j++) {
        if (taken[j - a] || this.scratch[j] || !isContentUnit(text.charCodeAt(j))) continue;
        this.scratch[j] = 1;
        n++;
      }
    }
    for (let i = 0; i < r.ranges.length; i += 2) this.scratch.fill(0, r.ranges[i], r.ranges[i + 1]);
    return n;
  }

  private score(doc: number, list: Passage[], a: number, b: number): RankedSource {
    const text = this.p.norm.text;
    const ranges: number[] = [];
    let longest = 0;
    let similarity = 0;
    let source: [number, number] = [0, 0];
    let draftPart: [number, number] = [a, a];
    for (const ps of list) {
      similarity = Math.max(similarity, ps.similarity);
      let own = 0;
      for (let i = 0; i < ps.draft.length; i += 2) {
        const x = Math.max(a, ps.draft[i]);
        const y = Math.min(b, ps.draft[i + 1]);
        if (x >= y) continue;
        this.scratch.fill(1, x, y);
        ranges.push(x, y);
        own += contentLength(text, x, y);
      }
      // Equal cover: the passage with more source text (a whole sentence rather than its content run).
      const src = this.sourceOf(ps, a, b);
      if (own > longest || (own === longest && own > 0 && src[1] - src[0] > source[1] - source[0])) {
        [longest, source, draftPart] = [own, src, clipped(ps.draft, a, b)];
      }
    }
    const covered = contentLength(text, a, b, this.scratch);
    this.scratch.fill(0, a, b);
    const path = this.index.docs[doc].path;
    const literal = sameWithoutSpace(this.written(draftPart), this.index.docs[doc].text, source[0], source[1]);
    return { doc, covered, longest, similarity, source: { doc: path, start: source[0], end: source[1] }, ranges, literal };
  }

  /** The draft's original text behind norm[x, y), white space left out (the last one asked for is kept: ties ask again). */
  private written([x, y]: [number, number]): string {
    if (x >= y) return '';
    if (this.lastWritten?.x !== x || this.lastWritten.y !== y) {
      this.lastWritten = { x, y, text: squeeze(this.p.doc.text.slice(this.p.norm.starts[x], this.p.norm.ends[y - 1])) };
    }
    return this.lastWritten.text;
  }

  /** The source's original range for the part of the passage inside norm[a, b). */
  private sourceOf(ps: Passage, a: number, b: number): [number, number] {
    const run = ps.run;
    if (!run) return [ps.srcStart, ps.srcEnd];
    const normPos = this.draft.stream.normPos;
    const x = Math.max(run.qStart, lowerBound(normPos, a));
    const y = Math.min(run.qEnd, lowerBound(normPos, b));
    if (x >= y) return [ps.srcStart, ps.srcEnd];
    // A bridged run (a substituted word inside) maps unit for unit only from its ends.
    const g0 = x === run.qStart ? run.g : Math.min(run.g + x - run.qStart, run.gEnd - 1);
    const g1 = y === run.qEnd ? run.gEnd : Math.max(g0 + 1, Math.min(run.gEnd, run.g + y - run.qStart));
    return this.index.spans.originalRange(g0, g1);
  }

  /** Where draft norm[x, y) of sentence k came from: the best ranked document covering it, and its passage overlapping it most. */
  spanSource(k: number, ranked: RankedSource[], x: number, y: number): SpanSource | undefined {
    const text = this.p.norm.text;
    for (const r of ranked) {
      let best: Passage | undefined;
      let most = 0;
      for (const ps of this.passagesByDoc(k).get(r.doc) ?? []) {
        const n = overlap(ps.draft, x, y, text);
        if (n > most) [best, most] = [ps, n];
      }
      if (best) {
        const [start, end] = this.sourceOf(best, x, y);
        return { doc: r.source.doc, start, end };
      }
    }
    return undefined;
  }

  private sentenceAt(normPos: number): number {
    const s = this.p.segments.sentences;
    let lo = 0;
    let hi = s.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[2 * mid + 1] <= normPos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Content characters of norm[x, y) inside the ranges. */
function overlap(ranges: number[], x: number, y: number, text: string): number {
  let n = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    const a = Math.max(x, ranges[i]);
    const b = Math.min(y, ranges[i + 1]);
    if (a < b) n += contentLength(text, a, b);
  }
  return n;
}

const squeeze = (t: string): string => t.replace(/\s+/g, '');

/** Whether text[start, end) without white space (as squeeze removes it) is `squeezed`, without building it. */
function sameWithoutSpace(squeezed: string, text: string, start: number, end: number): boolean {
  let j = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isRegexSpace(c)) continue;
    if (j >= squeezed.length || squeezed.charCodeAt(j++) !== c) return false;
  }
  return j === squeezed.length;
}

/** The code units \s matches in a JavaScript regular expression. */
function isRegexSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The extent of the ranges inside [a, b). */
function clipped(ranges: number[], a: number, b: number): [number, number] {
  let x = b;
  let y = a;
  for (let i = 0; i < ranges.length; i += 2) {
    x = Math.min(x, Math.max(a, ranges[i]));
    y = Math.max(y, Math.min(b, ranges[i + 1]));
  }
  return [x, y];
}
