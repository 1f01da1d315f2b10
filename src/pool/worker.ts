// The pool's worker: sketches a batch of documents with the same function the main thread uses.
// Loaded by piscina as compiled JS (dist/src/pool/worker.js). Failures come back as values.
import { Piscina, transferableSymbol, valueSymbol } from 'piscina';
import { isTaohuaError } from '../errors.js';
import { sketchDocument } from '../index/sketch-document.js';
import type { DocSketch } from '../index/doc-sketch.js';
import { sortBands } from '../index/lsh-table.js';
import { buildPostings } from '../spans/span-index.js';
import { owned, resultBuffers, type PostingsTask, type SketchTask, type SketchTaskResult, type SortBandsTask, type WireDoc } from './protocol.js';

export function sketchBatch(task: SketchTask): SketchTaskResult {
  const docs: WireDoc[] = [];
  let current = '';
  try {
    for (const d of task.docs) {
      current = d.path;
      const { doc, sketch } = sketchDocument(d, task.model, task.params);
      docs.push({ hash: doc.hash, norm: doc.norm, chrome: owned(doc.chrome), sketch: ownedSketch(sketch) });
    }
    return { ok: true, docs };
  } catch (e) {
    if (isTaohuaError(e)) return { ok: false, code: e.code, message: e.message, path: e.file ?? current };
    return { ok: false, code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), path: current };
  }
}

function ownedSketch(s: DocSketch): DocSketch {
  return {
    count: s.count,
    kind: owned(s.kind),
    normStart: owned(s.normStart),
    normEnd: owned(s.normEnd),
    start: owned(s.start),
    end: owned(s.end),
    contentKey: owned(s.contentKey),
    keys: owned(s.keys),
    span: { codes: owned(s.span.codes), origStart: owned(s.span.origStart), origLength: owned(s.span.origLength) },
  };
}

/** Piscina's entry point: the result, with its typed arrays moved rather than copied. */
export default function run(task: SketchTask): unknown {
  const result = sketchBatch(task);
  if (!result.ok) return result;
  return Piscina.move({
    [transferableSymbol]: resultBuffers(result.docs),
    [valueSymbol]: result,
  });
}

/** Named task: sorts bands of an LSH table under assembly, in shared memory (nothing to return). */
export function sortBandsTask(t: SortBandsTask): void {
  sortBands(t.keys, t.ids, t.count, t.from, t.to);
}

/** Named task: the span layer's postings, moved back. */
export function postingsTask(t: PostingsTask): unknown {
  const r = buildPostings(t.codes, t.docStart);
  return Piscina.move({
    [transferableSymbol]: [r.bucketStart.buffer, r.postings.buffer],
    [valueSymbol]: r,
  });
}
