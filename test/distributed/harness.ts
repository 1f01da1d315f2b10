import { spanShape } from '../spans/span-shape.js';
// Test harness: a private redis-server on a free port, worker processes running the compiled
// worker entry, and corpora.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { readInputs } from '../../src/io/read.js';
import type { SourceDoc } from '../../src/types.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';

export const WORKER_MAIN = 'dist/src/distributed/worker-main.js';

export function haveRedis(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

/** Builds dist when the compiled worker is missing or older than its source. */
export function ensureBuilt(): void {
  const src = 'src/distributed/worker-main.ts';
  if (existsSync(WORKER_MAIN) && statSync(WORKER_MAIN).mtimeMs >= statSync(src).mtimeMs) return;
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'ignore' });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  port: number;
  proc: ChildProcess;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(proc, /Ready to accept connections/, 10_000);
  return { url: `redis://127.0.0.1:${port}`, port, proc, stop: () => stopProcess(proc) };
}

export async function startWorkerProcess(url: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [WORKER_MAIN, '--redis', url, '--lock-ms', '3000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  await waitForLine(proc, /^ready$/m, 15_000);
  return proc;
}

export async function stopProcess(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.kill(signal);
  const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}

function waitForLine(proc: ChildProcess, re: RegExp, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const t = setTimeout(() => reject(new Error(`timed out waiting for ${re} (got: ${seen.slice(-500)})`)), ms);
    proc.stdout?.on('data', (d: Buffer) => {
      seen += d.toString();
      if (re.test(seen)) {
        clearTimeout(t);
        resolve();
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`process exited (${code}) before ${re}: ${seen.slice(-500)}`));
    });
  });
}

export async function corpusDocs(): Promise<SourceDoc[]> {
  return (await readInputs(['corpus'])).docs;
}

/** n documents stitched from the corpus's sentences (deterministic), so many phrases repeat. */
export function generatedDocs(base: SourceDoc[], n: number, sentencesPerDoc = 40, seed = 7): SourceDoc[] {
  const sentences = base.flatMap((d) => d.text.split(/(?<=[。！？\n])/).filter((s) => s.trim().length > 4));
  let x = seed;
  const next = (): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 8;
  };
  return Array.from({ length: n }, (_, i) => {
    const parts: string[] = [];
    for (let k = 0; k < sentencesPerDoc; k++) parts.push(sentences[next() % sentences.length]);
    const path = `gen/${String((i * 7919) % n).padStart(4, '0')}.txt`;
    return { path, text: parts.join(''), format: 'txt' as const, encoding: 'utf-8' };
  });
}

/** Everything an index holds, as plain values for deep equality. */
export function indexShape(ix: CorpusIndex): object {
  return {
    params: ix.params,
    docs: ix.docs,
    chrome: ix.chromeModel,
    units: ix.units,
    uniqueKey: ix.uniqueKey,
    uniqueFirst: ix.uniqueFirst,
    lsh: ix.lsh.toArrays(),
    spans: spanShape(ix),
  };
}
