import type { SourceDoc } from '../types.js';

export interface Batch {
  /** Index of the batch's first document in the input. */
  from: number;
  docs: SourceDoc[];
  chars: number;
}

/** A batch holds at least this much text unless the input is smaller (messaging overhead)… */
const MIN_BATCH_CHARS = 64 * 1024;
/** …and at most this much (≈2 MB of UTF-16), except for a single larger document. */
const MAX_BATCH_CHARS = 1024 * 1024;
/** Batches per thread, so that a slow batch at the end does not leave the other threads idle. */
const BATCHES_PER_THREAD = 8;

/** Consecutive documents grouped into batches of similar size; order is kept. */
export function makeBatches(docs: SourceDoc[], threads: number): Batch[] {
  const total = docs.reduce((n, d) => n + d.text.length, 0);
  const target = Math.min(MAX_BATCH_CHARS, Math.max(MIN_BATCH_CHARS, Math.ceil(total / (threads * BATCHES_PER_THREAD))));
  const out: Batch[] = [];
  let cur: Batch = { from: 0, docs: [], chars: 0 };
  docs.forEach((d, i) => {
    if (cur.docs.length > 0 && cur.chars + d.text.length > target) {
      out.push(cur);
      cur = { from: i, docs: [], chars: 0 };
    }
    cur.docs.push(d);
    cur.chars += d.text.length;
  });
  if (cur.docs.length > 0) out.push(cur);
  return out;
}
