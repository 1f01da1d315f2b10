// Which corpus documents a draft sentence came from: every aligned passage (exact runs of the span
// layer, verified units of the unit layer) is credited to its document, and a sentence's source is
// the document whose passages cover most of it (ties: the longer single passage, then the path).
import type { CorpusIndex } from '../index/corpus-index.js';
import { compareStrings } from '../index/corpus-index.js';
import type { PreparedDoc, SpanSource } from '../types.js';
import { contentLength } from '../text/content.js';
import { lowerBound, type DraftMatches, type DraftRun } from '../spans/draft-matches.js';

/** A unit's occurrences are credited to at most this many documents (a clause in thousands of them). */
const MAX_UNIT_DOCS = 32;

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
}

export class Evidence {
  private readonly bySentence: Passage[][];
  private readonly scratch: Uint8Array;

  constructor(
    private readonly index: CorpusIndex,
    private readonly p: PreparedDoc,
    private readonly draft: DraftMatches,
  ) {
    const s = p.segments.sentences;
    this.bySentence = Array.from({ length: s.length / 2 }, () => []);
    this.scratch = new Uint8Array(p.norm.text.length);
    for (const run of draft.runs) {
      const [srcStart, srcEnd] = index.spans.originalRange(run.g, run.g + run.qEnd - run.qStart);
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
      if (d === lastDoc) continue;
      if (docs++ === MAX_UNIT_DOCS) break;
      lastDoc = d;
      this.bySentence[k].push({ doc: d, draft: marked, srcStart: this.index.units.start[row], srcEnd: this.index.units.end[row], similarity });
    }
  }

  /** Documents behind sentence k = norm[a, b), best first. */
  rank(k: number, a: number, b: number): RankedSource[] {
    const byDoc = new Map<number, Passage[]>();
    for (const ps of this.bySentence[k]) {
      const list = byDoc.get(ps.doc) ?? [];
      list.push(ps);
      byDoc.set(ps.doc, list);
    }
    const out = [...byDoc].map(([doc, list]) => this.score(doc, list, a, b));
    return out
      .filter((r) => r.covered > 0)
      .sort((x, y) => y.covered - x.covered || y.longest - x.longest || compareStrings(this.index.docs[x.doc].path, this.index.docs[y.doc].path));
  }

  private score(doc: number, list: Passage[], a: number, b: number): RankedSource {
    const text = this.p.norm.text;
    const ranges: number[] = [];
    let longest = 0;
    let similarity = 0;
    let srcStart = Infinity;
    let srcEnd = -Infinity;
    for (const ps of list) {
      const [s0, s1] = this.sourceOf(ps, a, b);
      srcStart = Math.min(srcStart, s0);
      srcEnd = Math.max(srcEnd, s1);
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
      longest = Math.max(longest, own);
    }
    const covered = contentLength(text, a, b, this.scratch);
    this.scratch.fill(0, a, b);
    return { doc, covered, longest, similarity, source: { doc: this.index.docs[doc].path, start: srcStart, end: srcEnd }, ranges };
  }

  /** The source's original range for the part of the passage inside norm[a, b). */
  private sourceOf(ps: Passage, a: number, b: number): [number, number] {
    const run = ps.run;
    if (!run) return [ps.srcStart, ps.srcEnd];
    const normPos = this.draft.stream.normPos;
    const x = Math.max(run.qStart, lowerBound(normPos, a));
    const y = Math.min(run.qEnd, lowerBound(normPos, b));
    if (x >= y) return [ps.srcStart, ps.srcEnd];
    return this.index.spans.originalRange(run.g + x - run.qStart, run.g + y - run.qStart);
  }

  /** Where draft norm[x, y) of sentence k came from: the best ranked document that covers it, and its aligned range. */
  spanSource(k: number, ranked: RankedSource[], x: number, y: number): SpanSource | undefined {
    for (const r of ranked) {
      let start = Infinity;
      let end = -Infinity;
      for (const ps of this.bySentence[k]) {
        if (ps.doc !== r.doc || !overlaps(ps.draft, x, y)) continue;
        const [s0, s1] = this.sourceOf(ps, x, y);
        start = Math.min(start, s0);
        end = Math.max(end, s1);
      }
      if (start < end) return { doc: r.source.doc, start, end };
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

function overlaps(ranges: number[], x: number, y: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (ranges[i] < y && ranges[i + 1] > x) return true;
  return false;
}
