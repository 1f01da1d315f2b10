// What crosses the thread boundary: batches of documents in, flat typed arrays out.
// Texts go in as strings (structured clone copies them once); results come back with every typed
// array in the transfer list, so no per-unit objects are ever serialised.
import type { ErrorCode } from '../errors.js';
import type { ChromeModel } from '../io/chrome.js';
import type { IndexParams } from '../index/corpus-index.js';
import type { DocSketch } from '../index/doc-sketch.js';
import type { SourceDoc } from '../types.js';

export interface SketchTask {
  docs: SourceDoc[];
  model: ChromeModel;
  params: IndexParams;
}

/** One sketched document without its text: the main thread still holds that. */
export interface WireDoc {
  hash: string;
  norm: string;
  chrome: Int32Array;
  sketch: DocSketch;
}

export type SketchTaskResult =
  | { ok: true; docs: WireDoc[] }
  | { ok: false; code: ErrorCode; message: string; path?: string };

/** Every buffer of a result, once each (a buffer listed twice cannot be transferred). */
export function resultBuffers(docs: WireDoc[]): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const d of docs) {
    const s = d.sketch;
    for (const a of [d.chrome, s.kind, s.normStart, s.normEnd, s.start, s.end, s.contentKey, s.keys, s.span.codes, s.span.origStart, s.span.origLength]) {
      seen.add(a.buffer as ArrayBuffer);
    }
  }
  return [...seen];
}

/** A copy when the array is a view on a larger buffer (transferring that would detach the rest). */
export function owned<T extends Int32Array | Uint8Array | Uint16Array | Uint32Array | Float64Array>(a: T): T {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : (a.slice() as T);
}

/** Bands [from, to) of band-major keys and ids, both in shared memory. */
export interface SortBandsTask {
  keys: Uint32Array;
  ids: Int32Array;
  count: number;
  from: number;
  to: number;
}

export interface PostingsTask {
  codes: Uint16Array;
  docStart: Int32Array;
}
