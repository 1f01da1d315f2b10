// `taohua worker` and Redis going away: the password never shows, SIGTERM always ends the process.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/distributed/connection.js';
import { ensureBuilt, freePort, haveRedis, startRedis, stopProcess, type RedisServer } from './harness.js';

const CLI = join(process.cwd(), 'dist/src/cli/main.js');

function cli(args: string[]): { proc: ChildProcess; stderr: () => string; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, stderr: () => err, exited };
}

describe('Redis URLs in messages', () => {
  it('show no password', () => {
    expect(redactUrl('redis://user:s3cret@h:6379/2')).toBe('redis://user:***@h:6379/2');
    expect(redactUrl('rediss://:s3cret@h1:7000,h2:7001')).toBe('rediss://:***@h1:7000,h2:7001');
    expect(redactUrl('redis://a:p@ss@h:1')).toBe('redis://a:***@h:1');
    expect(redactUrl('redis://h:6379')).toBe('redis://h:6379');
  });

  it('a failed connection names the host but not the password (exit 6)', async () => {
    ensureBuilt();
    const port = await freePort();
    const run = cli(['worker', '--redis', `redis://me:s3cret-pw@127.0.0.1:${port}`]);
    expect(await run.exited).toBe(6);
    expect(run.stderr()).toMatch(new RegExp(`cannot connect to Redis at redis://me:\\*\\*\\*@127\\.0\\.0\\.1:${port}`));
    expect(run.stderr()).not.toMatch(/s3cret/);
  }, 20_000);
});

describe.skipIf(!haveRedis())('taohua worker after its Redis is gone', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    ensureBuilt();
    redis = await startRedis();
  });
  afterAll(async () => redis?.stop());

  it('exits within a few seconds of SIGTERM', async () => {
    const run = cli(['worker', '--redis', redis.url]);
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`worker did not connect: ${run.stderr()}`)), 15_000);
      run.proc.stderr!.on('data', () => {
        if (/worker connected/.test(run.stderr())) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    await redis.stop();
    await new Promise((r) => setTimeout(r, 500));
    const started = Date.now();
    run.proc.kill('SIGTERM');
    const timeout = setTimeout(() => run.proc.kill('SIGKILL'), 15_000);
    await run.exited;
    clearTimeout(timeout);
    expect(run.proc.signalCode).toBeNull(); // not the SIGKILL above
    expect(Date.now() - started).toBeLessThan(4000);
    await stopProcess(run.proc);
  }, 40_000);
});
