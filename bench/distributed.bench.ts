// One machine (indexDocuments) against 1 and 2 worker processes through a local Redis, on a
// generated corpus: corpus/ sentences, shuffled and lightly varied so that most units are unique.
// Reports wall time, chars/s and Redis peak memory per million units.
//   node dist/bench/distributed.bench.js            # 100 MB of UTF-8 text
//   TAOHUA_BENCH_MB=10 TAOHUA_BENCH_SCAN=1 node dist/bench/distributed.bench.js
// Run from the repository root after a build; needs redis-server on PATH.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { readInputs } from '../src/io/read.js';
import { normaliseOptions } from '../src/options.js';
import { indexDocuments, scanCorpus } from '../src/pipeline.js';
import type { SourceDoc } from '../src/types.js';
import { distributedIndex, distributedIndexAndScan } from '../src/distributed/index.js';

const MB = Number(process.env.TAOHUA_BENCH_MB ?? 100);
const SCAN = process.env.TAOHUA_BENCH_SCAN === '1';
const WORKERS = (process.env.TAOHUA_BENCH_WORKERS ?? '1,2').split(',').map(Number);

async function makeCorpus(bytes: number): Promise<SourceDoc[]> {
  const base = (await readInputs(['corpus'])).docs;
  const sentences = base.flatMap((d) => d.text.split(/(?<=[。！？；\n])/).filter((s) => s.trim().length > 4));
  let x = 12345;
  const rnd = (n: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
  const hanzi = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';
  const docs: SourceDoc[] = [];
  let total = 0;
  while (total < bytes) {
    const parts: string[] = [];
    let chars = 0;
    while (chars < 15_000) {
      let s = sentences[rnd(sentences.length)];
      if (rnd(4) > 0) {
        // vary 1–3 characters so the sentence is near, not exactly, a copy
        const a = [...s];
        for (let k = 1 + rnd(3); k > 0; k--) a[rnd(a.length)] = hanzi[rnd(hanzi.length)];
        s = a.join('');
      }
      parts.push(s);
      chars += s.length;
    }
    const text = parts.join('');
    docs.push({ path: `bench/${String(docs.length).padStart(6, '0')}.txt`, text, format: 'txt', encoding: 'utf-8' });
    total += Buffer.byteLength(text);
  }
  return docs;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function waitFor(proc: ChildProcess, re: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    proc.stdout?.on('data', (d: Buffer) => {
      seen += d.toString();
      if (re.test(seen)) resolve();
    });
    proc.once('exit', (c) => reject(new Error(`exited ${c}: ${seen}`)));
  });
}

async function stop(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const done = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  await done;
}

async function peakMemory(url: string): Promise<number> {
  const c = new Redis(url);
  const info = await c.info('memory');
  c.disconnect();
  return Number(/used_memory_peak:(\d+)/.exec(info)?.[1] ?? 0);
}

async function distributedRun(docs: SourceDoc[], workers: number): Promise<{ secs: number; peak: number; units: number }> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await waitFor(redis, /Ready to accept connections/);
  const base = await peakMemory(url);
  const procs = Array.from({ length: workers }, () =>
    spawn(process.execPath, [...(process.env.TAOHUA_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), 'dist/src/distributed/worker-main.js', '--redis', url], { stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  await Promise.all(procs.map((p) => waitFor(p, /ready/)));
  const options = normaliseOptions();
  const t0 = performance.now();
  const index = SCAN
    ? (await distributedIndexAndScan({ redis: url, docs, options })).index
    : await distributedIndex({ redis: url, docs, options });
  const secs = (performance.now() - t0) / 1000;
  const peak = (await peakMemory(url)) - base;
  await Promise.all(procs.map(stop));
  await stop(redis);
  return { secs, peak, units: index.units.count };
}

async function main(): Promise<void> {
  const docs = await makeCorpus(MB * 1e6);
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  console.log(`corpus: ${docs.length} documents, ${(MB).toFixed(0)} MB UTF-8, ${(chars / 1e6).toFixed(1)}M chars; ${SCAN ? 'index + scan' : 'index'}`);
  const options = normaliseOptions();
  const t0 = performance.now();
  const local = await indexDocuments(docs, options);
  if (SCAN) scanCorpus(local, options);
  const secs = (performance.now() - t0) / 1000;
  console.log(`one machine: ${secs.toFixed(1)} s, ${(chars / secs / 1e6).toFixed(2)}M chars/s, ${(local.units.count / 1e6).toFixed(2)}M units`);
  for (const w of WORKERS) {
    const r = await distributedRun(docs, w);
    console.log(
      `${w} worker(s) via Redis: ${r.secs.toFixed(1)} s, ${(chars / r.secs / 1e6).toFixed(2)}M chars/s, ` +
        `Redis peak +${(r.peak / 1e6).toFixed(0)} MB = ${(r.peak / 1e6 / (r.units / 1e6)).toFixed(0)} MB per million units`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
