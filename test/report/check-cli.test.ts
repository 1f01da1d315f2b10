// The editor's options through the compiled CLI (npm test builds dist first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'taohua-editor-cli-'));
const COPIED = '四年来，在上级党委、政府和教育主管部门的正确领导下，在同志们的关心支持下，我在工作中尽职尽责，尽心尽力，取得了一定的成绩。';
const SOURCE = 'corpus/000_1d961a0082aa0431.txt';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function draft(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const INDEX = join(dir, 'corpus.taohua');
beforeAll(() => {
  expect(run(['index', 'corpus', '-o', INDEX, '-q', '-t', '1']).code).toBe(0);
});

describe('check: the editor options', () => {
  const copied = draft('copied.txt', `${COPIED}\n今天早上我骑自行车去公园看了樱花，心情非常愉快。\n`);

  it('--exclude drops the source document; a pattern that matches nothing is named on stderr', () => {
    const r = run(['check', copied, '--index', INDEX, '--exclude', SOURCE, '--exclude', 'corpus/nothing-*.txt', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.sources.map((s: { doc: string }) => s.doc)).not.toContain(SOURCE);
    expect(json.panel.excludedDocs).toBe(1);
    expect(r.stderr).toBe('taohua: corpus/nothing-*.txt: --exclude matches no document of the corpus\n');
  });

  it('--allow leaves allowed text out of the ratio', () => {
    const allowed = draft('template.txt', COPIED);
    const json = JSON.parse(run(['check', copied, '--index', INDEX, '--allow', allowed, '--json']).stdout);
    expect(json.stockChars).toBe(0);
    expect(json.panel.leftOutChars.allowed).toBe([...COPIED].length);
    expect(json.sentences[0].spans.filter((s: { kind: string }) => s.kind === 'stock').every((s: { leftOut?: string }) => s.leftOut === 'allowed')).toBe(true);
  });

  it('CSV ends with the summary row, the sum of the sentence rows', () => {
    const rows = parse(run(['check', copied, '--index', INDEX, '--csv']).stdout) as string[][];
    const sentences = rows.slice(1).filter((row) => row[0] !== '');
    const sum = (col: number): number => sentences.reduce((n, row) => n + Number(row[col]), 0);
    const summary = rows.find((row) => row[2] === 'summary')!;
    expect(summary.slice(8, 10)).toEqual([String(sum(8)), String(sum(9))]);
    expect(Number(summary[10])).toBeCloseTo(sum(9) / sum(8), 4);
    expect(sentences[0].slice(5, 8)).toEqual([SOURCE, 'verbatim', 'copied']);
  });

  it('check-only options are usage errors elsewhere, and bad values too', () => {
    const scan = run(['scan', 'corpus', '--no-quotes']);
    expect(scan.code).toBe(2);
    expect(scan.stderr).toBe('taohua: scan does not take --no-quotes (only check takes it)\n');
    const bad = run(['check', copied, '--index', INDEX, '--min-match', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('taohua: --min-match takes a whole number, not "x"\n');
    const missing = run(['check', copied, '--index', INDEX, '--allow', join(dir, 'missing.txt')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr.split('\n')).toHaveLength(2);
  });
});
