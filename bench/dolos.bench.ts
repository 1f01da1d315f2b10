// Side by side with Dolos (winnowing; the closest TypeScript peer) on the same generated corpus,
// both from texts already in memory: taohua's `scan` (index with the pool, then the corpus
// against itself) against Dolos's analysis of the same files as characters (its "char"
// language, default k-gram 23 and window 17) and every pair it reports. Dolos is a
// devDependency of the bench only; without it the comparison is skipped, not failed. A folder
// holding another install can be named with DOLOS_DIR (node_modules is looked up from there).
// Run by bench/run.ts as a child process: prints one line "RESULT {json}".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { normaliseOptions } from '../src/options.js';
import { readInputs } from '../src/io/read.js';
import { indexDocuments, indexParams, scanCorpus } from '../src/pipeline.js';
import { createPoolSketcher } from '../src/pool/pool.js';

export interface DolosBenchArgs {
  listFile: string;
  threads: number;
}

export type DolosBenchResult =
  | { skipped: string }
  | { docs: number; chars: number; taohuaMs: number; taohuaPhrases: number; dolosMs: number; dolosPairs: number; dolosVersion: string; ratio: number };

interface DolosFile {
  readonly path: string;
}
interface DolosModule {
  Dolos: new (o: { language: string }) => { analyze(files: DolosFile[]): Promise<{ allPairs(): unknown[] }> };
  File: new (path: string, content: string) => DolosFile;
}

const PACKAGE = '@dodona/dolos-lib';

/** The installed Dolos, or why there is none. */
export async function loadDolos(): Promise<{ mod: DolosModule; version: string } | { skipped: string }> {
  const dir = process.env.DOLOS_DIR;
  const require = createRequire(dir ? join(dir, 'noop.js') : import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(PACKAGE);
  } catch {
    return { skipped: `${PACKAGE} is not installed (npm install --save-dev ${PACKAGE}, or DOLOS_DIR=folder)` };
  }
  try {
    const mod = (await import(pathToFileURL(entry).href)) as DolosModule;
    const pkg = JSON.parse(readFileSync(join(entry.slice(0, entry.lastIndexOf('dolos-lib') + 'dolos-lib'.length), 'package.json'), 'utf8')) as { version: string };
    return { mod, version: pkg.version };
  } catch (e) {
    return { skipped: `${PACKAGE} does not load here: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

export async function runDolosBench(a: DolosBenchArgs): Promise<DolosBenchResult> {
  const dolos = await loadDolos();
  if ('skipped' in dolos) return dolos;
  const paths = readFileSync(a.listFile, 'utf8').split('\n').filter(Boolean);
  const { docs } = await readInputs(paths);
  const chars = docs.reduce((n, d) => n + d.text.length, 0);

  const o = normaliseOptions({ threads: a.threads });
  const pool = createPoolSketcher(a.threads);
  pool.warm(indexParams(o));
  let t = performance.now();
  const index = await indexDocuments(docs, o, pool.sketcher);
  const scan = scanCorpus(index, o);
  const taohuaMs = performance.now() - t;
  await pool.close();

  const files = docs.map((d) => new dolos.mod.File(d.path, d.text));
  t = performance.now();
  const report = await new dolos.mod.Dolos({ language: 'char' }).analyze(files);
  const pairs = report.allPairs();
  const dolosMs = performance.now() - t;
  return {
    docs: docs.length,
    chars,
    taohuaMs,
    taohuaPhrases: scan.phrases.length,
    dolosMs,
    dolosPairs: pairs.length,
    dolosVersion: dolos.version,
    ratio: dolosMs / taohuaMs,
  };
}

if (process.argv[2] === '--child') {
  const r = await runDolosBench(JSON.parse(process.argv[3]) as DolosBenchArgs);
  process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
}
