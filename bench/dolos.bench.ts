// Side by side with Dolos (winnowing; the closest TypeScript peer) on the same generated corpus,
// both from texts already in memory: taohua's `scan` (index with the pool, then the corpus
// against itself) against Dolos's analysis of the same files as characters (its "char"
// language, default k-gram 23 and window 17) and every pair it reports. Dolos is a
// devDependency of the bench only; without it the comparison is skipped, not failed.
// Either package will do: @dodona/dolos-lib (its Dolos class; it pulls tree-sitter and node-gyp),
// or @dodona/dolos-core alone (no dependencies), driven here exactly as dolos-lib drives it for
// the "char" language: one token per character of each line, FingerprintIndex(23, 17), allPairs.
// A folder holding another install can be named with DOLOS_DIR (node_modules is looked up there).
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
  | { docs: number; chars: number; taohuaMs: number; taohuaIndexMs: number; taohuaPhrases: number; dolosMs: number; dolosPairs: number; dolosVersion: string; ratio: number };

interface DolosFile {
  readonly path: string;
  readonly content: string;
}
interface LibModule {
  Dolos: new (o: { language: string }) => { analyze(files: DolosFile[]): Promise<{ allPairs(): unknown[] }> };
  File: new (path: string, content: string) => DolosFile;
}
interface CoreModule {
  File: new (path: string, content: string) => DolosFile;
  Region: new (startRow: number, startCol: number, endRow: number, endCol: number) => unknown;
  TokenizedFile: new (file: DolosFile, tokens: string[], mapping: unknown[]) => unknown;
  FingerprintIndex: new (kgramLength: number, kgramsInWindow: number, kgramData?: boolean) => {
    addFiles(files: unknown[]): unknown;
    allPairs(): unknown[];
  };
}

/** Analyses files in memory; resolves to the number of pairs reported. */
type Analyse = (files: { path: string; text: string }[]) => Promise<number>;

const PACKAGES = ['@dodona/dolos-lib', '@dodona/dolos-core'] as const;

function viaLib(m: LibModule): Analyse {
  return async (docs) => {
    const report = await new m.Dolos({ language: 'char' }).analyze(docs.map((d) => new m.File(d.path, d.text)));
    return report.allPairs().length;
  };
}

/** dolos-lib's CharTokenizer and Dolos.analyze for the "char" language, on dolos-core alone. */
function viaCore(m: CoreModule): Analyse {
  return async (docs) => {
    const tokenized = docs.map((d) => {
      const file = new m.File(d.path, d.text);
      const tokens: string[] = [];
      const mapping: unknown[] = [];
      d.text.split('\n').forEach((line, row) => {
        for (let col = 0; col < line.length; col++) {
          tokens.push(line[col]);
          mapping.push(new m.Region(row, col, row, col + 1));
        }
      });
      return new m.TokenizedFile(file, tokens, mapping);
    });
    const index = new m.FingerprintIndex(23, 17, false);
    index.addFiles(tokenized);
    return index.allPairs().length;
  };
}

/** The installed Dolos (dolos-lib preferred), or why there is none. */
export async function loadDolos(): Promise<{ analyse: Analyse; version: string } | { skipped: string }> {
  const dir = process.env.DOLOS_DIR;
  const require = createRequire(dir ? join(dir, 'noop.js') : import.meta.url);
  const problems: string[] = [];
  for (const name of PACKAGES) {
    let entry: string;
    try {
      entry = require.resolve(name);
    } catch {
      continue;
    }
    try {
      const mod: unknown = await import(pathToFileURL(entry).href);
      const root = entry.slice(0, entry.lastIndexOf(name) + name.length);
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      const analyse = name === '@dodona/dolos-lib' ? viaLib(mod as LibModule) : viaCore(mod as CoreModule);
      return { analyse, version: `${name}@${pkg.version}` };
    } catch (e) {
      problems.push(`${name} does not load here: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  return { skipped: problems.join('; ') || 'neither @dodona/dolos-core nor @dodona/dolos-lib is installed (npm install --save-dev @dodona/dolos-core)' };
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
  const index = await indexDocuments(docs, o, pool.sketcher, undefined, pool.helper(docs));
  const taohuaIndexMs = performance.now() - t;
  const scan = scanCorpus(index, o);
  const taohuaMs = performance.now() - t;
  await pool.close();

  t = performance.now();
  const dolosPairs = await dolos.analyse(docs);
  const dolosMs = performance.now() - t;
  return {
    docs: docs.length,
    chars,
    taohuaMs,
    taohuaIndexMs,
    taohuaPhrases: scan.phrases.length,
    dolosMs,
    dolosPairs,
    dolosVersion: dolos.version,
    ratio: dolosMs / taohuaMs,
  };
}

if (process.argv[2] === '--child') {
  const r = await runDolosBench(JSON.parse(process.argv[3]) as DolosBenchArgs);
  process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
}
