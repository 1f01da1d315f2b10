import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, documentsCsv, phrasesCsv, sentencesCsv } from '../../src/report/csv.js';
import type { DocumentStats, Phrase } from '../../src/types.js';
import { workReportFixture } from './check-fixture.js';

const phrases: Phrase[] = [
  {
    text: '在县委、县政府的正确领导下，',
    template: '在{X}、{X}的正确领导下，',
    slots: [
      { kind: 'X', variants: [{ text: '县委', count: 3 }, { text: '市委', count: 1 }], others: 0 },
      { kind: 'X', variants: [{ text: '县政府', count: 3 }], others: 1 },
    ],
    docFreq: 3,
    count: 4,
    meanChars: 14,
    docs: ['a.txt', 'b, with comma.txt', 'c.txt'],
    members: [
      { doc: 'a.txt', start: 0, end: 14, text: '在县委、县政府的正确领导下，' },
      { doc: 'b, with comma.txt', start: 5, end: 19, text: '在市委、市政府的正确领导下，' },
    ],
  },
  {
    text: '他说："坚持，就是胜利"\r\n第二行',
    template: '他说："{X}"\n第二行',
    slots: [{ kind: 'X', variants: [{ text: '坚持，就是胜利', count: 1 }, { text: '', count: 1 }], others: 0 }],
    docFreq: 2,
    count: 2,
    meanChars: 12.5,
    docs: ['引号"文件".txt', 'd.txt'],
    members: [{ doc: 'd.txt', start: 0, end: 12, text: 'plain' }],
  },
];

function rows(csv: string, bom = false): string[][] {
  return parse(csv, { bom, relax_column_count: false }) as string[][];
}

describe('csv', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(undefined)).toBe('');
  });

  it('writes phrases with CRLF line ends and round-trips through csv-parse', () => {
    const csv = phrasesCsv(phrases, {});
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe('phrase,template,variants,docFreq,count,meanChars,example,docs,kind,formula');
    expect(rows(csv)).toEqual([
      ['phrase', 'template', 'variants', 'docFreq', 'count', 'meanChars', 'example', 'docs', 'kind', 'formula'],
      [
        '在县委、县政府的正确领导下，',
        '在{X}、{X}的正确领导下，',
        '县委 ×3 / 市委 ×1 ; 县政府 ×3 / … ×1',
        '3',
        '4',
        '14',
        '在县委、县政府的正确领导下，',
        'a.txt | b, with comma.txt | c.txt',
        'cluster',
        '',
      ],
      ['他说："坚持，就是胜利"\r\n第二行', '他说："{X}"\n第二行', '坚持，就是胜利 ×1 / ∅ ×1', '2', '2', '12.5', 'plain', '引号"文件".txt | d.txt', 'cluster', ''],
    ]);
  });

  it('puts a BOM first when asked', () => {
    const csv = phrasesCsv(phrases, { bom: true });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(rows(csv, true)[0][0]).toBe('phrase');
    expect(rows(csv, true)).toEqual(rows(phrasesCsv(phrases)));
  });

  it('writes document stats', () => {
    const docs: DocumentStats[] = [{ path: '报告,2023.txt', chars: 1200, stockChars: 300, stockRatio: 0.25, phrases: 7 }];
    expect(rows(documentsCsv(docs, { bom: true }), true)).toEqual([
      ['document', 'chars', 'stockChars', 'stockRatio', 'phrases'],
      ['报告,2023.txt', '1200', '300', '0.25', '7'],
    ]);
  });

  it('writes one row per sentence with its best source', () => {
    const { result } = workReportFixture();
    const table = rows(sentencesCsv(result, {}));
    expect(table[0]).toEqual(['start', 'end', 'label', 'similarity', 'text', 'source', 'tier', 'reuse', 'chars', 'stockChars', 'ratio']);
    expect(table).toHaveLength(result.sentences.length + 2);
    result.sentences.forEach((s, i) => {
      const best = [...s.matches].sort((a, b) => b.similarity - a.similarity)[0];
      expect(table[i + 1].slice(0, 6)).toEqual([String(s.start), String(s.end), s.label, String(s.similarity), s.text, best?.doc ?? '']);
    });
    // The summary row carries the whole draft's figures, as in the JSON.
    const summary = table[table.length - 1];
    expect(summary[2]).toBe('summary');
    expect(summary.slice(8)).toEqual([String(result.chars), String(result.stockChars), String(result.stockRatio)]);
  });
});
