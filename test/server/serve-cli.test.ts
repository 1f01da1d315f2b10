// `taohua serve` as a user runs it (the compiled CLI): bad addresses are one line and an exit code,
// and SIGTERM stops a server that is in the middle of a long check, at once.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveIndex } from '../../src/index/store.js';
import { corpusIndex, draftOfLength } from './fixture.js';

const CLI = join(process.cwd(), 'dist/src/cli/main.js');

describe('taohua serve on the command line', () => {
  let dir: string;
  let indexPath: string;
  let taken: Server;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'taohua-serve-cli-'));
    indexPath = join(dir, 'corpus.taohua');
    await saveIndex(await corpusIndex(), indexPath);
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    taken?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  function serve(args: string[]) {
    const r = spawnSync(process.execPath, [CLI, 'serve', '--index', indexPath, ...args], { encoding: 'utf8', timeout: 30_000 });
    return { status: r.status, stderr: r.stderr };
  }

  it.each([
    [['--port', '99999'], 2, '--port'],
    [['--port', '-1'], 2, '--port'],
    [['--host', '256.1.1.1'], 2, '256.1.1.1'],
    [['--host', 'evil.example'], 2, 'evil.example'],
  ])('refuses %j with one line and exit %i', (args, status, named) => {
    const r = serve(args);
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(/^taohua: [^\n]+\n$/);
    expect(r.stderr).toContain(named);
  });

  it('says a taken port is in use (exit 3), with no stack trace', () => {
    const port = (taken.address() as { port: number }).port;
    const r = serve(['--port', String(port)]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe(`taohua: 127.0.0.1:${port} is in use: choose another --port\n`);
  });

  it('stops within seconds on SIGTERM while a long check runs', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--index', indexPath, '--port', '0', '--threads', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /serving \d+ documents at (http:\/\/\S+)/.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.once('exit', () => reject(new Error(`serve exited: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // A check of 900,000 characters takes several seconds on the worker.
    const long = fetch(new URL('/api/check', url), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: draftOfLength(900_000) })
      .then((r) => r.status)
      .catch(() => 0);
    await new Promise((r) => setTimeout(r, 1_500));
    const t0 = performance.now();
    child.kill('SIGTERM');
    const code = await exited;
    const took = performance.now() - t0;
    expect(code).toBe(0);
    expect(took).toBeLessThan(3_000);
    expect([0, 503]).toContain(await long); // told "shutting down", or the connection closed
  });
});
