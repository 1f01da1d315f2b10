// Signature throughput and estimate error: taohua's one-permutation MinHash
// against the `minhash` npm package (0.0.9) on real corpus sentences.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { fmix32 } from '../src/sketch/hash.js';
import { jaccard } from '../src/sketch/jaccard.js';
import { LshTable } from '../src/index/lsh-table.js';
import { bandKeys, sCurve } from '../src/sketch/lsh.js';
import { estimateJaccard, signature } from '../src/sketch/minhash.js';
import { charShingles } from '../src/sketch/shingle.js';

interface PkgMinhash {
  hashvalues: number[];
  maxHash: number;
  update(s: string): void;
  jaccard(other: PkgMinhash): number;
}
type PkgMinhashCtor = new (config?: { numPerm?: number; seed?: number }) => PkgMinhash;

const require = createRequire(import.meta.url);
const { Minhash } = require('minhash') as { Minhash: PkgMinhashCtor };

const K = 128;
const N = 3;

function findCorpus(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const c = join(dir, 'corpus');
    if (existsSync(c)) return c;
    dir = resolve(dir, '..');
  }
  throw new Error('corpus/ not found');
}

function loadSentences(): string[] {
  const dir = findCorpus();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/[。!?！？；;\n]/))
    .map((s) => s.trim())
    .filter((s) => [...s].length >= N);
}

/** The same distinct character n-grams as charShingles, as strings. */
function stringShingles(s: string, n: number): string[] {
  const cps = [...s];
  if (cps.length <= n) return [s];
  const set = new Set<string>();
  for (let i = 0; i + n <= cps.length; i++) set.add(cps.slice(i, i + n).join(''));
  return [...set];
}

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = fmix32(s + 0x9e3779b9)) / 4294967296;
}

function mutate(s: string, edits: number, rnd: () => number): string {
  const a = [...s];
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * a.length);
    const c = String.fromCharCode(0x4e00 + Math.floor(rnd() * 3000));
    const op = rnd();
    if (op < 0.6) a[at] = c;
    else if (op < 0.8) a.splice(at, 0, c);
    else if (a.length > 1) a.splice(at, 1);
  }
  return a.join('');
}

function pkgSignature(strs: string[]): PkgMinhash {
  const m = new Minhash({ numPerm: K });
  for (const s of strs) m.update(s);
  return m;
}

export async function runSketchBench(): Promise<Record<string, unknown>> {
  const sentences = loadSentences();
  const chars = sentences.reduce((a, s) => a + s.length, 0);
  const shingles = sentences.map((s) => charShingles(s, N));
  const strShingles = sentences.map((s) => stringShingles(s, N));
  const pkgCount = Math.min(200, sentences.length);
  const pkgChars = sentences.slice(0, pkgCount).reduce((a, s) => a + s.length, 0);
  const out = new Uint32Array(K);
  const out60 = new Uint32Array(60);
  const shared = new Minhash({ numPerm: K });
  let sink = 0;

  const bench = new Bench({ time: 1500, iterations: 5, warmupTime: 200, warmupIterations: 2 });
  bench
    .add(`taohua signature k=${K}`, () => {
      for (let i = 0; i < shingles.length; i++) signature(shingles[i], K, out);
      sink ^= out[0];
    })
    .add('taohua signature k=60', () => {
      for (let i = 0; i < shingles.length; i++) signature(shingles[i], 60, out60);
      sink ^= out60[0];
    })
    .add(`taohua shingles+signature k=${K}`, () => {
      for (let i = 0; i < sentences.length; i++) signature(charShingles(sentences[i], N), K, out);
      sink ^= out[0];
    })
    .add(`minhash pkg k=${K} (new Minhash per unit)`, () => {
      for (let i = 0; i < pkgCount; i++) sink ^= pkgSignature(strShingles[i]).hashvalues[0];
    })
    .add(`minhash pkg k=${K} (shared permutations)`, () => {
      for (let i = 0; i < pkgCount; i++) {
        shared.hashvalues = new Array<number>(K).fill(shared.maxHash);
        for (const s of strShingles[i]) shared.update(s);
        sink ^= shared.hashvalues[0];
      }
    });
  await bench.run();

  const batchChars = [chars, chars, chars, pkgChars, pkgChars];
  const throughput: Record<string, number> = {};
  bench.tasks.forEach((t, i) => {
    const r = t.result;
    if (r.state !== 'completed') throw new Error(`${t.name}: ${r.state}`);
    // Median latency: the machine may be shared, and the mean suffers most from that.
    throughput[t.name] = Math.round((batchChars[i] * 1000) / r.latency.p50);
  });
  const ours = throughput[`taohua signature k=${K}`];
  const pkgNew = throughput[`minhash pkg k=${K} (new Minhash per unit)`];
  const pkgShared = throughput[`minhash pkg k=${K} (shared permutations)`];

  // Estimate error on pairs with a spread of Jaccard values.
  const rnd = rng(7);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < 600; i++) {
    const s = sentences[Math.floor(rnd() * sentences.length)];
    pairs.push([s, mutate(s, 1 + Math.floor(rnd() * Math.max(1, [...s].length / 3)), rnd)]);
    if (i % 3 === 0) pairs.push([s, sentences[Math.floor(rnd() * sentences.length)]]);
  }
  const strata = [0, 0.2, 0.5, 0.8, 1.0001];
  const errs = { ours: [0, 0, 0, 0], pkg: [0, 0, 0, 0], n: [0, 0, 0, 0] };
  let oursAll = 0;
  let pkgAll = 0;
  let oursBias = 0;
  let pkgBias = 0;
  const a = new Uint32Array(K);
  const b = new Uint32Array(K);
  for (const [x, y] of pairs) {
    const sx = charShingles(x, N);
    const sy = charShingles(y, N);
    const exact = jaccard(sx, sy);
    signature(sx, K, a);
    signature(sy, K, b);
    const e1 = estimateJaccard(a, 0, b, 0, K) - exact;
    const e2 = pkgSignature(stringShingles(x, N)).jaccard(pkgSignature(stringShingles(y, N))) - exact;
    const st = strata.findIndex((lim, i) => exact >= lim && exact < strata[i + 1]);
    errs.ours[st] += Math.abs(e1);
    errs.pkg[st] += Math.abs(e2);
    errs.n[st]++;
    oursAll += Math.abs(e1);
    pkgAll += Math.abs(e2);
    oursBias += e1;
    pkgBias += e2;
  }
  const r4 = (v: number): number => Math.round(v * 10000) / 10000;
  const byStratum: Record<string, { pairs: number; taohua: number; minhashPkg: number }> = {};
  for (let i = 0; i < 4; i++) {
    byStratum[`J ${strata[i]}–${Math.min(1, strata[i + 1])}`] = {
      pairs: errs.n[i],
      taohua: r4(errs.ours[i] / errs.n[i]),
      minhashPkg: r4(errs.pkg[i] / errs.n[i]),
    };
  }

  const lsh = lshRecall(sentences, rnd);

  const result: Record<string, unknown> = {
    sentences: sentences.length,
    chars,
    k: K,
    n: N,
    charsPerSecond: throughput,
    speedupVsNewMinhash: Math.round(ours / pkgNew),
    speedupVsSharedPermutations: Math.round(ours / pkgShared),
    pairs: pairs.length,
    meanAbsError: { taohua: r4(oursAll / pairs.length), minhashPkg: r4(pkgAll / pairs.length) },
    meanError: { taohua: r4(oursBias / pairs.length), minhashPkg: r4(pkgBias / pairs.length) },
    meanAbsErrorByJaccard: byStratum,
    lsh,
    sink,
  };
  console.table(
    Object.entries(throughput).map(([task, cps]) => ({ task, 'chars/s': cps.toLocaleString('en-US') })),
  );
  console.table(byStratum);
  console.log(
    `speed-up vs minhash pkg: ×${result.speedupVsNewMinhash} (new Minhash per unit), ×${result.speedupVsSharedPermutations} (shared permutations)`,
  );
  console.log(
    `mean |estimate − exact| over ${pairs.length} pairs: taohua ${r4(oursAll / pairs.length)}, minhash pkg ${r4(pkgAll / pairs.length)}`,
  );
  console.table(lsh);
  return result;
}

interface LshRow {
  bands: number;
  rows: number;
  threshold: number;
  truePairs: number;
  recall: number;
  sCurveRecall: number;
  candidates: number;
  candidateShare: number;
}

/**
 * Corpus sentences plus edited copies; for each (bands, rows) the share of
 * pairs with exact Jaccard ≥ threshold that LSH makes candidates, against
 * the S-curve's prediction, and how many candidate pairs it costs.
 */
function lshRecall(sentences: string[], rnd: () => number): LshRow[] {
  const units = sentences.filter((s) => [...s].length >= 6);
  const base = units.length;
  for (let i = 0; i < Math.min(1000, base); i++) {
    const s = units[Math.floor(rnd() * base)];
    units.push(mutate(s, 1 + Math.floor(rnd() * Math.max(1, [...s].length / 3)), rnd));
  }
  const n = units.length;
  const sh = units.map((s) => charShingles(s, N));
  const near: Array<[number, number, number]> = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const j = jaccard(sh[a], sh[b]);
      if (j >= 0.4) near.push([a, b, j]);
    }
  const rows: LshRow[] = [];
  const settings: Array<[number, number, number]> = [
    [20, 3, 0.5],
    [25, 5, 0.5],
    [20, 3, 0.4],
    [40, 3, 0.4],
    [17, 2, 0.4],
  ];
  for (const [bands, r, t] of settings) {
    const k = bands * r;
    const sigs = new Uint32Array(n * k);
    const keys = new Uint32Array(n * bands);
    for (let u = 0; u < n; u++) {
      signature(sh[u], k, sigs, u * k);
      bandKeys(sigs, u * k, bands, r, keys, u * bands);
    }
    const d = LshTable.build(n, bands, keys).distinctSelfPairs();
    const found = new Set<number>();
    for (let i = 0; i < d.a.length; i++) found.add(d.a[i] * n + d.b[i]);
    const above = near.filter(([, , j]) => j >= t);
    let hits = 0;
    let expected = 0;
    for (const [a, b, j] of above) {
      if (found.has(a * n + b)) hits++;
      expected += sCurve(j, bands, r);
    }
    rows.push({
      bands,
      rows: r,
      threshold: t,
      truePairs: above.length,
      recall: Math.round((hits / above.length) * 1000) / 1000,
      sCurveRecall: Math.round((expected / above.length) * 1000) / 1000,
      candidates: d.a.length,
      candidateShare: Number(((2 * d.a.length) / (n * (n - 1))).toPrecision(3)),
    });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runSketchBench().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
