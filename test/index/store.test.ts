import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseOptions } from '../../src/options.js';
import { indexDocuments } from '../../src/pipeline.js';
import { loadIndex, saveIndex } from '../../src/index/store.js';
import type { SourceDoc } from '../../src/types.js';
import { TaohuaError } from '../../src/errors.js';
import { bigSaveScript } from './big-save-script.js';
import { expectSameIndex } from './same-index.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'taohua-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function corpus(): SourceDoc[] {
  const c = join(repo, 'corpus');
  return readdirSync(c)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: `corpus/${f}`, text: readFileSync(join(c, f), 'utf8'), format: 'txt', encoding: 'utf-8' }));
}

async function codeOf(p: Promise<unknown>): Promise<[string, string]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TaohuaError) return [e.code, e.message];
    throw e;
  }
  throw new Error('expected a TaohuaError');
}

const built = indexDocuments(corpus(), normaliseOptions({}));

describe('saved index', () => {
  it('round-trips every array and text exactly', async () => {
    const index = await built;
    const file = join(dir, 'a.taohua');
    await saveIndex(index, file);
    expectSameIndex(index, await loadIndex(file));
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('round-trips odd texts: lone surrogates, astral characters, empty documents', async () => {
    const docs: SourceDoc[] = [
      { path: 'x.txt', text: '𠀀𠀁字，\ud800孤立的代理项。这是一个足够长的句子，用来测试。', format: 'txt', encoding: 'utf-8' },
      { path: 'y.txt', text: '', format: 'txt', encoding: 'utf-8' },
    ];
    const index = await indexDocuments(docs, normaliseOptions({}));
    const file = join(dir, 'odd.taohua');
    await saveIndex(index, file);
    expectSameIndex(index, await loadIndex(file));
  });

  it('says which byte problem it found: checksum, truncation, magic, version', async () => {
    const index = await built;
    const file = join(dir, 'c.taohua');
    await saveIndex(index, file);
    const good = readFileSync(file);

    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length / 2)] ^= 1;
    writeFileSync(file, flipped);
    expect(await codeOf(loadIndex(file))).toEqual(['INDEX_CORRUPT', `${file}: index file is corrupted (checksum mismatch)`]);

    writeFileSync(file, good);
    truncateSync(file, good.length - 100);
    const [code, message] = await codeOf(loadIndex(file));
    expect(code).toBe('INDEX_CORRUPT');
    expect(message).toMatch(/truncated/);

    writeFileSync(file, Buffer.from('PK\x03\x04 not an index at all, long enough to have a preamble'));
    expect((await codeOf(loadIndex(file)))[1]).toMatch(/not a taohua index/);

    const future = Buffer.from(good);
    future.writeUInt32LE(99, 8);
    writeFileSync(file, future);
    const [vcode, vmessage] = await codeOf(loadIndex(file));
    expect(vcode).toBe('INDEX_VERSION');
    expect(vmessage).toMatch(/version 99/);

    expect((await codeOf(loadIndex(join(dir, 'missing.taohua'))))[0]).toBe('NOT_FOUND');
    try {
      await loadIndex(file);
    } catch (e) {
      expect((e as TaohuaError).file).toBe(file);
    }
  });

  it('a half-written temp file leaves the previous index loadable', async () => {
    const index = await built;
    const file = join(dir, 'd.taohua');
    await saveIndex(index, file);
    const tmp = `${file}.tmp-12345`;
    writeFileSync(tmp, readFileSync(file).subarray(0, 1000));
    expectSameIndex(index, await loadIndex(file));
  });

  it('a process killed while saving leaves the previous index intact', async () => {
    const file = join(dir, 'k.taohua');
    await saveIndex(await built, file);
    const before = readFileSync(file);
    // The child builds a large index (the corpus many times over) and is killed once its temp
    // file appears, i.e. in the middle of writing.
    const script = bigSaveScript(repo, 200);
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const killed = new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (!out.includes('saving')) return;
        const poll = setInterval(() => {
          const tmp = readdirSync(dir).find((f) => f.startsWith('k.taohua.tmp-'));
          if (tmp && statSync(join(dir, tmp)).size > 0) {
            clearInterval(poll);
            child.kill('SIGKILL');
          }
        }, 1);
      });
      child.on('exit', () => resolve());
    });
    await killed;
    expect(out).not.toContain('saved');
    expect(readFileSync(file).equals(before)).toBe(true);
    expectSameIndex(await built, await loadIndex(file));
  }, 120_000);
});
