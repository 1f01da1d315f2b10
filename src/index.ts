// The library API: `import { check, scan, compare, buildIndex } from 'taohua'`.
import { normaliseOptions, type Options, type PartialOptions } from './options.js';
import { TaohuaError } from './errors.js';
import type { CheckResult, CompareResult, FindResult, InputProblem, ScanResult, SourceDoc } from './types.js';
import type { CorpusIndex } from './index/corpus-index.js';
import { readInputs, readOneFile } from './io/read.js';
import {
  checkDocument,
  compareDocuments,
  findInCorpus,
  indexDocuments,
  scanCorpus,
  sketchHere,
  type CheckExtras,
  type Progress,
  type Sketcher,
} from './pipeline.js';

export * from './types.js';
export { DEFAULTS, normaliseOptions } from './options.js';
export type { Options, PartialOptions } from './options.js';
export { TaohuaError, EXIT_CODES } from './errors.js';
export type { ErrorCode } from './errors.js';
export { CorpusIndex } from './index/corpus-index.js';
export type { CheckExtras, Progress, Sketcher } from './pipeline.js';
export { allowIndex } from './align/leave-out.js';
export { excludeDocs } from './align/doc-filter.js';
export { saveIndex, loadIndex } from './index/store.js';
export { addToIndex } from './index/add.js';
export { createPoolSketcher } from './pool/pool.js';

export interface RunOptions extends PartialOptions {
  onProgress?: (p: Progress) => void;
  /** How documents are sketched; defaults to this thread. */
  sketcher?: Sketcher;
}

export interface Built {
  index: CorpusIndex;
  problems: InputProblem[];
}

/** Reads files and folders and indexes them. Unreadable inputs are reported, not thrown. */
export async function buildIndex(paths: string[], opts: RunOptions = {}): Promise<Built> {
  const o = normaliseOptions(opts);
  const { docs, problems } = await readInputs(paths);
  if (docs.length === 0) throw new TaohuaError('EMPTY', 'no readable documents in the corpus', paths.join(' '));
  const index = await indexDocuments(docs, o, opts.sketcher ?? sketchHere, opts.onProgress);
  return { index, problems };
}

/** What check takes beyond the engine options: exclusions, allowed text, tiers (see README). */
export interface CheckOptions extends RunOptions, CheckExtras {}

/** A draft (path, or a document already read) against a corpus (index, or paths to read). */
export async function check(
  draft: string | SourceDoc,
  corpus: CorpusIndex | string[],
  opts: CheckOptions = {},
): Promise<CheckResult> {
  const o = normaliseOptions(opts);
  const index = Array.isArray(corpus) ? (await buildIndex(corpus, opts)).index : corpus;
  const { exclude, allow, exclusion, noQuotes, noHeadings, minMatch, formulaDocs } = opts;
  return checkDocument(await toDoc(draft), index, o, { exclude, allow, exclusion, noQuotes, noHeadings, minMatch, formulaDocs });
}

export async function scan(corpus: CorpusIndex | string[], opts: RunOptions = {}): Promise<ScanResult> {
  const o = normaliseOptions(opts);
  const index = Array.isArray(corpus) ? (await buildIndex(corpus, opts)).index : corpus;
  return scanCorpus(index, withIndexParams(o, index));
}

/** Every occurrence of a phrase (normalised match) with its document, offsets and context. */
export async function find(
  phrase: string,
  corpus: CorpusIndex | string[],
  opts: RunOptions & { context?: number } = {},
): Promise<FindResult> {
  const index = Array.isArray(corpus) ? (await buildIndex(corpus, opts)).index : corpus;
  return findInCorpus(index, phrase, opts.context ?? 20);
}

export async function compare(a: string | SourceDoc, b: string | SourceDoc, opts: RunOptions = {}): Promise<CompareResult> {
  return compareDocuments(await toDoc(a), await toDoc(b), normaliseOptions(opts));
}

/** A check or scan against a saved index uses the parameters the index was built with. */
function withIndexParams(o: Options, index: CorpusIndex): Options {
  return { ...o, normalise: index.params.normalise, sketch: index.params.sketch };
}

async function toDoc(d: string | SourceDoc): Promise<SourceDoc> {
  if (typeof d !== 'string') return d;
  const r = await readOneFile(d);
  if (!r.ok) throw new TaohuaError(r.problem.code, r.problem.message, r.problem.path);
  return r.doc;
}

/** A document from text in memory (for pasted drafts and tests). */
export function textDocument(text: string, path = '<text>'): SourceDoc {
  return { path, text, format: 'txt', encoding: 'utf-8' };
}
