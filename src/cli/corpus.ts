// The corpus a command runs against: a saved index (--index) or files read now (--against / PATH...).
import { TaohuaError } from '../errors.js';
import { normaliseOptions, type Options } from '../options.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { readInputs, type ReadResult } from '../io/read.js';
import type { SourceDoc } from '../types.js';
import { indexDocuments } from '../pipeline.js';
import { loadIndex } from '../index/store.js';
import { assertSameParams } from '../index/add.js';
import { createPoolSketcher, MIN_POOL_CHARS } from '../pool/pool.js';
import { indexParams } from '../pipeline.js';
import type { Flags } from './args.js';
import { engineOptions } from './args.js';
import { warn } from './output.js';
import { progressBar } from './progress.js';
import { attachMeta, readMetaFlag } from './meta.js';
import type { DocMeta } from '../meta/index.js';

export interface Corpus {
  index: CorpusIndex;
  options: Options;
  /** Inputs that could not be read (already reported on stderr). */
  problems: number;
  /** Every document's metadata by path (--meta, the index's, a year from the file name). */
  meta: Map<string, DocMeta>;
}

export async function openCorpus(flags: Flags, paths: string[]): Promise<Corpus> {
  const options = normaliseOptions(engineOptions(flags));
  if (flags.index && paths.length) throw new TaohuaError('USAGE', 'give either --index or corpus paths, not both');
  const table = await readMetaFlag(flags.meta);
  if (flags.index) {
    const index = await loadIndex(flags.index);
    assertFlagsMatchIndex(flags, index, options, flags.index);
    const meta = attachMeta(index.docs, table, flags.quiet);
    return { index, options: { ...options, normalise: index.params.normalise, sketch: index.params.sketch }, problems: 0, meta };
  }
  if (!paths.length) throw new TaohuaError('USAGE', 'no corpus: give --against PATH (or PATH...) or --index FILE');
  const { index, problems } = await buildFromPaths(paths, options, flags.quiet === true);
  const meta = attachMeta(index.docs, table, flags.quiet);
  return { index, options, problems, meta };
}

export async function buildFromPaths(
  paths: string[],
  options: Options,
  quiet: boolean,
): Promise<{ index: CorpusIndex; problems: number }> {
  const pool = createPoolSketcher(options.threads);
  const params = indexParams(options);
  // Threads start once the corpus is large enough to use them, while the rest is read.
  let read = 0;
  const warmWhenLarge = (doc: SourceDoc): void => {
    if ((read += doc.text.length) >= MIN_POOL_CHARS) pool.warm(params);
  };
  const bar = progressBar('indexing', !quiet && process.stderr.isTTY === true);
  try {
    const { docs, problems } = await readInputsReporting(paths, warmWhenLarge);
    const index = await indexDocuments(docs, options, pool.sketcher, bar.update, pool.helper(docs));
    return { index, problems: problems.length };
  } finally {
    bar.done();
    await pool.close();
  }
}

/**
 * Reads inputs and reports each problem on stderr. When nothing could be read, the last problem
 * is the error (so `scan /nonexistent` exits 3 like `check /nonexistent`), or EMPTY when there
 * was nothing at all to read.
 */
export async function readInputsReporting(paths: string[], onDoc?: (doc: SourceDoc) => void): Promise<ReadResult> {
  const { docs, problems } = await readInputs(paths, { onDoc });
  const last = docs.length === 0 ? problems.pop() : undefined;
  for (const p of problems) warn(`${p.path}: ${p.message}`);
  if (last) throw new TaohuaError(last.code, last.message, last.path);
  if (!docs.length) throw new TaohuaError('EMPTY', 'no readable documents', paths.join(' '));
  return { docs, problems };
}

/** Engine flags given with a saved index must agree with the parameters it was built with. */
export function assertFlagsMatchIndex(flags: Flags, index: CorpusIndex, options: Options, path: string): void {
  if (asksForEngineParams(flags)) assertSameParams(index.params, indexParams(options), path);
}

function asksForEngineParams(f: Flags): boolean {
  return [f.mode, f.n, f.bands, f.rows, f['min-chars']].some((v) => v !== undefined) || !!f['no-synonyms'] || !!f['no-places'] || !!f['keep-chrome'];
}
