// Grouping, dispersion and KWIC on small cases whose answers are worked out by hand or by brute force.
import { describe, expect, it } from 'vitest';
import { griesDp, orderGroups, spreadOver, type Occurrence } from '../../src/meta/groups.js';
import { textOccurrences } from '../../src/meta/occurrences.js';
import { kwicLines, sortKwic } from '../../src/report/kwic.js';

const occ = (doc: string, start = 0): Occurrence => ({ doc, start, end: start + 1 });

describe('groups and dispersion', () => {
  it('orders years numerically and other values by code point', () => {
    expect(orderGroups(['2010', '954', '1998', '2010'])).toEqual(['954', '1998', '2010']);
    expect(orderGroups(['广东', '北京', 'x'])).toEqual(['x', '北京', '广东'].sort());
  });

  it('counts documents and occurrences per group; documents without a value are in none', () => {
    const year: Record<string, string> = { a: '2001', b: '2001', c: '1999' };
    const s = spreadOver([occ('a'), occ('a', 5), occ('b'), occ('c'), occ('d')], (d) => year[d], ['1999', '2001']);
    expect(s).toEqual({ groups: [{ group: '1999', docs: 1, count: 1 }, { group: '2001', docs: 2, count: 3 }], first: '1999', last: '2001' });
  });

  it("Gries' DP: 0 when occurrences follow document sizes, 1 when all sit in the smallest document", () => {
    const sizes = new Map([['a', 100], ['b', 300]]);
    expect(griesDp([occ('a'), occ('b'), occ('b'), occ('b')], sizes)).toBe(0);
    expect(griesDp([occ('a'), occ('a')], sizes)).toBe(1); // DP 0.75, the most possible (1 − 0.25)
    expect(griesDp([occ('b'), occ('b')], sizes)).toBeCloseTo(1 / 3, 4); // DP 0.25 of 0.75
    // brute force on three documents: 0.5 · Σ|observed − expected|, over 1 − the smallest share
    const three = new Map([['a', 1], ['b', 1], ['c', 2]]);
    const observed = [2 / 3, 1 / 3, 0];
    const expected = [0.25, 0.25, 0.5];
    const dp = (0.5 * observed.reduce((n, o, i) => n + Math.abs(o - expected[i]), 0)) / (1 - 0.25);
    expect(griesDp([occ('a'), occ('a'), occ('b')], three)).toBeCloseTo(dp, 4);
  });
});

describe('KWIC', () => {
  const docs = [
    { path: 'a', text: '我们要坚持稳中求進，推动发展。\n必须坚持稳中求进工作总基调' },
    { path: 'b', text: '全年坚持穩中求進。' },
  ];

  it('finds a phrase written in either script, with original offsets', () => {
    const found = textOccurrences(docs, '稳中求进');
    expect(found.map((o) => docs.find((d) => d.path === o.doc)!.text.slice(o.start, o.end))).toEqual(['稳中求進', '稳中求进', '穩中求進']);
  });

  it('cuts left and right context and sorts like a concordancer', () => {
    const lines = kwicLines(textOccurrences(docs, '稳中求进'), (p) => docs.find((d) => d.path === p)?.text, 4);
    expect(lines.map((l) => [l.left, l.node, l.right])).toEqual([
      ['我们要坚持'.slice(-4), '稳中求進', '，推动发'],
      ['。 必须坚持'.slice(-4), '稳中求进', '工作总基'],
      ['全年坚持', '穩中求進', '。'],
    ]);
    const byLeft = sortKwic(lines, 'left').map((l) => [...l.left].reverse().join(''));
    expect(byLeft).toEqual([...byLeft].sort());
    const byRight = sortKwic(lines, 'right').map((l) => l.right);
    expect(byRight).toEqual([...byRight].sort());
  });
});

describe('KWIC as CSV', () => {
  it('has one row per occurrence with its offsets, context and group', async () => {
    const { kwicCsv } = await import('../../src/report/kwic-csv.js');
    const { parse } = await import('csv-parse/sync');
    const docs = [{ path: 'r/2019.txt', text: '必须坚持稳中求进，"引号"也在。' }];
    const lines = kwicLines(textOccurrences(docs, '稳中求进'), () => docs[0].text, 3);
    const rows = parse(kwicCsv(lines, { groupBy: 'year', meta: new Map([['r/2019.txt', { year: '2019' }]]) }), { columns: true });
    expect(rows).toEqual([{ document: 'r/2019.txt', start: '4', end: '8', left: '须坚持', match: '稳中求进', right: '，"引', year: '2019' }]);
  });
});
