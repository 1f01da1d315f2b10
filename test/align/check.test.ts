import OpenCC from 'opencc-js/cn2t';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, check, textDocument } from '../../src/index.js';
import type { CheckResult, CorpusIndex, SentenceResult } from '../../src/index.js';

let index: CorpusIndex;
beforeAll(async () => {
  index = (await buildIndex(['corpus'])).index;
});

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const COPIED = '四年来，在上级党委、政府和教育主管部门的正确领导下，在同志们的关心支持下，我在工作中尽职尽责，尽心尽力，取得了一定的成绩。';
const TRADITIONAL_SOURCE = '切實維護學校及其周邊治安秩序,加強學校在交通、飲食衛生、消防、房舍、防洪、防震、防雷等方面的安全防范能力,創建安全文明校園。';
const ORIGINAL = '今天早上我骑自行车去公园看了樱花，心情非常愉快，回来的路上还买了两斤橘子。';
const COMMON_WORDS = '教育局的同志们今年工作很忙，学校的发展离不开大家，我们下周一起去看望退休老教师。';

async function checkText(text: string): Promise<CheckResult> {
  return check(textDocument(text, 'draft.txt'), index);
}

function only(r: CheckResult): SentenceResult {
  expect(r.sentences).toHaveLength(1);
  return r.sentences[0];
}

function stockText(text: string, s: SentenceResult): string {
  return s.spans.filter((x) => x.kind === 'stock').map((x) => text.slice(x.start, x.end)).join('');
}

describe('check finds each kind of copy', () => {
  it('verbatim: stock, all characters stock, the source listed', async () => {
    const s = only(await checkText(COPIED));
    expect(s.label).toBe('stock');
    expect(s.similarity).toBe(1);
    expect(stockText(COPIED, s)).toBe(COPIED);
    expect(s.matches[0].doc).toBe('corpus/000_1d961a0082aa0431.txt');
    expect(s.matches[0].text).toContain('尽职尽责');
  });

  it('the other script both ways', async () => {
    const traditional = toTraditional(COPIED);
    expect(traditional).not.toBe(COPIED);
    expect(only(await checkText(traditional)).label).toBe('stock');
    const simplified = '切实维护学校及其周边治安秩序，加强学校在交通、饮食卫生、消防、房舍、防洪、防震、防雷等方面的安全防范能力，创建安全文明校园。';
    const s = only(await checkText(simplified));
    expect(s.label).toBe('stock');
    expect(s.matches[0].text).toBe(TRADITIONAL_SOURCE);
  });

  it('numbers, places and placeholders changed', async () => {
    const text = '目前，我区小学适龄人口入学率达到98.5%，初中适龄人口入学率达到93%以上，小学生年辍学率0.5%以下，初中生年辍学率1.2%。';
    const s = only(await checkText(text));
    expect(s.label).toBe('stock');
    expect(s.matches[0].doc).toBe('corpus/000_1d961a0082aa0431.txt');
    const year = only(await checkText('我于2019年5月被任命为区教育局局长。'));
    expect(year.label).toBe('stock');
  });

  it('spun with synonyms', async () => {
    const spun = COPIED.replace('领导', '指导').replace('工作', '任务').replace('取得', '获得');
    const s = only(await checkText(spun));
    expect(['stock', 'edited']).toContain(s.label);
    expect(stockText(spun, s).length).toBeGreaterThan(spun.length * 0.8);
  });

  it('a stock clause inside an original sentence: edited, only the clause stock', async () => {
    const text = '这个学期我们学校的食堂推出了新菜品，在同志们的关心支持下，孩子们吃得很开心。';
    const s = only(await checkText(text));
    expect(s.label).toBe('edited');
    expect(stockText(text, s)).toContain('在同志们的关心支持下');
    expect(stockText(text, s)).not.toContain('食堂');
  });

  it('leaves original sentences original, even with common words', async () => {
    for (const text of [ORIGINAL, COMMON_WORDS, 'The quick brown fox jumps over the lazy dog.']) {
      const s = only(await checkText(text));
      expect(s.label, text).toBe('original');
      expect(s.spans.every((x) => x.kind === 'original')).toBe(true);
      expect(s.matches).toEqual([]);
    }
  });

  it('a mixed draft: ratio, counts, spans that tile each sentence exactly', async () => {
    const draft = `${COPIED}\n${ORIGINAL}\n${toTraditional(COPIED)}`;
    const r = await checkText(draft);
    expect(r.counts).toMatchObject({ stock: 2, original: 1 });
    expect(r.stockRatio).toBeGreaterThan(0.55);
    expect(r.stockRatio).toBeLessThan(0.8);
    for (const s of r.sentences) {
      expect(draft.slice(s.start, s.end)).toBe(s.text);
      expect(s.spans[0].start).toBe(s.start);
      expect(s.spans[s.spans.length - 1].end).toBe(s.end);
      for (let i = 1; i < s.spans.length; i++) expect(s.spans[i].start).toBe(s.spans[i - 1].end);
    }
    expect(r.sources[0].doc).toBe('corpus/000_1d961a0082aa0431.txt');
  });
});
