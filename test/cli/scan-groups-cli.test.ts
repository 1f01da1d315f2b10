// scan --meta / --group-by / --table groups* through the compiled CLI on corpus/, and metadata in
// check's sources; the truths come from the metadata file and the JSON's own members.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'taohua-groups-'));
const meta = join(dir, 'meta.csv');
const files = readdirSync('corpus').filter((f) => f.endsWith('.txt')).sort();
const REGIONS = ['华北', '华东', '华北', '西南', '华东'];
const regionOf = new Map(files.map((f, i) => [`corpus/${f}`, REGIONS[i]]));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // paths as file names only: matched by basename; a quoted field and a row for a missing file
  writeFileSync(meta, `path,region,note\n${files.map((f, i) => `${f},${REGIONS[i]},"a, b"`).join('\n')}\nmissing.txt,东北,\n`);
});

describe('scan over groups (CLI)', () => {
  let json: { phrases: Array<{ text: string; template: string; docFreq: number; groups: Array<{ group: string; docs: number }> }> };

  it('--json: documents carry their metadata; phrases their groups, computed from their members; --html beside it', () => {
    const html = join(dir, 'scan.html');
    const r = run(['scan', 'corpus', '--meta', meta, '--group-by', 'region', '--json', '--html', html]);
    expect(readdirSync(dir)).toContain('scan.html');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/meta\.csv: 1 row\(s\) match no document \(missing\.txt\)/);
    json = JSON.parse(r.stdout);
    for (const d of (json as unknown as { documents: Array<{ path: string; meta: unknown }> }).documents) expect(d.meta).toEqual({ region: regionOf.get(d.path), note: 'a, b' });
    expect((json as unknown as { groupBy: { groups: unknown } }).groupBy.groups).toEqual([
      { group: '华东', docs: 2 },
      { group: '华北', docs: 2 },
      { group: '西南', docs: 1 },
    ]);
    for (const p of json.phrases) {
      const byRegion = new Map<string, Set<string>>();
      for (const m of p.members) byRegion.set(regionOf.get(m.doc)!, (byRegion.get(regionOf.get(m.doc)!) ?? new Set()).add(m.doc));
      expect(new Map(p.groups.map((g: { group: string; docs: number }) => [g.group, g.docs]))).toEqual(new Map([...byRegion].map(([g, s]) => [g, s.size])));
    }
  });

  it('--table groups-wide agrees with the JSON groups', () => {
    const wide = parse(run(['scan', 'corpus', '--meta', meta, '--group-by', 'region', '--csv', '--table', 'groups-wide', '-q']).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(wide[0]).slice(-3)).toEqual(['华东', '华北', '西南']);
    expect(wide).toHaveLength(json.phrases.length);
    wide.forEach((w, i) => {
      const p = json.phrases[i];
      expect([w.phrase, w.template, Number(w.docFreq)]).toEqual([p.text, p.template, p.docFreq]);
      for (const g of ['华东', '华北', '西南']) expect(Number(w[g])).toBe(p.groups.find((x) => x.group === g)?.docs ?? 0);
      expect(p.groups.reduce((n, x) => n + x.docs, 0)).toBe(p.docFreq);
    });
  });

  it('refuses what cannot be grouped with exit 2', () => {
    expect(run(['scan', 'corpus', '--csv', '--table', 'groups']).code).toBe(2);
    const none = run(['scan', 'corpus', '--group-by', 'year']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^taohua: --group-by year: no document has a year/);
    expect(run(['scan', 'corpus', '--meta', join(dir, 'nope.csv')]).code).toBe(3);
  });

  it('check --json and --csv name their sources with their metadata', () => {
    const r = run(['check', 'corpus/000_1d961a0082aa0431.txt', '--against', 'corpus', '--meta', meta, '--json']);
    const sources = JSON.parse(r.stdout).sources as Array<{ doc: string; meta?: Record<string, string> }>;
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s.meta?.region).toBe(regionOf.get(s.doc));
    const csv = parse(run(['check', 'corpus/000_1d961a0082aa0431.txt', '--against', 'corpus', '--meta', meta, '--csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(csv[0]).slice(-3)).toEqual(['ratio', 'source_note', 'source_region']);
    expect(Object.keys(csv[0])).toContain('source');
    for (const row of csv) expect(row.source_region).toBe(row.source ? regionOf.get(row.source) : '');
  });
});
