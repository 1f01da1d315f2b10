// Inputs taohua refuses or must still read: devices, pipes, huge files, names that are not UTF-8,
// pages whose <meta charset> lies.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readInputs, readOneFile } from '../../src/io/read.js';
import { extractText } from '../../src/io/extract.js';

const dir = mkdtempSync(join(tmpdir(), 'taohua-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TEXT = '在县委、县政府的正确领导下，全县教育系统认真贯彻落实上级决策部署。';

describe('what is not a regular file is refused before any byte is read', () => {
  it('a character device named directly (check /dev/zero, index /dev/zero)', async () => {
    const one = await readOneFile('/dev/zero');
    expect(one).toEqual({ ok: false, problem: { path: '/dev/zero', code: 'NOT_A_FILE', message: 'is a character device, not a regular file' } });
    const many = await readInputs(['/dev/zero']);
    expect(many.docs).toEqual([]);
    expect(many.problems.map((p) => p.code)).toEqual(['NOT_A_FILE']);
  });

  it('a named pipe without a writer does not block', async () => {
    const fifo = join(dir, 'pipe.txt');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    expect(await readOneFile(fifo)).toMatchObject({ ok: false, problem: { code: 'NOT_A_FILE', message: 'is a named pipe, not a regular file' } });
  });

  it('a file above the size limit is refused by its size (a sparse file: nothing is written or read)', async () => {
    const big = join(dir, 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_INPUT_BYTES + 1);
    closeSync(fd);
    const r = await readOneFile(big);
    expect(r).toMatchObject({ ok: false, problem: { code: 'TOO_LARGE' } });
    if (!r.ok) expect(r.problem.message).toBe('file is too large (32 MB; taohua reads documents up to 32 MB)');
    const stdin = async (): Promise<Uint8Array> => {
      throw Object.assign(new Error('standard input is too large (over 32 MB; taohua reads documents up to 32 MB)'), { code: 'TOO_LARGE' });
    };
    expect(await readOneFile('-', { stdin })).toMatchObject({ ok: false, problem: { code: 'TOO_LARGE' } });
  });
});

describe('file names that are not valid UTF-8', () => {
  const folder = join(dir, 'names');
  const raw = Buffer.concat([Buffer.from(`${folder}/`), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.txt')]); // "报告" in GBK
  mkdirSync(folder);
  writeFileSync(raw, TEXT);

  it('are read by their bytes inside a folder', async () => {
    const { docs, problems } = await readInputs([folder]);
    expect(problems).toEqual([]);
    expect(docs.map((d) => d.text)).toEqual([TEXT]);
    expect(docs[0].path).toBe(`${folder}/${raw.subarray(folder.length + 1).toString('utf8')}`);
  });

  it('named on the command line, say why they cannot be opened instead of a bare "no such file"', async () => {
    const lossy = raw.toString('utf8');
    const r = await readOneFile(lossy);
    expect(r).toMatchObject({ ok: false, problem: { code: 'NOT_FOUND' } });
    if (!r.ok) expect(r.problem.message).toMatch(/not valid UTF-8/);
  });
});

describe('<meta charset> is not trusted over the bytes', () => {
  const page = (meta: string): Uint8Array => Buffer.from(`<html><head><meta charset="${meta}"></head><body><p>${TEXT}</p></body></html>`, 'utf8');

  it.each(['utf-16', 'UTF-16LE', 'gb2312', 'big5', 'iso-8859-1'])('a UTF-8 page labelled %s reads as UTF-8', async (label) => {
    expect(await extractText('x.html', page(label))).toMatchObject({ ok: true, text: TEXT, encoding: 'utf-8' });
  });
});
