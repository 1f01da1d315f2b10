// `find PHRASE --group-by year --csv` on gwr: one row per occurrence, offsets and context checked
// against the files, the year of each row the year of its file (examples/gwr-meta.csv).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { metaForDocs, parseMetaTable } from '../../src/meta/doc-meta.js';

const GWR = '../shared/gwr';
const CLI = join(process.cwd(), 'dist/src/cli/main.js');
const META = 'examples/gwr-meta.csv';
const PHRASE = '稳中求进';

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });

describe.skipIf(!existsSync(GWR))('find on gwr (CLI)', () => {
  it('gives one CSV row per occurrence, with its group, offsets and context', () => {
    const r = run('find', PHRASE, '--against', GWR, '--meta', META, '--group-by', 'year', '--csv', '--context', '12', '-q');
    expect(r.status, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0])).toEqual(['group', 'doc', 'start', 'end', 'left', 'match', 'right']);
    const meta = parseMetaTable(readFileSync(META, 'utf8'), META);
    const texts = new Map<string, string>();
    let truth = 0;
    for (const row of rows) {
      if (!texts.has(row.doc)) texts.set(row.doc, readFileSync(row.doc, 'utf8'));
      const t = texts.get(row.doc)!;
      const [start, end] = [Number(row.start), Number(row.end)];
      expect(t.slice(start, end)).toBe(row.match);
      expect(t.slice(Math.max(0, start - 12), start)).toBe(row.left);
      expect(t.slice(end, end + 12)).toBe(row.right);
      expect(row.group).toBe(metaForDocs([row.doc], meta)[0].year ?? '');
    }
    for (const f of readdirSync(GWR).filter((f) => f.endsWith('.txt'))) {
      const t = readFileSync(join(GWR, f), 'utf8');
      for (let i = t.indexOf(PHRASE); i >= 0; i = t.indexOf(PHRASE, i + 1)) truth++;
    }
    expect(rows.length).toBe(truth);
  });

  it('sorts by right context and refuses what does not apply', () => {
    const r = run('find', PHRASE, '--against', GWR, '--sort', 'right', '--json', '-q');
    const right = (JSON.parse(r.stdout) as { occurrences: Array<{ right: string }> }).occurrences.map((o) => o.right);
    expect(right).toEqual([...right].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(run('find', PHRASE, '--against', GWR, '--sort', 'docFreq').status).toBe(2);
    expect(run('find', PHRASE, '--against', GWR, '--threshold', '0.5').status).toBe(2);
  });
});
