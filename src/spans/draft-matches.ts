// A draft's exact shared runs with the corpus, as ranges of its normalised text.
import type { PreparedDoc } from '../types.js';
import { contentStream, weightedLength, type ContentStream } from './span-doc.js';
import { exactMatches } from './exact-matches.js';
import type { SpanIndex } from './span-index.js';
import { lowerBound } from '../index/corpus-index.js';

/** Draft norm[normStart, normEnd) equals source content [g, g + length) of document doc. */
export interface DraftRun {
  doc: number;
  normStart: number;
  normEnd: number;
  /**
   * The run in the draft's content stream, [qStart, qEnd), and in the source's, [g, gEnd): equal
   * unit for unit, or two equal runs bridged over a substituted word (then the lengths may differ).
   */
  qStart: number;
  qEnd: number;
  g: number;
  gEnd: number;
}

/** Seeds whose gram has more postings than this are skipped: a gram in most of a huge corpus. */
export const MAX_SEED_POSTINGS = 4096;

export interface DraftMatches {
  stream: ContentStream;
  runs: DraftRun[];
}

/** Runs into documents marked in `excluded` (left out for this check) are dropped. */
export function draftMatches(
  p: PreparedDoc,
  chrome: Uint8Array | undefined,
  spans: SpanIndex,
  minLen: number,
  excluded?: Uint8Array,
  interrupt?: () => void,
): DraftMatches {
  const stream = contentStream(p.norm.text, chrome);
  const found = exactMatches(spans, stream.codes, { minLen, maxPostings: MAX_SEED_POSTINGS, interrupt });
  const runs = found
    .filter((m) => !excluded?.[m.doc] && weightedLength(stream.codes, m.qStart, m.qEnd) >= minLen)
    .map((m) => ({
      doc: m.doc,
      normStart: stream.normPos[m.qStart],
      normEnd: stream.normPos[m.qEnd - 1] + 1,
      qStart: m.qStart,
      qEnd: m.qEnd,
      g: m.g,
      gEnd: m.g + m.qEnd - m.qStart,
    }));
  return { stream, runs: bridged(runs) };
}

/** A substituted stretch this short, in the draft and in the source, between two runs is stock (as in align.ts). */
const MAX_GAP = 4;

/**
 * Runs of one document that follow each other in the draft and in the source with at most
 * MAX_GAP units between them on both sides become one: a spun word (教育→教诲) between two
 * verbatim stretches is part of the copy, as the unit layer's alignment counts it.
 */
function bridged(runs: DraftRun[]): DraftRun[] {
  const sorted = [...runs].sort((x, y) => x.doc - y.doc || x.qStart - y.qStart || x.g - y.g);
  const out: DraftRun[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    const dq = last ? r.qStart - last.qEnd : -1;
    const dg = last ? r.g - last.gEnd : -1;
    if (last && last.doc === r.doc && dq >= 0 && dq <= MAX_GAP && dg >= 0 && dg <= MAX_GAP && dq + dg > 0) {
      out[out.length - 1] = { ...last, normEnd: r.normEnd, qEnd: r.qEnd, gEnd: r.gEnd };
    } else {
      out.push(r);
    }
  }
  return out;
}

/** Content codes of the draft's norm[a, b), for document-frequency lookups. */
export function codesBetween(stream: ContentStream, a: number, b: number): Uint16Array {
  return stream.codes.subarray(lowerBound(stream.normPos, a), lowerBound(stream.normPos, b));
}
