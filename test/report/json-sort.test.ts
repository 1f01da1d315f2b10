import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/report/json.js';
import { filterPhrases, sortPhrases } from '../../src/report/sort.js';
import type { CompareResult, Phrase } from '../../src/types.js';
import { workReportFixture } from './check-fixture.js';

function phrase(text: string, docFreq: number, count: number, meanChars: number, template = text): Phrase {
  return { text, template, slots: [], docFreq, count, meanChars, docs: [], members: [] };
}

describe('toJson', () => {
  it('uses the schema order whatever order objects were built in, 2-space indent, trailing newline', () => {
    const scrambled = {
      passages: [{ similarity: 1, bEnd: 4, aStart: 0, bStart: 0, aEnd: 4 }],
      similarity: 0.5,
      b: { sharedChars: 4, chars: 8, path: 'b.txt' },
      a: { chars: 8, path: 'a.txt', sharedChars: 4 },
      schema: 'taohua.compare/1',
    } as CompareResult;
    const json = toJson(scrambled);
    expect(json.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(json))).toEqual(['schema', 'a', 'b', 'similarity', 'passages']);
    expect(json).toContain('\n  "a": {\n    "path": "a.txt",\n    "chars": 8,\n    "sharedChars": 4\n  }');
    expect(Object.keys(JSON.parse(json).passages[0])).toEqual(['aStart', 'aEnd', 'bStart', 'bEnd', 'similarity']);
  });

  it('keeps check results in the order of types.ts and is stable', () => {
    const { result } = workReportFixture();
    const parsed = JSON.parse(toJson(result));
    expect(parsed).toEqual(result);
    expect(Object.keys(parsed)).toEqual(['schema', 'document', 'format', 'encoding', 'chars', 'stockChars', 'stockRatio', 'counts', 'sentences', 'sources']);
    expect(Object.keys(parsed.counts)).toEqual(['stock', 'edited', 'original', 'chrome']);
    expect(Object.keys(parsed.sentences[3])).toEqual(['start', 'end', 'text', 'label', 'similarity', 'heading', 'spans', 'matches']);
    expect(Object.keys(parsed.sentences[3].matches[0])).toEqual(['doc', 'start', 'end', 'text', 'similarity']);
    expect(Object.keys(parsed.sources[0])).toEqual(['doc', 'stockChars', 'sentences']);
    expect(toJson(JSON.parse(toJson(result)))).toBe(toJson(result));
  });

  it('orders phrase fields', () => {
    const slots = [{ variants: [{ count: 1, text: 'x' }], others: 0, kind: 'X' }];
    const p = { members: [{ text: 't', end: 1, start: 0, doc: 'd' }], docs: ['d'], text: 't', count: 1, docFreq: 1, template: '{X}', slots, meanChars: 1 };
    const parsed = JSON.parse(toJson({ phrases: [p], documents: [], schema: 'taohua.scan/1' }));
    expect(Object.keys(parsed)).toEqual(['schema', 'documents', 'phrases']);
    expect(Object.keys(parsed.phrases[0])).toEqual(['text', 'template', 'slots', 'docFreq', 'count', 'meanChars', 'docs', 'members']);
    expect(Object.keys(parsed.phrases[0].slots[0])).toEqual(['kind', 'variants', 'others']);
    expect(Object.keys(parsed.phrases[0].slots[0].variants[0])).toEqual(['text', 'count']);
    expect(Object.keys(parsed.phrases[0].members[0])).toEqual(['doc', 'start', 'end', 'text']);
  });
});

describe('sortPhrases / filterPhrases', () => {
  const list = [phrase('b', 2, 5, 10), phrase('a', 5, 5, 8), phrase('c', 2, 9, 30, '{X}c'), phrase('d', 1, 1, 4)];

  it('sorts by each key, descending by default, without touching the input', () => {
    expect(sortPhrases(list, 'docFreq').map((p) => p.text)).toEqual(['a', 'c', 'b', 'd']);
    expect(sortPhrases(list, 'count').map((p) => p.text)).toEqual(['c', 'a', 'b', 'd']);
    expect(sortPhrases(list, 'meanChars', false).map((p) => p.text)).toEqual(['d', 'a', 'b', 'c']);
    expect(sortPhrases(list, 'text', false).map((p) => p.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(sortPhrases(list, 'template', false).map((p) => p.text)).toEqual(['a', 'b', 'd', 'c']);
    expect(list.map((p) => p.text)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('filters by documents and length, then keeps the top', () => {
    expect(filterPhrases(list, { minDocs: 2 }).map((p) => p.text)).toEqual(['b', 'a', 'c']);
    expect(filterPhrases(list, { minDocs: 2, minChars: 9 }).map((p) => p.text)).toEqual(['b', 'c']);
    expect(filterPhrases(sortPhrases(list, 'count'), { top: 2 }).map((p) => p.text)).toEqual(['c', 'a']);
    expect(filterPhrases(list, {})).toHaveLength(4);
  });
});
