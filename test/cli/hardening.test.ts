// The CLI against ordinary-but-risky use: two writers at once, paths spelt two ways, outputs
// that are inputs or not files at all, absurd option values, and errors that must keep their codes.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, lstatSync, openSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIndex } from '../../src/index/store.js';
import { withIndexLock } from '../../src/index/store-lock.js';
import { TaohuaError } from '../../src/errors.js';

const repo = process.cwd();
const CLI = join(repo, 'dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'taohua-hard-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const corpusFiles = readdirSync(join(repo, 'corpus')).filter((f) => f.endsWith('.txt')).sort();
const corpusText = corpusFiles.map((f) => readFileSync(join(repo, 'corpus', f), 'utf8'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: opts.cwd ?? repo, env: { ...process.env, ...opts.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runAsync(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: repo, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A folder of n distinct documents (corpus texts with a distinguishing first line). */
function folder(name: string, n: number, offset = 0): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(d, `doc${i + offset}.txt`), `第${i + offset}号文件\n${corpusText[(i + offset) % corpusText.length]}`);
  return d;
}

const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

/** A file of this size that takes no disk space and no time to make. */
function sparseFile(bytes: number): string {
  const file = join(dir, 'huge.txt');
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return file;
}

function oneLine(r: Run): void {
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
}

describe('two writers of one index', () => {
  it('two add runs at once both succeed and the index holds every document', async () => {
    const idx = join(dir, 'both.taohua');
    expect(run(['index', folder('base', 1), '-o', idx, '-q']).code).toBe(0);
    const a = folder('a', 12, 100);
    const b = folder('b', 12, 200);
    const [ra, rb] = await Promise.all([runAsync(['add', a, '--index', idx, '-q']), runAsync(['add', b, '--index', idx, '-q'])]);
    expect([ra.code, rb.code, ra.stderr, rb.stderr]).toEqual([0, 0, '', '']);
    const paths = (await loadIndex(idx)).docs.map((d) => d.path);
    expect(paths).toHaveLength(25);
    for (const i of [100, 111, 200, 211]) expect(paths.some((p) => p.endsWith(`/doc${i}.txt`))).toBe(true);
    expect(existsSync(`${idx}.lock`)).toBe(false);
  }, 60_000);

  it('a writer that cannot get the lock says the index is in use (exit 7); a dead holder\'s lock is taken over', async () => {
    const idx = join(dir, 'busy.taohua');
    expect(run(['index', folder('busy-base', 1), '-o', idx, '-q']).code).toBe(0);
    const extra = folder('busy-extra', 1, 300);
    writeFileSync(`${idx}.lock`, `${process.pid}\n${hostname()}\n`); // held by this live process
    const busy = run(['add', extra, '--index', idx, '-q'], { env: { TAOHUA_LOCK_WAIT_MS: '300' } });
    expect(busy.code).toBe(7);
    expect(busy.stderr).toMatch(new RegExp(`busy\\.taohua: index is in use by process ${process.pid} \\(lock file .*busy\\.taohua\\.lock\\)`));
    oneLine(busy);
    expect((await loadIndex(idx)).docs).toHaveLength(1);

    writeFileSync(`${idx}.lock`, `${deadPid()}\n${hostname()}\n`); // its process is gone
    expect(run(['add', extra, '--index', idx, '-q'], { env: { TAOHUA_LOCK_WAIT_MS: '300' } }).code).toBe(0);
    expect((await loadIndex(idx)).docs).toHaveLength(2);
    expect(existsSync(`${idx}.lock`)).toBe(false);
  }, 60_000);

  it('in one process the second holder waits for the first', async () => {
    const idx = join(dir, 'inproc.taohua');
    const order: string[] = [];
    const slow = withIndexLock(idx, async () => {
      order.push('first in');
      await new Promise((r) => setTimeout(r, 300));
      order.push('first out');
    });
    await new Promise((r) => setTimeout(r, 20));
    await Promise.all([slow, withIndexLock(idx, async () => void order.push('second'))]);
    expect(order).toEqual(['first in', 'first out', 'second']);
    await withIndexLock(idx, async () => {
      await expect(withIndexLock(idx, async () => 1, 150)).rejects.toBeInstanceOf(TaohuaError);
    });
  });
});

describe('add identifies documents by their real path', () => {
  it('./pc/x.txt replaces pc/x.txt instead of adding a second copy', async () => {
    const work = join(dir, 'realpath');
    mkdirSync(join(work, 'pc'), { recursive: true });
    writeFileSync(join(work, 'pc', 'x.txt'), corpusText[0]);
    writeFileSync(join(work, 'pc', 'y.txt'), corpusText[1]);
    expect(run(['index', 'pc', '-o', 'i.taohua', '-q'], { cwd: work }).code).toBe(0);
    writeFileSync(join(work, 'pc', 'x.txt'), corpusText[2]); // x.txt changed
    const r = run(['add', './pc/x.txt', '--index', 'i.taohua'], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/added 0, replaced 1, skipped 0/);
    const docs = (await loadIndex(join(work, 'i.taohua'))).docs;
    expect(docs.map((d) => d.path).sort()).toEqual(['./pc/x.txt', 'pc/y.txt']);
    expect(docs.find((d) => d.path === './pc/x.txt')!.text).toBe(corpusText[2]);
  }, 30_000);
});

const draft = join(dir, 'draft.txt');
writeFileSync(draft, corpusText[0].slice(0, 400));

describe('outputs', () => {
  it('check X --html X refuses and leaves the draft', () => {
    const r = run(['check', draft, '--against', 'corpus', '--html', draft]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--html would overwrite an input/);
    oneLine(r);
    expect(readFileSync(draft, 'utf8')).toBe(corpusText[0].slice(0, 400));
  });

  it('index D -o D/a.txt refuses and leaves the corpus file', () => {
    const d = folder('outin', 2);
    const before = readFileSync(join(d, 'doc0.txt'));
    const r = run(['index', d, '-o', join(d, 'doc0.txt'), '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-o would overwrite an input/);
    expect(readFileSync(join(d, 'doc0.txt')).equals(before)).toBe(true);
  });

  it('a symlink or a named pipe as -o / --html is refused (exit 3) and left as it was', () => {
    const target = join(dir, 'target.txt');
    writeFileSync(target, 'keep me');
    const link = join(dir, 'link.taohua');
    symlinkSync(target, link);
    const r = run(['index', 'corpus', '-o', link, '-q']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/is a symbolic link/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    const fifo = join(dir, 'fifo.html');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      const f = run(['check', draft, '--against', 'corpus', '--html', fifo]);
      expect(f.code).toBe(3);
      expect(f.stderr).toMatch(/is a named pipe, not a regular file/);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
  });
});

describe('documented exit codes for inputs and options', () => {
  const cases: Array<[string, string[], number, RegExp]> = [
    ['scan of a missing path', ['scan', '/nonexistent'], 3, /\/nonexistent: no such file or directory/],
    ['index of a missing path', ['index', '/nonexistent', '-o', join(dir, 'never.taohua')], 3, /no such file/],
    ['check /dev/zero', ['check', '/dev/zero', '--against', 'corpus'], 3, /\/dev\/zero: is a character device, not a regular file/],
    ['a corpus of /dev/zero', ['scan', '/dev/zero'], 3, /not a regular file/],
    ['--threads 256', ['scan', 'corpus', '--threads', '256'], 2, new RegExp(`threads must be a whole number from 0 to ${4 * availableParallelism()} \\(4 per core\\)`)],
    ['a 200 MB single-line file (sparse)', ['check', sparseFile(200 * 2 ** 20), '--against', 'corpus'], 4, /huge\.txt: file is too large \(200 MB; taohua reads documents up to 32 MB\)/],
    ['--bands 512 --rows 64', ['scan', 'corpus', '--bands', '512', '--rows', '64'], 2, /bands must be a whole number from 1 to 128/],
    ['bands × rows over 512', ['scan', 'corpus', '--bands', '64', '--rows', '16'], 2, /bands × rows must be at most 512 \(asked for 64 × 16 = 1024\)/],
  ];
  it('standard input over the size limit is refused in one line (exit 4)', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '-', '--against', 'corpus'], { encoding: 'utf8', input: '在县委、县政府的正确领导下。\n'.repeat(1_000_000) });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^taohua: -: standard input is too large \(over 32 MB; taohua reads documents up to 32 MB\)\n$/);
  });

  it.each(cases)('%s', (_name, args, code, message) => {
    const started = Date.now();
    const r = run(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    oneLine(r);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

});
