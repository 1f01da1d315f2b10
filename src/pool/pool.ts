// Sketching on a pool of worker threads (piscina). Documents are read on the main thread; workers
// get batches of texts and hand back typed arrays. Results are ordered by input, and each document
// is sketched by the same function wherever it runs, so the index does not depend on the thread
// count.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { TaohuaError } from '../errors.js';
import type { AssemblyHelper, IndexedDoc, IndexParams } from '../index/corpus-index.js';
import type { SpanPostings } from '../spans/span-index.js';
import type { SketchedDocument } from '../index/sketch-document.js';
import { sketchHere, type Progress, type Sketcher } from '../pipeline.js';
import { PATTERNS_ONLY } from '../io/chrome.js';
import type { SourceDoc } from '../types.js';
import { makeBatches, type Batch } from './batches.js';
import type { PostingsTask, SketchTask, SketchTaskResult, SortBandsTask, WireDoc } from './protocol.js';
import { warmUpDocument } from './warm-up.js';

/**
 * Below this much text a pool costs more (threads starting, compiling the code again, copying)
 * than it saves. Measured with 2 threads on 2 cores: 3.4 M characters (10 MB) took 2.0 s either
 * way; gwr (1.1 M) 0.9 s on this thread against 1.35 s on two.
 */
export const MIN_POOL_CHARS = 3_000_000;

export interface PoolSketcher {
  sketcher: Sketcher;
  /**
   * Starts the threads now and compiles them on a synthetic document, so that their start-up
   * overlaps the main thread's reading. Once is enough (later calls do nothing); safe to skip.
   */
  warm(params: IndexParams): void;
  /**
   * The threads' share of assembling the index of these documents (see CorpusIndex.assemble), or
   * undefined when they are sketched on this thread alone.
   */
  helper(docs: SourceDoc[]): AssemblyHelper | undefined;
  /** Stops the worker threads (if any were started). */
  close(): Promise<void>;
}

/** threads = 0: one per core. One thread sketches on the calling thread. */
export function resolveThreads(threads: number): number {
  return threads > 0 ? threads : Math.max(1, availableParallelism());
}

export function createPoolSketcher(threads: number, o: { minPoolChars?: number } = {}): PoolSketcher {
  const n = resolveThreads(threads);
  const minPoolChars = o.minPoolChars ?? MIN_POOL_CHARS;
  let pool: Piscina | undefined;
  const start = (): Piscina => (pool ??= new Piscina({ filename: workerPath(), minThreads: n, maxThreads: n, idleTimeout: 60_000 }));
  const onThisThread = (docs: SourceDoc[]): boolean => n === 1 || docs.reduce((c, d) => c + d.text.length, 0) < minPoolChars;
  const sketcher: Sketcher = async (docs, model, params, onProgress) => {
    if (onThisThread(docs)) return sketchHere(docs, model, params, onProgress);
    return runOnPool(start(), makeBatches(docs, n), { model, params }, docs.length, onProgress);
  };
  const helper = (docs: SourceDoc[]): AssemblyHelper | undefined => (onThisThread(docs) ? undefined : assemblyOn(start()));
  let warming = false;
  const warm = (params: IndexParams): void => {
    if (n === 1 || warming) return;
    warming = true;
    const p = start();
    const task: SketchTask = { docs: [warmUpDocument()], model: PATTERNS_ONLY, params };
    for (let i = 0; i < n; i++) p.run(task).catch(() => undefined);
  };
  return {
    sketcher,
    warm,
    helper,
    close: async () => {
      const p = pool;
      pool = undefined;
      if (p) await p.destroy();
    },
  };
}

async function runOnPool(
  pool: Piscina,
  batches: Batch[],
  shared: Omit<SketchTask, 'docs'>,
  total: number,
  onProgress?: (p: Progress) => void,
): Promise<SketchedDocument[]> {
  const out = new Array<SketchedDocument>(total);
  let done = 0;
  let chars = 0;
  await Promise.all(
    batches.map(async (b) => {
      const r = await runTask(pool, { docs: b.docs, ...shared });
      r.forEach((w, k) => (out[b.from + k] = fromWire(b.docs[k], w)));
      done += b.docs.length;
      chars += b.chars;
      onProgress?.({ done, total, chars });
    }),
  );
  return out;
}

function assemblyOn(pool: Piscina): AssemblyHelper {
  const failed = (e: unknown): never => {
    throw new TaohuaError('INTERNAL', `assembling worker failed: ${e instanceof Error ? e.message : String(e)}`);
  };
  return {
    sortBands: async (keys, ids, count, from, to) => {
      const task: SortBandsTask = { keys, ids, count, from, to };
      await pool.run(task, { name: 'sortBandsTask' }).catch(failed);
    },
    postings: async (codes, docStart) => {
      const task: PostingsTask = { codes, docStart };
      return (await pool.run(task, { name: 'postingsTask' }).catch(failed)) as SpanPostings;
    },
  };
}

async function runTask(pool: Piscina, task: SketchTask): Promise<WireDoc[]> {
  let r: SketchTaskResult;
  try {
    r = (await pool.run(task)) as SketchTaskResult;
  } catch (e) {
    throw new TaohuaError('INTERNAL', `sketching worker failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!r.ok) throw new TaohuaError(r.code, r.message, r.path);
  return r.docs;
}

function fromWire(src: SourceDoc, w: WireDoc): SketchedDocument {
  const doc: IndexedDoc = {
    path: src.path,
    hash: w.hash,
    format: src.format,
    encoding: src.encoding,
    text: src.text,
    norm: w.norm,
    chrome: w.chrome,
  };
  return { doc, sketch: w.sketch };
}

/**
 * The compiled worker next to this module (dist/src/pool/worker.js); when this module runs from
 * TypeScript source (vitest), the compiled one in <repo>/dist, which `npm test` builds first.
 */
export function workerPath(): string {
  const here = fileURLToPath(import.meta.url);
  const path = here.endsWith('.ts')
    ? resolve(dirname(here), '../../dist/src/pool/worker.js')
    : join(dirname(here), 'worker.js');
  if (!existsSync(path)) throw new TaohuaError('INTERNAL', `worker script missing: ${path} (run npm run build)`);
  return path;
}
