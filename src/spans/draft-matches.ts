// A draft's exact shared runs with the corpus, as ranges of its normalised text.
import type { PreparedDoc } from '../types.js';
import { contentStream, type ContentStream } from './span-doc.js';
import { exactMatches } from './exact-matches.js';
import type { SpanIndex } from './span-index.js';

/** Draft norm[normStart, normEnd) equals source content [g, g + length) of document doc. */
export interface DraftRun {
  doc: number;
  normStart: number;
  normEnd: number;
  /** The run in the draft's content stream: [qStart, qEnd) equals source content [g, g + qEnd - qStart). */
  qStart: number;
  qEnd: number;
  g: number;
}

/** Seeds whose gram has more postings than this are skipped: a gram in most of a huge corpus. */
export const MAX_SEED_POSTINGS = 4096;

export interface DraftMatches {
  stream: ContentStream;
  runs: DraftRun[];
}

export function draftMatches(p: PreparedDoc, chrome: Uint8Array | undefined, spans: SpanIndex, minLen: number): DraftMatches {
  const stream = contentStream(p.norm.text, chrome);
  const runs = exactMatches(spans, stream.codes, { minLen, maxPostings: MAX_SEED_POSTINGS }).map((m) => ({
    doc: m.doc,
    normStart: stream.normPos[m.qStart],
    normEnd: stream.normPos[m.qEnd - 1] + 1,
    qStart: m.qStart,
    qEnd: m.qEnd,
    g: m.g,
  }));
  return { stream, runs };
}

/** Content codes of the draft's norm[a, b), for document-frequency lookups. */
export function codesBetween(stream: ContentStream, a: number, b: number): Uint16Array {
  return stream.codes.subarray(lowerBound(stream.normPos, a), lowerBound(stream.normPos, b));
}

export function lowerBound(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
