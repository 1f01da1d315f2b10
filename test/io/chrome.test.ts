import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { chromeRanges, learnChrome, type ChromeModel } from '../../src/io/chrome.js';
import type { SourceDoc } from '../../src/types.js';
import { expectWellFormedRanges } from './ranges.js';

const corpusDir = fileURLToPath(new URL('../../corpus/', import.meta.url));
const gwrDir = fileURLToPath(new URL('../../../shared/gwr/', import.meta.url));

function load(dir: string): SourceDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: f, text: readFileSync(dir + f, 'utf8'), format: 'txt' as const, encoding: 'utf-8' }));
}

/** The chrome text of a document, piece by piece. */
function pieces(text: string, model: ChromeModel): string[] {
  const r = chromeRanges(text, model);
  const out: string[] = [];
  for (let i = 0; i < r.length; i += 2) out.push(text.slice(r[i], r[i + 1]));
  return out;
}

function covered(text: string, r: Int32Array, needle: string): 'all' | 'none' | 'part' {
  const s = text.indexOf(needle);
  if (s < 0) throw new Error(`not in text: ${needle}`);
  const e = s + needle.length;
  let inside = 0;
  for (let i = 0; i < r.length; i += 2) inside += Math.max(0, Math.min(e, r[i + 1]) - Math.max(s, r[i]));
  return inside === 0 ? 'none' : inside === needle.length ? 'all' : 'part';
}


describe('chrome on corpus/', () => {
  const docs = load(corpusDir);
  const model = learnChrome(docs);
  const byName = (prefix: string): SourceDoc => {
    const d = docs.find((x) => x.path.startsWith(prefix));
    if (d === undefined) throw new Error(prefix);
    return d;
  };

  it('learns a JSON-serialisable model', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.lines).toContain('下载文档');
  });

  it('marks the site junk lines', () => {
    const junk: [string, string[]][] = [
      ['000', ['预览阅读已结束,若您需要全文或代笔。', '请点击👉 mooonya 👈联系老师', '- 下一篇:在乡村主街道通车典礼上的讲话']],
      ['001', ['( wWw.850500.cOm 转载请注明 )']],
      ['002', ['时间:2023-01-28 作者:储xy', '简介:百分文库小编为你整理了这篇', '局长述职报告 | 副局长述职报告', '相关范文推荐', '百分文库为您整理了《有关诚信的演讲稿通用(9篇)》']],
      ['003', ['時間:2022-12-02 08:27:00', '導語:干部履行工作職責個人述職報告一文來源于網友上傳', '- 上一篇:語文老師期末具體工作小結', '- 下一篇:觀看廣州亞運會心得體會']],
      ['004', ['分享\n2023年县教育和科技局年度工作总结.docx\n下载文档', 'ID:787524', '网站客服:3074922707', '2023 教育 科技局 年度工作 总结', '此文档下载收益归作者所有', '你可能关注的文档\n收起\n展开']],
    ];
    for (const [name, needles] of junk) {
      const d = byName(name);
      const r = chromeRanges(d.text, model);
      expectWellFormedRanges(d.text, r);
      for (const n of needles) expect([name, n, covered(d.text, r, n)]).toEqual([name, n, 'all']);
    }
  });

  it('marks only the watermark inside a body line', () => {
    const d = byName('001');
    const r = chromeRanges(d.text, model);
    expect(covered(d.text, r, '努力提高教学质量。')).toBe('none');
  });

  it('leaves body sentences, titles and recurring formulas unmarked', () => {
    const body: [string, string[]][] = [
      ['000', ['我于20xx年5月被任命为县教育局局长。', '一、取得的主要成绩', '在上级党委、政府和教育主管部门的正确领导下,在全体教职工的共同努力下', '为实现中华民族伟大复兴的中国梦作出更大贡献!']],
      ['002', ['教育局副局长述职报告怎么写\n', '一、关于岗位职责履行情况', '基层工会组织体系基本健全']],
      ['003', ['干部履行工作職責個人述職報告\n', '尊敬的各位領導,各位專家:', '推進義務教育均衡發展。']],
      ['004', ['县教育和科技局年度工作总结 一年来,我县广阔教师和教育工作者在县委、县政府的正确领导下', '二、存在的主要困难和问题']],
    ];
    for (const [name, needles] of body) {
      const d = byName(name);
      const r = chromeRanges(d.text, model);
      for (const n of needles) expect([name, n, covered(d.text, r, n)]).toEqual([name, n, 'none']);
    }
  });

  it('never splits a surrogate pair', () => {
    for (const d of docs) {
      const r = chromeRanges(d.text, model);
      for (const off of r) {
        if (off > 0 && off < d.text.length) {
          const c = d.text.charCodeAt(off);
          expect(c >= 0xdc00 && c <= 0xdfff).toBe(false);
        }
      }
    }
  });

  it('works with an empty model (form patterns only)', () => {
    const d = byName('000');
    expect(pieces(d.text, { lines: [] }).join('|')).toContain('预览阅读已结束');
  });
});

describe.skipIf(!existsSync(gwrDir))('chrome on ../shared/gwr', () => {
  const docs = existsSync(gwrDir) ? load(gwrDir) : [];
  const model = docs.length > 0 ? learnChrome(docs) : { lines: [] };

  it('marks the whole licence footer of every file and not the last report sentence', () => {
    let footers = 0;
    for (const d of docs) {
      for (const m of [model, { lines: [] }]) {
        const r = chromeRanges(d.text, m);
        expectWellFormedRanges(d.text, r);
        const footer = d.text.search(/\n本作品/);
        if (footer < 0) {
          expect([d.path, r.length]).toEqual([d.path, 0]); // the short resolutions without a footer
          continue;
        }
        footers++;
        const footerText = d.text.slice(footer + 1).trimEnd();
        expect([d.path, covered(d.text, r, footerText)]).toEqual([d.path, 'all']);
        const body = d.text.slice(0, footer).trimEnd();
        const lastLine = body.slice(body.lastIndexOf('\n') + 1);
        expect([d.path, lastLine, covered(d.text, r, lastLine)]).toEqual([d.path, lastLine, 'none']);
      }
    }
    expect(footers).toBeGreaterThan(100);
  });

  it('leaves the report sentences unmarked', () => {
    for (const d of docs) {
      const r = chromeRanges(d.text, model);
      const footer = d.text.search(/\n本作品/);
      const end = footer < 0 ? d.text.length : footer;
      // every marked piece of the body is short (a title or byline line), never a sentence
      for (let i = 0; i < r.length; i += 2) {
        if (r[i] >= end) continue;
        const piece = d.text.slice(r[i], Math.min(r[i + 1], end));
        expect([d.path, piece, /[。！？]/.test(piece)]).toEqual([d.path, piece, false]);
      }
    }
  });

  it('does not mark a formulaic sentence that recurs in many bodies', () => {
    const formula = '在县委、县政府的正确领导下，我们圆满完成了全年各项工作任务。';
    const bodies = docs.slice(0, 6).map((d, i) => ({ ...d, path: `f${i}`, text: `${formula}\n${d.text}` }));
    const m = learnChrome(bodies);
    expect(m.lines).not.toContain(formula);
    const r = chromeRanges(bodies[0].text, m);
    expect(covered(bodies[0].text, r, formula)).toBe('none');
  });
});
