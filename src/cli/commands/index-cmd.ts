// `index` builds and saves; `add` grows a saved index.
import { TaohuaError } from '../../errors.js';
import { normaliseOptions } from '../../options.js';
import { readInputs } from '../../io/read.js';
import { loadIndex, saveIndex } from '../../index/store.js';
import { addToIndex } from '../../index/add.js';
import { createPoolSketcher } from '../../pool/pool.js';
import { engineOptions, type Flags } from '../args.js';
import { assertFlagsMatchIndex, buildFromPaths } from '../corpus.js';
import { warn } from '../output.js';
import { progressBar } from '../progress.js';
import { attachMeta, readMetaFlag } from '../meta.js';

export async function runIndex(flags: Flags, positionals: string[]): Promise<number> {
  if (!flags.output) throw new TaohuaError('USAGE', 'index needs -o FILE: taohua index PATH... -o corpus.taohua');
  if (!positionals.length) throw new TaohuaError('USAGE', 'index needs at least one PATH');
  const options = normaliseOptions(engineOptions(flags));
  const table = await readMetaFlag(flags.meta);
  const built = flags.redis
    ? await (await import('./distributed.js')).distributedIndexFromFlags(flags, positionals, options)
    : await buildFromPaths(positionals, options, flags.quiet === true);
  attachMeta(built.index.docs, table, flags.quiet);
  await saveIndex(built.index, flags.output);
  if (!flags.quiet) warn(`indexed ${built.index.docs.length} documents, ${built.index.units.count} units (${built.index.uniqueCount} distinct) → ${flags.output}`);
  return built.problems ? 1 : 0;
}

export async function runAdd(flags: Flags, positionals: string[]): Promise<number> {
  if (!flags.index) throw new TaohuaError('USAGE', 'add needs --index FILE: taohua add PATH... --index corpus.taohua');
  if (!positionals.length) throw new TaohuaError('USAGE', 'add needs at least one PATH');
  const options = normaliseOptions(engineOptions(flags));
  const table = await readMetaFlag(flags.meta);
  const index = await loadIndex(flags.index);
  assertFlagsMatchIndex(flags, index, options, flags.index);
  const { docs, problems } = await readInputs(positionals);
  for (const p of problems) warn(`${p.path}: ${p.message}`);
  const pool = createPoolSketcher(options.threads);
  const bar = progressBar('adding', !flags.quiet && process.stderr.isTTY === true);
  try {
    const r = await addToIndex(index, docs, { sketcher: pool.sketcher, onProgress: bar.update });
    bar.done();
    attachMeta(r.index.docs, table, flags.quiet);
    await saveIndex(r.index, flags.index);
    if (!flags.quiet) warn(`added ${r.added.length}, replaced ${r.replaced.length}, skipped ${r.skipped.length} unchanged → ${flags.index}`);
  } finally {
    bar.done();
    await pool.close();
  }
  return problems.length ? 1 : 0;
}
