// Saved indexes under hostile or unusual conditions: crafted headers with a valid checksum,
// files over 2 GiB, indexes too large to load back, stale temp files, signals during a save.
import { spawn, spawnSync } from 'node:child_process';
import { createChecksum } from '../../src/index/checksum.js';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { freemem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseOptions } from '../../src/options.js';
import { indexDocuments } from '../../src/pipeline.js';
import { loadIndex, saveIndex } from '../../src/index/store.js';
import { readIndexFileHashed } from '../../src/index/store-read.js';
import { DIGEST_BYTES, PREAMBLE_BYTES, padTo, preamble } from '../../src/index/store-layout.js';
import type { SourceDoc } from '../../src/types.js';
import { TaohuaError } from '../../src/errors.js';
import { bigSaveScript } from './big-save-script.js';
import { expectSameIndex } from './same-index.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'taohua-store-hard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const docs: SourceDoc[] = readdirSync(join(repo, 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ path: `corpus/${f}`, text: readFileSync(join(repo, 'corpus', f), 'utf8'), format: 'txt', encoding: 'utf-8' }));
const built = indexDocuments(docs, normaliseOptions({}));

async function goodFile(name: string): Promise<string> {
  const file = join(dir, name);
  await saveIndex(await built, file);
  return file;
}

interface Parts {
  header: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  payload: Buffer;
  version: number;
}

/** Splits a saved file into its header (parsed) and payload, independently of the decoder. */
function split(file: Buffer): Parts {
  const headerBytes = file.readUInt32LE(12);
  const header = JSON.parse(file.toString('utf8', PREAMBLE_BYTES, PREAMBLE_BYTES + headerBytes));
  const payload = file.subarray(PREAMBLE_BYTES + padTo(headerBytes), file.length - DIGEST_BYTES);
  return { header, payload, version: file.readUInt32LE(8) };
}

/** A file with this header and payload, with the length and SHA-256 recomputed: what an attacker can make. */
function assemble(p: Parts): Buffer {
  const json = Buffer.from(JSON.stringify(p.header));
  const pad = Buffer.alloc(padTo(json.length) - json.length);
  const total = PREAMBLE_BYTES + json.length + pad.length + p.payload.length + DIGEST_BYTES;
  const body = Buffer.concat([preamble(p.version, json.length, total), json, pad, p.payload]);
  return Buffer.concat([body, createChecksum().update(body).digest()]);
}

async function loadError(file: string): Promise<TaohuaError> {
  try {
    await loadIndex(file);
  } catch (e) {
    if (e instanceof TaohuaError) return e;
    throw e;
  }
  throw new Error('the crafted index was loaded');
}

describe('a crafted index with a recomputed checksum', () => {
  const crafts: Array<[string, (h: Parts['header']) => void, RegExp]> = [
    [
      'unitCount 2e9 (row counts made to agree) in a small file',
      (h) => {
        h.docs[0].rows += 2e9 - h.unitCount;
        h.unitCount = 2e9;
      },
      /kind has the wrong length/,
    ],
    ['null params', (h) => (h.params = null), /bad parameters/],
    ['params without sketch', (h) => delete h.params.sketch, /bad parameters/],
    ['band counts that disagree', (h) => (h.params.sketch.bands = h.bands + 1), /band counts disagree/],
    ['a negative count', (h) => (h.uniqueCount = -1), /bad unit counts/],
    ['a fractional document size', (h) => (h.docs[1].textChars += 0.5), /bad document sizes/],
    ['a section of the wrong element type', (h) => (h.sections.find((s: { name: string }) => s.name === 'unique').type = 'f64'), /unique is f64, not i32/],
    ['a chrome model that is not a list of lines', (h) => (h.chromeModel = { lines: [1, 2] }), /bad chrome model/],
    ['a document format that does not exist', (h) => (h.docs[0].format = 'exe'), /bad document format/],
  ];

  it.each(crafts)('%s: INDEX_CORRUPT, nothing large allocated', async (_name, craft, message) => {
    const parts = split(readFileSync(await goodFile('base.taohua')));
    craft(parts.header);
    const file = join(dir, 'crafted.taohua');
    writeFileSync(file, assemble(parts));
    const before = process.resourceUsage().maxRSS;
    const e = await loadError(file);
    expect(e.code).toBe('INDEX_CORRUPT');
    expect(e.message).toMatch(message);
    expect(process.resourceUsage().maxRSS - before).toBeLessThan(200_000); // KB
  });

  it('the untouched header reassembled still loads (the crafting itself is sound)', async () => {
    const file = join(dir, 'same.taohua');
    writeFileSync(file, assemble(split(readFileSync(await goodFile('base2.taohua')))));
    expectSameIndex(await built, await loadIndex(file));
  });

  it('the CLI says so in one line with exit 5 (null params used to exit 70)', async () => {
    const parts = split(readFileSync(await goodFile('base3.taohua')));
    parts.header.params = null;
    const file = join(dir, 'null-params.taohua');
    writeFileSync(file, assemble(parts));
    const r = spawnSync(process.execPath, [join(repo, 'dist/src/cli/main.js'), 'check', join(repo, 'corpus/000_1d961a0082aa0431.txt'), '--index', file], { encoding: 'utf8' });
    expect(r.status).toBe(5);
    expect(r.stderr.trim().split('\n')).toEqual([`taohua: ${file}: index file is corrupted (bad parameters)`]);
  });
});

describe('large index files', () => {
  it('are read and hashed in pieces (shown here with 7-byte pieces)', async () => {
    const file = await goodFile('pieces.taohua');
    const bytes = readFileSync(file);
    const { buf, digest } = await readIndexFileHashed(file, 32, 7);
    expect(buf.equals(bytes)).toBe(true);
    expect(digest.equals(createChecksum().update(bytes.subarray(0, bytes.length - 32)).digest())).toBe(true);
    expect(digest.equals(bytes.subarray(bytes.length - 32))).toBe(true);
  });

  // A valid index with a 2.1 GiB hole between header and sections (sections are found by offset),
  // written as a sparse file: 2.1 GiB on the loader's side, almost nothing on disk.
  it.skipIf(freemem() < 6 * 2 ** 30)('over 2 GiB load (sparse file, checksum over the hole)', async () => {
    const parts = split(readFileSync(await goodFile('small.taohua')));
    const gap = 2 ** 31 + 2 ** 26;
    for (const s of parts.header.sections) s.offset += gap;
    const json = Buffer.from(JSON.stringify(parts.header));
    const headPad = Buffer.alloc(padTo(json.length) - json.length);
    const total = PREAMBLE_BYTES + json.length + headPad.length + gap + parts.payload.length + DIGEST_BYTES;
    const head = Buffer.concat([preamble(parts.version, json.length, total), json, headPad]);
    const hash = createChecksum().update(head);
    const zeros = Buffer.alloc(2 ** 26);
    for (let left = gap; left > 0; left -= zeros.length) hash.update(zeros.subarray(0, Math.min(left, zeros.length)));
    hash.update(parts.payload);
    const file = join(dir, 'huge.taohua');
    const fd = openSync(file, 'w');
    writeSync(fd, head, 0, head.length, 0);
    writeSync(fd, parts.payload, 0, parts.payload.length, head.length + gap);
    writeSync(fd, hash.digest(), 0, DIGEST_BYTES, head.length + gap + parts.payload.length);
    closeSync(fd);
    expect(statSync(file).size).toBe(total);
    expect(total).toBeGreaterThan(2 ** 31);
    expectSameIndex(await built, await loadIndex(file));
    rmSync(file);
  }, 60_000);

  it('an index larger than the loader can read is never written; the old file stays', async () => {
    const file = await goodFile('limit.taohua');
    const before = readFileSync(file);
    try {
      await saveIndex(await built, file, { maxBytes: before.length - 1 });
      throw new Error('saved');
    } catch (e) {
      expect((e as TaohuaError).code).toBe('TOO_LARGE');
      expect((e as TaohuaError).message).toMatch(/more than the .* taohua can load; the file was not written/);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('limit.taohua.tmp-'))).toEqual([]);
  });
});

describe('temp files of interrupted saves', () => {
  it('a save removes temp files of dead processes and keeps those of live ones', async () => {
    const file = join(dir, 'stale.taohua');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const live = String(process.ppid);
    writeFileSync(`${file}.tmp-${dead}`, Buffer.alloc(1000));
    writeFileSync(`${file}.tmp-${live}`, Buffer.alloc(1000));
    writeFileSync(`${file}.tmp-notapid`, Buffer.alloc(10));
    await saveIndex(await built, file);
    expect(existsSync(`${file}.tmp-${dead}`)).toBe(false);
    expect(existsSync(`${file}.tmp-${live}`)).toBe(true);
    expect(existsSync(`${file}.tmp-notapid`)).toBe(true);
    expectSameIndex(await built, await loadIndex(file));
  });

  it('SIGTERM during a save removes the temp file and leaves the old index', async () => {
    const file = await goodFile('term.taohua');
    const before = readFileSync(file);
    const script = bigSaveScript(repo, 100);
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let sawTemp = false;
    const exit = new Promise<number | null>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (!out.includes('saving')) return;
        const poll = setInterval(() => {
          const tmp = readdirSync(dir).find((f) => f === `term.taohua.tmp-${child.pid}`);
          if (tmp && statSync(join(dir, tmp)).size > 0) {
            clearInterval(poll);
            sawTemp = true;
            child.kill('SIGTERM');
          }
        }, 1);
        child.on('exit', () => clearInterval(poll));
      });
      child.on('exit', (code) => resolve(code));
    });
    const code = await exit;
    expect(sawTemp).toBe(true);
    expect(out).not.toContain('saved');
    expect(code).toBe(143);
    expect(readdirSync(dir).filter((f) => f.startsWith('term.taohua.tmp-'))).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 120_000);
});
