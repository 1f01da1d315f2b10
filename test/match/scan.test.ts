import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scan, textDocument } from '../../src/index.js';
import { indexDocuments, scanCorpus } from '../../src/pipeline.js';
import { normaliseOptions } from '../../src/options.js';

describe('scan', () => {
  it('ranks the phrases that recur across the sample documents, never page chrome', async () => {
    const r = await scan(['corpus']);
    expect(r.schema).toBe('taohua.scan/1');
    expect(r.documents).toHaveLength(5);
    const texts = r.phrases.map((p) => p.text);
    expect(texts.some((t) => t.includes('政府的正确领导下'))).toBe(true);
    expect(texts.some((t) => /下一篇|下载|转载/.test(t))).toBe(false);
    for (const p of r.phrases) {
      expect(p.docFreq).toBeGreaterThanOrEqual(2);
      expect(new Set(p.members.map((m) => m.doc)).size).toBe(p.docFreq);
      expect(p.count).toBe(p.members.length);
    }
    for (let i = 1; i < r.phrases.length; i++) expect(r.phrases[i - 1].docFreq).toBeGreaterThanOrEqual(r.phrases[i].docFreq);
    for (const d of r.documents) {
      expect(d.stockChars).toBeLessThanOrEqual(d.chars);
      expect(d.stockRatio).toBeCloseTo(d.stockChars / d.chars, 3);
    }
  });

  it('does not count a sentence repeated inside one document as shared', async () => {
    const o = normaliseOptions();
    const repeated = '我们要坚持把教育摆在优先发展的战略地位，切实办好人民满意的教育。';
    const index = await indexDocuments(
      [
        textDocument(`${repeated}\n${repeated}\n今天天气很好，我们去公园散步。`, 'a.txt'),
        textDocument('明天要下雨，大家记得带伞出门。', 'b.txt'),
      ],
      o,
    );
    expect(scanCorpus(index, o).phrases).toEqual([]);
    const shared = await indexDocuments([textDocument(repeated, 'a.txt'), textDocument(`前言。${repeated}`, 'b.txt')], o);
    const phrases = scanCorpus(shared, o).phrases;
    expect(phrases[0].docFreq).toBe(2);
    expect(phrases[0].text).toBe(repeated);
  });

  it.skipIf(!existsSync('../shared/gwr'))('finds the real formulas of the government work reports', async () => {
    const r = await scan(['../shared/gwr']);
    // Four-character formulas (社会主义, 改革开放) rank first; these are the longer ones.
    const top = r.phrases.filter((p) => p.text.length >= 6).slice(0, 40).map((p) => p.text).join('\n');
    expect(top).toContain('我代表国务院');
    expect(top).toContain('高举中国特色社会主义伟大旗帜');
    expect(r.phrases[0].docFreq).toBeGreaterThan(20);
    expect(r.phrases.some((p) => /本作品|Public domain|公有领域/.test(p.text))).toBe(false);
  });
});
