// The researcher's questions on ../shared/gwr, with truths from plain string search of the files:
// in which years does a phrase occur, in how many documents, and in what context.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { metaForDocs, parseMetaTable } from '../../src/meta/doc-meta.js';
import { orderGroups, spreadOver } from '../../src/meta/groups.js';
import { textOccurrences } from '../../src/meta/occurrences.js';
import { kwicLines } from '../../src/report/kwic.js';
import { groupsLongCsv } from '../../src/report/groups-csv.js';
import type { GroupedPhrase, Grouping } from '../../src/meta/phrase-groups.js';

const GWR = '../shared/gwr';
const CLI = join(process.cwd(), 'dist/src/cli/main.js');
const META = 'examples/gwr-meta.csv';

interface Doc {
  path: string;
  text: string;
}

/** The file contains the phrase as written, in simplified or traditional script. */
function contains(text: string, simplified: string, traditional: string): boolean {
  return text.includes(simplified) || text.includes(traditional);
}

describe.skipIf(!existsSync(GWR))('phrases over years on gwr', () => {
  let docs: Doc[];
  /** The year of each file, read from the metadata CSV with a CSV parser (not the engine's reader). */
  let yearOf: Map<string, string>;
  let scan: { documents: Array<{ path: string; meta?: Record<string, string> }>; phrases: GroupedPhrase[]; groupBy: Grouping };

  beforeAll(() => {
    docs = readdirSync(GWR)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ path: join(GWR, f), text: readFileSync(join(GWR, f), 'utf8') }));
    const rows = parse(readFileSync(META, 'utf8'), { columns: true }) as Array<{ path: string; year: string }>;
    yearOf = new Map(rows.map((r) => [join(GWR, r.path), r.year]));
    const r = spawnSync(process.execPath, [CLI, 'scan', GWR, '--meta', META, '--group-by', 'year', '--json', '-q'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    scan = JSON.parse(r.stdout);
  });

  it('the years in which 稳中求进 occurs are exactly the years whose files contain it', () => {
    const truth = new Set(docs.filter((d) => contains(d.text, '稳中求进', '穩中求進')).map((d) => yearOf.get(d.path)!));
    // years from file names only (resolutions have none), and with the metadata CSV
    const byName = metaForDocs(docs.map((d) => d.path));
    const nameYear = new Map(docs.map((d, i) => [d.path, byName[i].year]));
    const found = textOccurrences(docs, '稳中求进');
    const spread = spreadOver(found, (d) => nameYear.get(d), orderGroups([...nameYear.values()].filter((y): y is string => !!y)));
    const namedTruth = new Set(docs.filter((d) => /^\d{4}/.test(d.path.split('/').pop()!) && contains(d.text, '稳中求进', '穩中求進')).map((d) => d.path.split('/').pop()!.slice(0, 4)));
    expect(new Set(spread.groups.map((g) => g.group))).toEqual(namedTruth);
    const withCsv = spreadOver(found, (d) => yearOf.get(d), orderGroups(yearOf.values()));
    expect(new Set(withCsv.groups.map((g) => g.group))).toEqual(truth);
    expect(withCsv.first).toBe([...truth].sort()[0]);
  });

  it('以人民为中心 is in as many documents as files contain it; each KWIC line is the file text', () => {
    const truth = docs.filter((d) => contains(d.text, '以人民为中心', '以人民為中心')).length;
    const found = textOccurrences(docs, '以人民为中心');
    expect(new Set(found.map((o) => o.doc)).size).toBe(truth);
    const textOf = (p: string): string | undefined => docs.find((d) => d.path === p)?.text;
    for (const l of kwicLines(found, textOf, 10)) {
      const text = textOf(l.doc)!;
      expect(l.node).toBe(text.slice(l.start, l.end).replace(/\s+/g, ' '));
      expect(l.left).toBe(text.slice(Math.max(0, l.start - 10), l.start).replace(/\s+/g, ' '));
      expect(l.right).toBe(text.slice(l.end, l.end + 10).replace(/\s+/g, ' '));
    }
  });

  it('scan --group-by year: every phrase lists the years of its members, and members say what the file says', () => {
    expect(scan.documents.every((d) => d.meta?.year === yearOf.get(d.path))).toBe(true);
    expect(scan.groupBy.groups.map((g) => g.group)).toEqual([...new Set(yearOf.values())].sort((a, b) => Number(a) - Number(b)));
    for (const p of scan.phrases) {
      const docsByYear = new Map<string, Set<string>>();
      for (const m of p.members) {
        const y = yearOf.get(m.doc)!;
        if (!docsByYear.has(y)) docsByYear.set(y, new Set());
        docsByYear.get(y)!.add(m.doc);
      }
      const years = [...docsByYear.keys()].sort((a, b) => Number(a) - Number(b));
      expect(p.groups!.map((g) => [g.group, g.docs])).toEqual(years.map((y) => [y, docsByYear.get(y)!.size]));
      expect([p.first, p.last]).toEqual([years[0], years.at(-1)]);
      expect(p.dp).toBeGreaterThanOrEqual(0);
      expect(p.dp).toBeLessThanOrEqual(1);
    }
    const steady = scan.phrases.filter((p) => p.members.every((m) => m.text.includes('稳中求进') || m.text.includes('穩中求進')));
    expect(steady.length).toBeGreaterThan(0);
    for (const p of steady) {
      for (const g of p.groups!) {
        const holders = docs.filter((d) => yearOf.get(d.path) === g.group && contains(d.text, '稳中求进', '穩中求進'));
        expect(holders.length).toBeGreaterThanOrEqual(g.docs);
      }
    }
  });

  it('the long CSV has one row per phrase and year it occurs in, and parses back', () => {
    const rows = parse(groupsLongCsv(scan.phrases, scan.groupBy), { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBe(scan.phrases.reduce((n, p) => n + p.groups!.length, 0));
    const perYear = new Map(scan.groupBy.groups.map((g) => [g.group, g.docs]));
    for (const r of rows) expect(Number(r.groupDocs)).toBe(perYear.get(r.group));
  });
});
