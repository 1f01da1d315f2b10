import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/options.js';
import { UNIT_HEADING } from '../../src/types.js';
import { normalise, originalRange } from '../../src/text/normalise.js';
import { segment } from '../../src/text/segment.js';
import { prepare } from '../../src/text/prepare.js';

function sentences(text: string): Array<{ text: string; heading: boolean }> {
  const n = normalise(text, DEFAULTS.normalise);
  const s = segment(n.text);
  const out = [];
  for (let i = 0; i < s.sentenceFlags.length; i++) {
    const [a, b] = originalRange(n, s.sentences[2 * i], s.sentences[2 * i + 1]);
    out.push({ text: text.slice(a, b), heading: (s.sentenceFlags[i] & UNIT_HEADING) !== 0 });
  }
  return out;
}

const texts = (t: string) => sentences(t).map((s) => s.text);

describe('segment', () => {
  it('ends sentences at Chinese and ASCII terminators, keeping closing quotes', () => {
    expect(texts('他说：“我们要发展。”大家同意！真的吗？是的;好')).toEqual(['他说：“我们要发展。”', '大家同意！', '真的吗？', '是的;', '好']);
  });

  it('splits headings off as their own units', () => {
    const s = sentences('一、取得的主要成绩\n（一）“两基”水平进一步提高，为全县义务教育奠定了基础。\n2.进一步优化乡镇小学教育。');
    expect(s.map((x) => x.text)).toEqual(['一、取得的主要成绩', '（一）', '“两基”水平进一步提高，为全县义务教育奠定了基础。', '2.', '进一步优化乡镇小学教育。']);
    expect(s.map((x) => x.heading)).toEqual([true, true, false, true, false]);
  });

  it('does not split Latin text inside numbers or abbreviations', () => {
    expect(texts('Pi is 3.14 today, e.g. in class. Dr. Smith agreed. Next one!')).toEqual([
      'Pi is 3.14 today, e.g. in class.',
      'Dr. Smith agreed.',
      'Next one!',
    ]);
  });

  it('joins scraped link text that sits on lines of its own', () => {
    const t = '各级政府认真实施《\n行政许可法\n》，取消和调整了一大批行政审批项目。\n本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议。';
    expect(texts(t)).toEqual([
      '各级政府认真实施《\n行政许可法\n》，取消和调整了一大批行政审批项目。',
      '本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议。',
    ]);
  });

  it('splits clauses at commas, colons and semicolons but keeps 、 lists whole', () => {
    const n = normalise('四年来，在县委、县政府的正确领导下，我们取得了成绩。', DEFAULTS.normalise);
    const s = segment(n.text);
    const clauses = [];
    for (let i = 0; i < s.clauses.length; i += 2) clauses.push(n.text.slice(s.clauses[i], s.clauses[i + 1]));
    expect(clauses).toEqual(['四年来,', '在县委、县政府的正确领导下,', '我们取得了成绩。']);
  });

  const files = readdirSync('corpus').filter((f) => f.endsWith('.txt')).map((f) => `corpus/${f}`);
  const gwr = existsSync('../shared/gwr') ? readdirSync('../shared/gwr').filter((f) => f.endsWith('.txt')).slice(0, 12).map((f) => `../shared/gwr/${f}`) : [];
  it.each([...files, ...gwr])('units of %s map back exactly, never overlap, and cover all text', (file) => {
    const text = readFileSync(file, 'utf8');
    const p = prepare({ path: file, text, format: 'txt', encoding: 'utf-8' }, DEFAULTS.normalise);
    const { sentences: s, clauses: c, clauseSentence } = p.segments;
    const covered = new Uint8Array(text.length);
    let lastEnd = 0;
    for (let i = 0; i < s.length; i += 2) {
      const [a, b] = originalRange(p.norm, s[i], s[i + 1]);
      expect(a).toBeGreaterThanOrEqual(lastEnd);
      expect(text.slice(a, b).trim()).toBe(text.slice(a, b));
      covered.fill(1, a, b);
      lastEnd = b;
    }
    for (let i = 0; i < text.length; i++) if (!covered[i] && text[i].trim() && !/[\u200b-\u200f\ufeff]/.test(text[i])) throw new Error(`uncovered ${JSON.stringify(text.slice(i, i + 10))}`);
    let lastClauseEnd = 0;
    for (let j = 0; j < clauseSentence.length; j++) {
      expect(c[2 * j]).toBeGreaterThanOrEqual(lastClauseEnd);
      const owner = clauseSentence[j];
      expect(c[2 * j] >= s[2 * owner] && c[2 * j + 1] <= s[2 * owner + 1]).toBe(true);
      lastClauseEnd = c[2 * j + 1];
    }
  });
});
