// What the server asks a check worker to do, and what comes back. Errors cross the thread
// boundary as values (`{ ok: false, code, message }`) because they lose their class on the way.

import type { Options } from '../options.js';
import type { CheckResult, ScanResult, SourceDoc } from '../types.js';
import type { ErrorCode } from '../errors.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { isTaohuaError } from '../errors.js';
import { checkDocument, scanCorpus, type CheckExtras } from '../pipeline.js';
import { allowIndex } from '../align/leave-out.js';
import type { CheckFields } from './check-fields.js';

export type Task = { kind: 'check'; doc: SourceDoc; options: Options; fields?: CheckFields } | { kind: 'scan'; options: Options };

export type Failure = { ok: false; code: ErrorCode; message: string };
export type CheckOutcome = { ok: true; result: CheckResult } | Failure;
export type ScanOutcome = { ok: true; result: ScanResult } | Failure;
export type Outcome = CheckOutcome | ScanOutcome;

/** Options a check or scan against an index uses: the index's own normalisation and sketch. */
export function withIndexParams(o: Options, index: CorpusIndex): Options {
  return { ...o, normalise: index.params.normalise, sketch: index.params.sketch };
}

/** Runs one task against an index; never throws. Used in-process and inside the workers. */
export function runTask(task: Task, index: CorpusIndex): Outcome {
  try {
    const o = withIndexParams(task.options, index);
    if (task.kind === 'check') return { ok: true, result: checkDocument(task.doc, index, o, extrasOf(task.fields, index)) };
    return { ok: true, result: scanCorpus(index, o) };
  } catch (e) {
    return failure(e);
  }
}

/** The API's toggles as check options; allowed text is indexed like the corpus. */
function extrasOf(fields: CheckFields | undefined, index: CorpusIndex): CheckExtras {
  if (!fields) return {};
  const { allow, ...rest } = fields;
  return { ...rest, allow: allow ? allowIndex([{ path: 'allowed.txt', text: allow, format: 'txt', encoding: 'utf-8' }], index) : undefined };
}

export function failure(e: unknown): Failure {
  if (isTaohuaError(e)) return { ok: false, code: e.code, message: e.message };
  const message = e instanceof Error ? e.message : String(e);
  return { ok: false, code: 'INTERNAL', message: message.replace(/\s+/g, ' ').trim() };
}
