import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyTier, inPlaceName, inPlaceNameByJieba, literalView } from '../../src/align/tiers.js';

describe('classifyTier reads the original characters', () => {
  it('spinner synonyms and antonyms are reworded, never verbatim', () => {
    expect(classifyTier('片面提高劳动者素质', '全面提高劳动者素质')).toBe('reworded');
    expect(classifyTier('今年将在安徽省停止试点', '今年将在安徽省进行试点')).toBe('reworded');
    expect(classifyTier('各部分要切实负起责任', '各部门要切实负起责任')).toBe('reworded');
  });

  it('width, script and white space are verbatim', () => {
    expect(classifyTier('切實維護學校及其周邊治安秩序', '切实维护学校及其周边治安秩序')).toBe('verbatim');
    expect(classifyTier('ＧＤＰ增长５％', 'GDP增长 5%')).toBe('verbatim');
  });

  it('new numbers, dates, placeholders or places are figures', () => {
    expect(classifyTier('2024年国内生产总值增长5.2%', '2023年国内生产总值增长5.5%')).toBe('figures');
    expect(classifyTier('20xx年全县完成投资××亿元', '2019年全县完成投资12亿元')).toBe('figures');
    expect(classifyTier('今年将在江苏省进行试点', '今年将在安徽省进行试点')).toBe('figures');
    expect(classifyTier('3月5日召开会议', '4月10日召开会议')).toBe('figures');
  });

  it('a word added is reworded even next to a number', () => {
    expect(classifyTier('国内生产总值稳步增长5%', '国内生产总值增长5%')).toBe('reworded');
  });

  it('the literal view folds width and script only', () => {
    expect(literalView('發展 ，２０')).toBe('发展,20');
    expect(literalView('效劳')).toBe('效劳');
  });
});

describe('place names without loading jieba', () => {
  it('the dictionary bound gives what jieba tags give, on every short stretch of corpus sentences', () => {
    const dir = fileURLToPath(new URL('../../corpus/', import.meta.url));
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/[。！？\n]/))
      .map(literalView)
      .filter((s) => s.length >= 8)
      .slice(0, 300);
    const known = ['在东湖区人民政府的领导下', '北京市和上海市', '湖北省武汉市江岸区'];
    let places = 0;
    for (const text of [...known, ...texts]) {
      for (let at = 0; at < text.length; at += 3) {
        for (const length of [1, 2, 3]) {
          if (at + length > text.length) continue;
          const byJieba = inPlaceNameByJieba(text, at, length);
          expect(inPlaceName(text, at, length)).toBe(byJieba);
          if (byJieba) places++;
        }
      }
    }
    expect(places).toBeGreaterThan(10);
  });
});
