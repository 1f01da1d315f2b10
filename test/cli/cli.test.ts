// The compiled CLI as a user runs it (npm test builds dist first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'taohua-cli-'));
const COPIED = '四年来，在上级党委、政府和教育主管部门的正确领导下，在同志们的关心支持下，我在工作中尽职尽责，尽心尽力，取得了一定的成绩。';
const draft = join(dir, 'draft.txt');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  writeFileSync(draft, `${COPIED}\n今天早上我骑自行车去公园看了樱花，心情非常愉快。\n`);
});

describe('taohua CLI', () => {
  it('check --json prints one JSON document and nothing else', () => {
    const r = run(['check', draft, '--against', 'corpus', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schema).toBe('taohua.check/1');
    expect(json.counts).toMatchObject({ stock: 1, original: 1 });
    const text = readFileSync(draft, 'utf8');
    for (const s of json.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('reads the draft from standard input with -', () => {
    const r = run(['check', '-', '--against', 'corpus', '--json'], COPIED);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ document: '-', format: 'stdin', counts: { stock: 1 } });
  });

  it('index, add and check against the saved index give the one-off result', () => {
    const idx = join(dir, 'c.taohua');
    const one = mkdtempSync(join(tmpdir(), 'taohua-part-'));
    writeFileSync(join(one, 'a.txt'), readFileSync('corpus/001_e0827daa2707cdb8.txt'));
    expect(run(['index', one, '-o', idx, '-q']).code).toBe(0);
    expect(run(['add', 'corpus', '--index', idx, '-q']).code).toBe(0);
    const saved = JSON.parse(run(['check', draft, '--index', idx, '--json']).stdout);
    expect(saved.counts).toMatchObject({ stock: 1, original: 1 });
    expect(saved.sentences[0].matches.map((m: { doc: string }) => m.doc)).toContain('corpus/000_1d961a0082aa0431.txt');
  });

  it('scan --csv round-trips through a CSV parser, with a BOM on request', () => {
    const r = run(['scan', 'corpus', '--csv', '--bom']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\ufeff')).toBe(true);
    const rows = parse(r.stdout.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0])).toEqual(['phrase', 'template', 'variants', 'docFreq', 'count', 'meanChars', 'example', 'docs', 'kind', 'formula', 'dp']);
    expect(Number(rows[0].docFreq)).toBeGreaterThanOrEqual(2);
    const docs = parse(run(['scan', 'corpus', '--csv', '--table', 'documents']).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(docs).toHaveLength(5);
    expect(Number(docs[0].stockRatio)).toBeGreaterThan(0);
  });

  it('compare and check write self-contained HTML reports', () => {
    const html = join(dir, 'r.html');
    expect(run(['check', draft, '--against', 'corpus', '--html', html, '-q']).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('data-kind="stock"');
    const cmp = run(['compare', 'corpus/000_1d961a0082aa0431.txt', draft, '--json']);
    expect(JSON.parse(cmp.stdout).passages.length).toBeGreaterThan(0);
  });

  const bad: Array<[string, string[], number, RegExp]> = [
    ['a path that does not exist', ['check', join(dir, 'nope.txt'), '--against', 'corpus'], 3, /nope\.txt: no such file/],
    ['a directory where a file is expected', ['check', 'corpus', '--against', 'corpus'], 3, /corpus: is a directory/],
    ['an unknown option', ['scan', 'corpus', '--frobnicate'], 2, /unknown option --frobnicate/],
    ['a missing value', ['check', draft, '--index'], 2, /--index.*needs a value/],
    ['a bad number', ['scan', 'corpus', '--top', 'many'], 2, /--top takes a whole number/],
    ['an unknown command', ['frob'], 2, /unknown command "frob"/],
    ['no corpus', ['check', draft], 2, /no corpus/],
  ];
  it.each(bad)('%s: one line on stderr, documented exit code', (_name, args, code, message) => {
    const r = run(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(r.stdout).toBe('');
  });

  it('binary, empty and corrupted inputs get clear errors', () => {
    const bin = join(dir, 'bin.txt');
    writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0, 0]));
    expect(run(['check', bin, '--against', 'corpus'])).toMatchObject({ code: 4 });
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, ' \n\t ');
    expect(run(['check', empty, '--against', 'corpus']).code).toBe(4);
    const idx = join(dir, 'bad.taohua');
    writeFileSync(idx, 'TAOHUA\0 definitely not an index');
    const r = run(['check', draft, '--index', idx]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/bad\.taohua/);
  });

  it('a corpus folder with a bad file and a symlink loop still gives results, exit 1', () => {
    const corpus = join(dir, 'mixed');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'good.txt'), readFileSync('corpus/000_1d961a0082aa0431.txt'));
    writeFileSync(join(corpus, 'bad.txt'), Buffer.from([1, 2, 0, 0, 0, 3]));
    if (!existsSync(join(corpus, 'loop'))) symlinkSync(corpus, join(corpus, 'loop'));
    const r = run(['check', draft, '--against', corpus, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.txt: binary/);
    expect(JSON.parse(r.stdout).counts.stock).toBe(1);
  });
});
