import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAX_INPUT_BYTES, readInputs, readOneFile } from '../../src/io/read.js';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'taohua-io-'));
  const tree = join(dir, 'tree');
  mkdirSync(join(tree, 'sub', 'deeper'), { recursive: true });
  mkdirSync(join(tree, '.hidden'));
  writeFileSync(join(tree, 'b.txt'), '第二个文件');
  writeFileSync(join(tree, 'a.md'), '# 第一个文件\r\n正文\n');
  writeFileSync(join(tree, 'sub', 'c.html'), '<p>网页<script>x()</script></p>');
  writeFileSync(join(tree, 'sub', 'deeper', 'd.TXT'), '深层文件');
  writeFileSync(join(tree, 'sub', 'image.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]));
  writeFileSync(join(tree, 'sub', 'notes.csv'), 'a,b');
  writeFileSync(join(tree, '.secret.txt'), '隐藏');
  writeFileSync(join(tree, '.hidden', 'e.txt'), '隐藏目录');
  writeFileSync(join(tree, 'binary.txt'), new Uint8Array([0x41, 0, 0x42]));
  writeFileSync(join(tree, 'empty.txt'), '');
  symlinkSync('..', join(tree, 'sub', 'loop')); // a loop back to tree
  symlinkSync('self.txt', join(tree, 'self.txt')); // unreadable even for root: ELOOP
  symlinkSync(join(tree, 'b.txt'), join(tree, 'sub', 'link-to-b.txt')); // the same file twice
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('readInputs', () => {
  it('walks a folder recursively in sorted order, skipping hidden entries, other types and loops', async () => {
    const tree = join(dir, 'tree');
    const { docs, problems } = await readInputs([tree]);
    expect(docs.map((d) => d.path)).toEqual([
      `${tree}/a.md`,
      `${tree}/b.txt`,
      `${tree}/sub/c.html`,
      `${tree}/sub/deeper/d.TXT`,
    ]);
    expect(docs.map((d) => d.format)).toEqual(['md', 'txt', 'html', 'txt']);
    expect(docs[0].text).toBe('# 第一个文件\r\n正文\n');
    expect(docs[2].text).toBe('网页');
    const byPath = Object.fromEntries(problems.map((p) => [p.path.slice(tree.length + 1), p.code]));
    expect(byPath).toEqual({ 'binary.txt': 'BINARY', 'empty.txt': 'EMPTY', 'self.txt': 'UNREADABLE' });
    for (const p of problems) expect(p.message).not.toMatch(/\n/);
  });

  it('keeps the user spelling of a folder in document paths and reads each file once', async () => {
    // sub/loop leads up to tree (walked once, then cut when it reaches sub again);
    // tree/b.txt was already read as sub/link-to-b.txt.
    const { docs, problems } = await readInputs([join(dir, 'tree', 'sub') + '/']);
    expect(docs.map((d) => d.path)).toEqual([
      `${dir}/tree/sub/c.html`,
      `${dir}/tree/sub/deeper/d.TXT`,
      `${dir}/tree/sub/link-to-b.txt`,
      `${dir}/tree/sub/loop/a.md`,
    ]);
    expect(problems.map((p) => p.path.slice(dir.length))).toEqual([
      '/tree/sub/loop/binary.txt',
      '/tree/sub/loop/empty.txt',
      '/tree/sub/loop/self.txt',
    ]);
  });

  it('reports a missing path and goes on with the others', async () => {
    const missing = join(dir, 'nope.txt');
    const { docs, problems } = await readInputs([missing, join(dir, 'tree', 'b.txt')]);
    expect(problems).toEqual([{ path: missing, code: 'NOT_FOUND', message: 'no such file or directory' }]);
    expect(docs.map((d) => d.text)).toEqual(['第二个文件']);
  });

  it('reads an explicitly named file of any extension', async () => {
    const { docs } = await readInputs([join(dir, 'tree', 'sub', 'notes.csv')]);
    expect(docs).toHaveLength(1);
  });

  it('reads standard input for "-"', async () => {
    const stdin = async (): Promise<Uint8Array> => new TextEncoder().encode('来自标准输入');
    const { docs } = await readInputs(['-'], { stdin });
    expect(docs).toEqual([{ path: '-', text: '来自标准输入', format: 'stdin', encoding: 'utf-8' }]);
  });

  it.skipIf(isRoot)('reports a file without read permission as UNREADABLE', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'ok.txt'), '可读');
    writeFileSync(join(locked, 'no.txt'), '不可读');
    chmodSync(join(locked, 'no.txt'), 0o000);
    try {
      const { docs, problems } = await readInputs([locked]);
      expect(docs.map((d) => d.text)).toEqual(['可读']);
      expect(problems).toEqual([{ path: `${locked}/no.txt`, code: 'UNREADABLE', message: 'permission denied' }]);
    } finally {
      chmodSync(join(locked, 'no.txt'), 0o644);
    }
  });

  it('reads a single-line file just under the size limit (MAX_INPUT_BYTES)', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, '坚持稳中求进工作总基调,abc '.repeat(Math.floor(MAX_INPUT_BYTES / 38)));
    const t = Date.now();
    const { docs, problems } = await readInputs([big]);
    expect(problems).toEqual([]);
    expect(docs[0].text.length).toBeGreaterThan(MAX_INPUT_BYTES / 3);
    expect(Date.now() - t).toBeLessThan(15_000);
    rmSync(big);
  });
});

describe('readOneFile', () => {
  it('returns one document', async () => {
    const r = await readOneFile(join(dir, 'tree', 'b.txt'));
    expect(r).toEqual({ ok: true, doc: { path: join(dir, 'tree', 'b.txt'), text: '第二个文件', format: 'txt', encoding: 'utf-8' } });
  });

  it('rejects a directory, a missing path and a binary file', async () => {
    const tree = join(dir, 'tree');
    expect(await readOneFile(tree)).toEqual({ ok: false, problem: { path: tree, code: 'NOT_A_FILE', message: 'is a directory, not a file' } });
    expect(await readOneFile(join(dir, 'nope'))).toMatchObject({ ok: false, problem: { code: 'NOT_FOUND' } });
    expect(await readOneFile(join(tree, 'binary.txt'))).toMatchObject({
      ok: false,
      problem: { code: 'BINARY', message: 'binary file (NUL bytes at offset 1)' },
    });
  });

  it('reads "-" from standard input', async () => {
    const r = await readOneFile('-', { stdin: async () => new Uint8Array([0xef, 0xbb, 0xbf, 0x61]) });
    expect(r).toEqual({ ok: true, doc: { path: '-', text: 'a', format: 'stdin', encoding: 'utf-8' } });
  });
});
