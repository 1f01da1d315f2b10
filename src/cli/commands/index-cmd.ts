// `index` builds and saves; `add` grows a saved index. Both hold the index's lock while they
// write it (see index/store-lock.ts), and neither writes over one of its inputs.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { TaohuaError } from '../../errors.js';
import { normaliseOptions } from '../../options.js';
import { loadIndex, saveIndex } from '../../index/store.js';
import { withIndexLock } from '../../index/store-lock.js';
import { addToIndex } from '../../index/add.js';
import { createPoolSketcher } from '../../pool/pool.js';
import { engineOptions, type Flags } from '../args.js';
import { assertFlagsMatchIndex, buildFromPaths, readInputsReporting } from '../corpus.js';
import { guardOutput, warn } from '../output.js';
import { progressBar } from '../progress.js';
import { attachMeta, readMetaFlag } from '../meta.js';

export async function runIndex(flags: Flags, positionals: string[]): Promise<number> {
  const output = flags.output;
  if (!output) throw new TaohuaError('USAGE', 'index needs -o FILE: taohua index PATH... -o corpus.taohua');
  if (!positionals.length) throw new TaohuaError('USAGE', 'index needs at least one PATH');
  const options = normaliseOptions(engineOptions(flags));
  const table = await readMetaFlag(flags.meta);
  await guardOutput(output, positionals, '-o');
  const built = flags.redis
    ? await (await import('./distributed.js')).distributedIndexFromFlags(flags, positionals, options)
    : await buildFromPaths(positionals, options, flags.quiet === true);
  await guardOutput(output, built.index.docs.map((d) => d.path), '-o');
  attachMeta(built.index.docs, table, flags.quiet);
  await withIndexLock(output, () => saveIndex(built.index, output));
  if (!flags.quiet) warn(`indexed ${built.index.docs.length} documents, ${built.index.units.count} units (${built.index.uniqueCount} distinct) → ${output}`);
  return built.problems ? 1 : 0;
}

export async function runAdd(flags: Flags, positionals: string[]): Promise<number> {
  const indexPath = flags.index;
  if (!indexPath) throw new TaohuaError('USAGE', 'add needs --index FILE: taohua add PATH... --index corpus.taohua');
  if (!positionals.length) throw new TaohuaError('USAGE', 'add needs at least one PATH');
  const options = normaliseOptions(engineOptions(flags));
  const table = await readMetaFlag(flags.meta);
  await guardOutput(indexPath, positionals, '--index');
  // The lock covers load → save: another writer between the two would be overwritten.
  return withIndexLock(indexPath, async () => {
    const index = await loadIndex(indexPath);
    assertFlagsMatchIndex(flags, index, options, indexPath);
    const { docs, problems } = await readInputsReporting(positionals);
    await guardOutput(indexPath, docs.map((d) => d.path), '--index');
    const pool = createPoolSketcher(options.threads);
    const bar = progressBar('adding', !flags.quiet && process.stderr.isTTY === true);
    try {
      const r = await addToIndex(index, docs, { sketcher: pool.sketcher, onProgress: bar.update, identity: realPathOf });
      bar.done();
      attachMeta(r.index.docs, table, flags.quiet);
      await saveIndex(r.index, indexPath);
      if (!flags.quiet) warn(`added ${r.added.length}, replaced ${r.replaced.length}, skipped ${r.skipped.length} unchanged → ${indexPath}`);
    } finally {
      bar.done();
      await pool.close();
    }
    return problems.length ? 1 : 0;
  });
}

/** A document's identity for `add`: its resolved real path (as spelt, resolved, when it is gone). */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
