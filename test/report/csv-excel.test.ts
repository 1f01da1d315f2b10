import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvTable, excelSafe } from '../../src/report/csv.js';

// Cells an attacker could plant in a corpus document (they end up in phrase, example and path columns).
const hostile = ['=HYPERLINK("http://evil.example","点击")', '+1+cmd|/C calc!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '普通文字', '= 不是公式？', ''];

function cells(csv: string): string[][] {
  return parse(csv, { bom: true }) as string[][];
}

describe('CSV for Excel (--bom)', () => {
  it('prefixes an apostrophe to every text cell that starts with = + - @ tab or CR, and to nothing else', () => {
    const table = cells(csvTable(['text', 'n'], hostile.map((t) => [t, -5]), { bom: true }));
    table.slice(1).forEach(([text, n], i) => {
      const original = hostile[i];
      const dangerous = ['=', '+', '-', '@', '\t', '\r'].includes(original.charAt(0));
      expect(text).toBe(dangerous ? `'${original}` : original);
      expect(n).toBe('-5'); // numbers are data, not formulas
    });
    expect(excelSafe(-1)).toBe(-1);
  });

  it('plain --csv stays a faithful round trip of the same cells', () => {
    const table = cells(csvTable(['text'], hostile.map((t) => [t])));
    expect(table.slice(1).map((r) => r[0])).toEqual(hostile);
  });
});
