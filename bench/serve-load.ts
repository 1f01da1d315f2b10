// A bounded load test of `taohua serve` on loopback: N requests (default 200), C at a time
// (default 50), drafts of about 5,000 characters. Every answer must be byte-identical to the
// answer of a single check of the same draft; prints requests/s, p50/p99 latency and RSS.
//
//   npm run build && node dist/bench/serve-load.js [--requests 200] [--concurrency 50] [--chars 5000] [--index FILE]
//
// The server runs in a child process. Without --index it checks in-process against an index built
// in memory from corpus/; with --index (a saved index) it runs the piscina check workers.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';

export interface LoadOptions {
  requests: number;
  concurrency: number;
}

export interface LoadReport {
  requests: number;
  ok: number;
  wrong: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export const ORIGINAL_SENTENCES = [
  '今天早上我骑自行车沿着河边去菜市场买了两斤新鲜的草莓。',
  '隔壁的小猫总喜欢趴在窗台上晒太阳，一动不动像个毛线团。',
  '周末我们计划带孩子去山里露营，顺便看看秋天的红叶。',
  '那家面馆的牛肉面汤头浓郁，每天中午门口都排着长队。',
  '楼下新开的书店里有一整面墙的旧地图，老板说是从旧货市场淘来的。',
];

/** `count` different drafts of `chars` characters: two corpus sentences, then one original, over and over. */
export function loadDrafts(corpusDir: string, count: number, chars: number): string[] {
  const stock: string[] = [];
  for (const name of readdirSync(corpusDir).sort()) {
    for (const m of readFileSync(join(corpusDir, name), 'utf8').matchAll(/[^。\n]{12,80}。/g)) stock.push(m[0].trim());
  }
  const drafts: string[] = [];
  for (let d = 0; d < count; d++) {
    let text = '';
    for (let i = 0; text.length < chars; i++) {
      text += i % 3 === 2 ? ORIGINAL_SENTENCES[(d + i) % ORIGINAL_SENTENCES.length] : stock[(d * 37 + i) % stock.length];
      if (i % 6 === 5) text += '\n';
    }
    drafts.push(text.slice(0, chars));
  }
  return drafts;
}

async function post(url: string, text: string): Promise<{ status: number; body: string }> {
  const res = await fetch(new URL('/api/check', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  return { status: res.status, body: await res.text() };
}

/** One check per draft, one at a time: the answers every concurrent request must match. */
export async function expectedAnswers(url: string, drafts: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const d of drafts) {
    const r = await post(url, d);
    if (r.status !== 200) throw new Error(`single check failed: ${r.status} ${r.body.slice(0, 200)}`);
    out.push(r.body);
  }
  return out;
}

/** Sends `requests` checks, `concurrency` at a time, cycling through the drafts; stops by itself. */
export async function runLoad(url: string, drafts: string[], expected: string[], o: LoadOptions): Promise<LoadReport> {
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  let wrong = 0;
  let failed = 0;
  const t0 = performance.now();
  const worker = async (): Promise<void> => {
    while (next < o.requests) {
      const i = next++;
      const d = i % drafts.length;
      const started = performance.now();
      try {
        const r = await post(url, drafts[d]);
        latencies.push(performance.now() - started);
        if (r.status === 200 && r.body === expected[d]) ok++;
        else wrong++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, o.requests) }, worker));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: o.requests, ok, wrong, failed, seconds, perSecond: o.requests / seconds, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? 0 };
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function findCorpus(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) if (existsSync(join(dir, 'corpus'))) return join(dir, 'corpus');
  throw new Error('corpus/ not found');
}

/** Asks /healthz every 100 ms until stopped: how long the server's event loop keeps others waiting. */
function pollHealth(url: string): { stop(): Promise<number[]> } {
  const waits: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await (await fetch(new URL('/healthz', url))).text();
      waits.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return waits.sort((x, y) => x - y);
    },
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

interface Args {
  requests: number;
  concurrency: number;
  chars: number;
  drafts: number;
  index?: string;
  threads?: number;
}

function args(): Args {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '200' },
      concurrency: { type: 'string', default: '50' },
      chars: { type: 'string', default: '5000' },
      drafts: { type: 'string', default: '20' },
      index: { type: 'string' },
      threads: { type: 'string' },
      serve: { type: 'boolean' },
    },
  });
  return {
    requests: Number(values.requests),
    concurrency: Number(values.concurrency),
    chars: Number(values.chars),
    drafts: Number(values.drafts),
    index: values.index,
    threads: values.threads === undefined ? undefined : Number(values.threads),
  };
}

type FromServer = { url: string; rss: number } | { rss: number };

/** The server side, in a child process so that the load generator does not share its event loop. */
async function serve(a: Args): Promise<void> {
  const { buildIndex } = await import('../src/index.js');
  const { loadIndex } = await import('../src/index/store.js');
  const { startServer } = await import('../src/server/index.js');
  const index = a.index ? await loadIndex(a.index) : (await buildIndex([findCorpus()])).index;
  const server = await startServer({ index, indexPath: a.index, port: 0, threads: a.threads });
  const send = (m: FromServer): void => void process.send?.(m);
  send({ url: server.url, rss: process.memoryUsage().rss });
  process.on('message', (m) => {
    if (m === 'rss') send({ rss: process.memoryUsage().rss });
    else void server.close().then(() => process.exit(0));
  });
}

async function main(a: Args): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), [...process.argv.slice(2), '--serve'], { stdio: 'inherit' });
  const next = (): Promise<FromServer> => new Promise((resolve) => child.once('message', (m) => resolve(m as FromServer)));
  const rss = async (): Promise<number> => {
    const answer = next();
    child.send('rss');
    return (await answer).rss;
  };
  const ready = await next();
  if (!('url' in ready)) throw new Error('server did not start');
  try {
    const drafts = loadDrafts(findCorpus(), a.drafts, a.chars);
    const expected = await expectedAnswers(ready.url, drafts);
    // An untimed round, so that every worker has loaded the index and the segmenter and is compiled.
    await runLoad(ready.url, drafts, expected, { requests: drafts.length * 2, concurrency: a.concurrency });
    const rss1 = await rss();
    const health = pollHealth(ready.url);
    const r = await runLoad(ready.url, drafts, expected, { requests: a.requests, concurrency: a.concurrency });
    const waits = await health.stop();
    const rss2 = await rss();
    const mode = a.index ? `${a.threads ?? 'one per core'} worker threads on ${a.index}` : 'in-process, index in memory';
    console.log(`taohua serve load: ${r.requests} requests, ${a.concurrency} concurrent, ${a.chars}-char drafts (${drafts.length} different), ${mode}`);
    console.log(`  answered ${r.ok} correctly, ${r.wrong} wrong, ${r.failed} lost`);
    console.log(`  ${r.perSecond.toFixed(1)} requests/s in ${r.seconds.toFixed(1)} s; latency p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, max ${r.max.toFixed(0)} ms`);
    console.log(`  GET /healthz during the load: p50 ${quantile(waits, 0.5).toFixed(0)} ms, max ${quantile(waits, 1).toFixed(0)} ms (${waits.length} polls)`);
    console.log(`  server RSS: ${mb(ready.rss)} serving, ${mb(rss1)} after warm-up, ${mb(rss2)} after the load`);
    if (r.ok !== r.requests) process.exitCode = 1;
  } finally {
    child.send('close');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const a = args();
  if (process.argv.includes('--serve')) await serve(a);
  else await main(a);
}
