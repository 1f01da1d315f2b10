// What the server asks a check worker to do, and what comes back. Errors cross the thread
// boundary as values (`{ ok: false, code, message }`) because they lose their class on the way.

import type { Options } from '../options.js';
import type { ScanResult, SourceDoc } from '../types.js';
import type { ErrorCode } from '../errors.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { isTaohuaError } from '../errors.js';
import { checkDocument, scanCorpus, type CheckExtras } from '../pipeline.js';
import { allowIndex } from '../align/leave-out.js';
import type { CheckFields } from './check-fields.js';
import { reportFragment } from './fragment.js';

/**
 * `check` answers with the result as JSON text and `report` with the report's markup, both made on
 * the worker: a long draft's result is megabytes of objects, which the server's thread would
 * otherwise copy and serialise while every other request waits. `fields` are the editor's toggles.
 */
export type Task =
  | { kind: 'check'; doc: SourceDoc; options: Options; fields?: CheckFields }
  | { kind: 'report'; doc: SourceDoc; options: Options; fields?: CheckFields }
  | { kind: 'scan'; options: Options };

/** A task on the worker pool: `stop` (an Int32 in shared memory) is set to 1 to ask it to stop. */
export type PoolTask = Task & { stop?: SharedArrayBuffer };

export type Failure = { ok: false; code: ErrorCode; message: string };
export type CheckOutcome = { ok: true; json: string } | Failure;
export type ReportOutcome = { ok: true; html: string } | Failure;
export type ScanOutcome = { ok: true; result: ScanResult } | Failure;
export type Outcome = CheckOutcome | ReportOutcome | ScanOutcome;

/** Options a check or scan against an index uses: the index's own normalisation and sketch. */
export function withIndexParams(o: Options, index: CorpusIndex): Options {
  return { ...o, normalise: index.params.normalise, sketch: index.params.sketch };
}

/** Runs one task against an index; never throws. Used in-process and inside the workers. */
export function runTask(task: Task, index: CorpusIndex, interrupt?: () => void): Outcome {
  try {
    const o = withIndexParams(task.options, index);
    const extras = (): CheckExtras => ({ ...extrasOf(task.kind === 'scan' ? undefined : task.fields, index), interrupt });
    if (task.kind === 'check') return { ok: true, json: JSON.stringify(checkDocument(task.doc, index, o, extras())) };
    if (task.kind === 'report') return { ok: true, html: reportFragment(checkDocument(task.doc, index, o, extras()), task.doc.text, index) };
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
