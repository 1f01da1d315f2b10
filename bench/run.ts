// `npm run bench`: the scaling bench. Generates a deterministic corpus (cached under the OS temp
// folder), then builds, saves, loads and checks it with 1, 2 (and N) threads at 25 → 200 MB, each
// configuration in a child process; also the real ../shared/gwr corpus when present, and the
// MinHash figures of bench/sketch.bench.ts. Writes bench/out/results.json.
//   --quick or BENCH_MB=25: one small size only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, prefix } from './corpus-gen.js';
import type { BuildBenchArgs, BuildBenchResult } from './build.bench.js';
import { runSketchBench } from './sketch.bench.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const GWR = resolve(repo, '..', 'shared', 'gwr');
const work = join(tmpdir(), 'taohua-bench');

function sizes(): number[] {
  const env = Number(process.env.BENCH_MB);
  if (process.argv.includes('--quick')) return [Number.isFinite(env) && env > 0 ? env : 25];
  if (Number.isFinite(env) && env > 0) return [env];
  return [25, 50, 100, 200];
}

function threadCounts(): number[] {
  const n = availableParallelism();
  return [...new Set([1, 2, n])];
}

function runChild(args: BuildBenchArgs): BuildBenchResult {
  const r = spawnSync(process.execPath, [join(here, 'build.bench.js'), '--child', JSON.stringify(args)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || !line) throw new Error(`bench child ${args.label} failed (status ${r.status})`);
  return JSON.parse(line.slice('RESULT '.length)) as BuildBenchResult;
}

function listFile(name: string, paths: string[]): string {
  const f = join(work, `${name}.list`);
  writeFileSync(f, paths.join('\n'));
  return f;
}

function configs(label: string, list: string, json = false): BuildBenchResult[] {
  return threadCounts().map((threads) => {
    const r = runChild({ label, listFile: list, threads, indexPath: join(work, `${label}-${threads}.taohua`), json });
    process.stderr.write(`  ${label} threads=${threads}: ${fmt(r.charsPerSec / 1e6, 2)} M chars/s\n`);
    return r;
  });
}

const fmt = (v: number, d = 1): string => v.toFixed(d);

function table(rows: BuildBenchResult[]): string {
  const head = ['corpus', 'thr', 'MB', 'Mchars', 'build s', 'Mch/s', 'cpu s/Mch', 'RSS MB', 'B/uniq', 'file MB', 'save s', 'load s', 'build/load', 'check ms'];
  const body = rows.map((r) => [
    r.label,
    String(r.threads),
    fmt(r.utf8Bytes / 1e6),
    fmt(r.chars / 1e6, 2),
    fmt(r.buildMs / 1000, 2),
    fmt(r.charsPerSec / 1e6, 2),
    fmt(r.cpuSecPerMChars, 3),
    fmt(r.peakRssBuildMB, 0),
    fmt(r.bytesPerUnique, 0),
    fmt(r.fileBytes / 1e6),
    fmt(r.saveMs / 1000, 2),
    fmt(r.loadMs / 1000, 2),
    fmt(r.buildMs / r.loadMs, 1),
    fmt(r.checkMedianMs, 1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** Build time per character relative to the smallest size, per thread count (1.0 = linear). */
function scaling(rows: BuildBenchResult[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const t of threadCounts()) {
    const series = rows.filter((r) => r.label.startsWith('gen-') && r.threads === t);
    if (series.length === 0) continue;
    const base = series[0].buildMs / series[0].chars;
    out[`threads=${t}`] = series.map((r) => Number((r.buildMs / r.chars / base).toFixed(2)));
  }
  return out;
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const mbs = sizes();
  const sources = [join(repo, 'corpus'), GWR].filter((d) => existsSync(d));
  process.stderr.write(`generating ${Math.max(...mbs)} MB corpus in ${work}/gen …\n`);
  const files = generateCorpus({ dir: join(work, 'gen'), mb: Math.max(...mbs), seed: 20240601, sources });
  const rows: BuildBenchResult[] = [];
  for (const mb of mbs) {
    const list = listFile(`gen-${mb}`, prefix(files, mb).map((f) => f.path));
    rows.push(...configs(`gen-${mb}MB`, list));
  }
  if (existsSync(GWR)) {
    const gwr = readdirSync(GWR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(GWR, f));
    rows.push(...configs('gwr', listFile('gwr', gwr), true));
  }
  const speedup = Object.fromEntries(
    [...new Set(rows.map((r) => r.label))].map((l) => {
      const one = rows.find((r) => r.label === l && r.threads === 1)!;
      const two = rows.find((r) => r.label === l && r.threads === 2);
      return [l, two ? Number((one.buildMs / two.buildMs).toFixed(2)) : null];
    }),
  );
  process.stderr.write('MinHash micro-bench (bench/sketch.bench.ts) …\n');
  const sketch = await runSketchBench();
  console.log(table(rows));
  console.log(`\n2 threads vs 1 (build time ratio): ${JSON.stringify(speedup)}`);
  console.log(`build time per char vs smallest size (1.0 = linear): ${JSON.stringify(scaling(rows))}`);
  const gwrJson = rows.find((r) => r.json)?.json;
  if (gwrJson) {
    const bin = rows.find((r) => r.json)!;
    console.log(
      `gwr, JSON instead of binary: ${fmt(gwrJson.bytes / 1e6)} MB vs ${fmt(bin.fileBytes / 1e6)} MB, load ${fmt(gwrJson.loadMs, 0)} ms vs ${fmt(bin.loadMs, 0)} ms`,
    );
  }
  const out = join(repo, 'bench', 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'results.json'), JSON.stringify({ date: new Date().toISOString(), cores: availableParallelism(), rows, speedup, scaling: scaling(rows), sketch }, null, 2));
  console.log(`\nwrote ${join(out, 'results.json')}`);
}

await main();
