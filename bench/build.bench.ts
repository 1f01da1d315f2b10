// One bench configuration in its own process (so peak RSS is this configuration's alone):
// read files → build with N threads → save (timed together: the build end to end) → load → check a
// 5,000-character draft.
// Prints one line "RESULT {json}". Run by bench/run.ts.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { normaliseOptions } from '../src/options.js';
import { readInputs } from '../src/io/read.js';
import { checkDocument, findInCorpus, indexDocuments, indexParams, type Sketcher } from '../src/pipeline.js';

/** Phrases `find` looks up after the load: common, rarer, and shorter than a seed gram. */
const FIND_PHRASES = ['稳中求进', '经济发展', '全面建设小康社会', '坚持以人民为中心的发展思想', '改革', '人民'];
import { createPoolSketcher, resolveThreads } from '../src/pool/pool.js';
import { loadIndex, saveIndex } from '../src/index/store.js';
import type { AssemblyHelper, CorpusIndex } from '../src/index/corpus-index.js';
import { SpanIndex } from '../src/spans/span-index.js';
import type { SourceDoc } from '../src/types.js';

export interface BuildBenchArgs {
  label: string;
  /** A file listing the inputs, one path a line. */
  listFile: string;
  threads: number;
  indexPath: string;
  /** Also time a JSON encoding of the same index (small corpora only). */
  json?: boolean;
}

export interface BuildBenchResult {
  label: string;
  threads: number;
  docs: number;
  chars: number;
  utf8Bytes: number;
  readMs: number;
  /** Read, decode, chrome, sketch, span layer, LSH, save: end to end. */
  buildMs: number;
  sketchMs: number;
  /**
   * Of buildMs, what the span layer's postings add to the wall time: all of SpanIndex.build on one
   * thread; with the pool, how long the postings (built on a worker) outlast the band sort.
   */
  spanMs: number;
  /** Bytes of the span layer in memory (and in the file) per corpus character. */
  spanBytesPerChar: number;
  /** CPU seconds (all threads) per million characters built. */
  cpuSecPerMChars: number;
  charsPerSec: number;
  units: number;
  uniques: number;
  bytesPerUnique: number;
  peakRssBuildMB: number;
  saveMs: number;
  fileBytes: number;
  loadMs: number;
  checkMedianMs: number;
  /** Median of `find` over FIND_PHRASES on the loaded index. */
  findMedianMs: number;
  peakRssMB: number;
  json?: { bytes: number; saveMs: number; loadMs: number };
}

const now = (): number => performance.now();
const rssMB = (): number => process.resourceUsage().maxRSS / 1024;

function arrayBytes(index: CorpusIndex): number {
  const u = index.units;
  const rows = [u.doc, u.kind, u.normStart, u.normEnd, u.start, u.end, u.unique].reduce((n, a) => n + a.byteLength, 0);
  return rows + index.uniqueKey.byteLength + index.uniqueFirst.byteLength + index.lsh.byteLength;
}

function spanBytes(index: CorpusIndex): number {
  const s = index.spans;
  return [s.docStart, s.codes, s.origStart, s.origLength, s.bucketStart, s.postings].reduce((n, a) => n + a.byteLength, 0);
}

/** Times the postings of every span layer built on this thread (inside fromSketches) into `into`. */
function timeSpanBuilds(into: { ms: number }): void {
  const fromStreams = SpanIndex.fromStreams.bind(SpanIndex);
  SpanIndex.fromStreams = (streams, post) =>
    fromStreams(streams, (s) => {
      const t = now();
      const r = post(s);
      into.ms += now() - t;
      return r;
    });
}

/** The pool's assembly helper, adding to `into` how long its postings outlast its band sort. */
function timedHelper(helper: AssemblyHelper | undefined, into: { ms: number }): AssemblyHelper | undefined {
  if (!helper) return undefined;
  let sorted = 0;
  let posted = 0;
  return {
    sortBands: async (...args) => {
      await helper.sortBands(...args);
      sorted = now();
      if (posted) into.ms += Math.max(0, posted - sorted);
    },
    postings: async (...args) => {
      const r = await helper.postings(...args);
      posted = now();
      if (sorted) into.ms += Math.max(0, posted - sorted);
      return r;
    },
  };
}

function draftOf(docs: SourceDoc[]): SourceDoc {
  const text = (docs[0].text + docs[Math.floor(docs.length / 2)].text.slice(0, 2500)).slice(0, 5000);
  return { path: 'draft.txt', text, format: 'txt', encoding: 'utf-8' };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed(sketcher: Sketcher, into: { ms: number }): Sketcher {
  return async (...args) => {
    const t = now();
    const r = await sketcher(...args);
    into.ms += now() - t;
    return r;
  };
}

/** The JSON alternative: every array as a JSON array, texts as strings. */
function jsonRoundTrip(index: CorpusIndex, path: string): { bytes: number; saveMs: number; loadMs: number } {
  let t = now();
  const u = index.units;
  const lsh = index.lsh.toArrays();
  const obj = {
    params: index.params,
    docs: index.docs.map((d) => ({ ...d, chrome: Array.from(d.chrome) })),
    units: Object.fromEntries(Object.entries(u).map(([k, v]) => [k, typeof v === 'number' ? v : Array.from(v as Int32Array)])),
    uniqueKey: Array.from(index.uniqueKey),
    uniqueFirst: Array.from(index.uniqueFirst),
    lsh: { keys: Array.from(lsh.keys), ids: Array.from(lsh.ids) },
  };
  writeFileSync(path, JSON.stringify(obj));
  const saveMs = now() - t;
  const bytes = statSync(path).size;
  t = now();
  const back = JSON.parse(readFileSync(path, 'utf8')) as typeof obj;
  const rows = Object.values(back.units).filter((v): v is number[] => Array.isArray(v)).map((v) => Int32Array.from(v));
  const arrays = [Float64Array.from(back.uniqueKey), Int32Array.from(back.uniqueFirst), Uint32Array.from(back.lsh.keys), Int32Array.from(back.lsh.ids)];
  const loadMs = now() - t;
  if (rows.length === 0 || arrays.length === 0) throw new Error('empty');
  rmSync(path, { force: true });
  return { bytes, saveMs, loadMs };
}

export async function runBuildBench(a: BuildBenchArgs): Promise<BuildBenchResult> {
  const o = normaliseOptions({ threads: a.threads });
  const paths = readFileSync(a.listFile, 'utf8').split('\n').filter(Boolean);
  // As the CLI does: threads start and compile while the main thread reads.
  const pool = createPoolSketcher(resolveThreads(a.threads));
  pool.warm(indexParams(o));
  const cpu0 = process.cpuUsage();
  const t0 = now();
  let t = t0;
  const { docs } = await readInputs(paths);
  const readMs = now() - t;
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const utf8Bytes = paths.reduce((n, p) => n + statSync(p).size, 0);
  const sketch = { ms: 0 };
  const span = { ms: 0 };
  timeSpanBuilds(span);
  let index: CorpusIndex | undefined = await indexDocuments(docs, o, timed(pool.sketcher, sketch), undefined, timedHelper(pool.helper(docs), span));
  t = now();
  await saveIndex(index, a.indexPath);
  const saveMs = now() - t;
  const buildMs = now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await pool.close();
  const peakRssBuildMB = rssMB();
  const stats = {
    units: index.units.count,
    uniques: index.uniqueCount,
    bytesPerUnique: arrayBytes(index) / index.uniqueCount,
    spanBytesPerChar: spanBytes(index) / chars,
  };
  const json = a.json ? jsonRoundTrip(index, `${a.indexPath}.json`) : undefined;
  index = undefined;
  const fileBytes = statSync(a.indexPath).size;
  t = now();
  const loaded = await loadIndex(a.indexPath);
  const loadMs = now() - t;
  const draft = draftOf(docs);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    t = now();
    checkDocument(draft, loaded, o);
    times.push(now() - t);
  }
  const findTimes: number[] = [];
  for (const phrase of FIND_PHRASES) {
    t = now();
    findInCorpus(loaded, phrase);
    findTimes.push(now() - t);
  }
  rmSync(a.indexPath, { force: true });
  return {
    label: a.label,
    threads: resolveThreads(a.threads),
    docs: docs.length,
    chars,
    utf8Bytes,
    readMs,
    buildMs,
    sketchMs: sketch.ms,
    spanMs: span.ms,
    cpuSecPerMChars: (cpu.user + cpu.system) / 1e6 / (chars / 1e6),
    charsPerSec: chars / (buildMs / 1000),
    ...stats,
    peakRssBuildMB,
    saveMs,
    fileBytes,
    loadMs,
    checkMedianMs: median(times),
    findMedianMs: median(findTimes),
    peakRssMB: rssMB(),
    json,
  };
}

if (process.argv[2] === '--child') {
  const args = JSON.parse(process.argv[3]) as BuildBenchArgs;
  const r = await runBuildBench(args);
  process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
}
