import { describe, expect, it } from 'vitest';
import { renderCheckTerminal, renderCompareTerminal, renderScanTerminal } from '../../src/report/terminal.js';
import type { CompareResult, ScanResult } from '../../src/types.js';
import { buildCheck, workReportFixture } from './check-fixture.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

describe('renderCheckTerminal', () => {
  const { result } = workReportFixture();

  it('marks stock spans with «» and labels each sentence without colour', () => {
    const out = renderCheckTerminal(result, { color: false });
    expect(out).not.toMatch(ANSI);
    expect(out).toContain('«我们坚持把发展经济的着力点放在实体经济上，»«深入实施创新驱动发展战略，»');
    // The column shows the stock share of the sentence's letters, digits and hanzi (the labels' rule), not a Jaccard.
    const stockContent = '全县地区生产总值增长一般公共预算收入增长'.length;
    const share = Math.round((100 * stockContent) / (stockContent + '6281'.length));
    expect(out).toMatch(new RegExp(`^EDITED\\s+${share}%\\s+«全县地区生产总值增长»6\\.2%«，一般公共预算收入增长»8\\.1%。$`, 'm'));
    expect(out).toMatch(/^original\s+今年秋季/m);
    expect(out).toContain(`stock ratio ${(result.stockRatio * 100).toFixed(1)}%`);
    expect(out).toContain('stock 3 · edited 2 · original 3 · chrome 3');
    expect(out).toMatch(/top sources:\n\s+1\. .*2022年某县政府工作报告\.txt/);
  });

  it('shows each stock sentence\'s tier and reuse marks and names its source', () => {
    const sentences = result.sentences.map((s, i) => (i === 3 ? { ...s, tier: 'figures' as const, reuse: 'formula' as const, source: 'corpus/a.txt' } : s));
    const out = renderCheckTerminal({ ...result, sentences }, { color: false });
    expect(out).toMatch(/^STOCK\s+Ff\s+\d+%\s+«过去的一年.*扎实推进高质量发展。\s+← corpus\/a\.txt$/m);
    expect(out).toContain('V verbatim, F figures, R reworded');
  });

  it('colours stock spans with ANSI when asked, and the text is unchanged once colour is stripped', () => {
    const out = renderCheckTerminal(result, { color: true });
    expect(out).toMatch(ANSI);
    expect(out).not.toContain('«');
    for (const s of result.sentences) expect(out.replace(ANSI, '')).toContain(s.text);
  });

  it('neutralises control characters in user text', () => {
    const { result: evil } = buildCheck('x\x1b[2J.txt', [{ parts: ['清屏\x1b[2J换行\n结束'], label: 'original' }]);
    const out = renderCheckTerminal(evil, { color: false });
    expect(out).not.toContain('\x1b');
    expect(out).toContain('清屏\ufffd[2J换行↵结束');
  });
});

describe('renderScanTerminal', () => {
  const scan: ScanResult = {
    schema: 'taohua.scan/1',
    documents: [
      { path: 'a.txt', chars: 1000, stockChars: 100, stockRatio: 0.1, phrases: 3 },
      { path: 'b.txt', chars: 2000, stockChars: 1000, stockRatio: 0.5, phrases: 9 },
    ],
    phrases: [
      {
        text: '在县委、县政府的正确领导下',
        template: '在{X}、{X}的正确领导下',
        slots: [
          { kind: 'X', variants: [{ text: '县委', count: 9 }, { text: '市委', count: 3 }, { text: '区委', count: 2 }, { text: '镇委', count: 1 }], others: 0 },
          { kind: 'X', variants: [{ text: '县政府', count: 9 }], others: 6 },
        ],
        docFreq: 12,
        count: 15,
        meanChars: 13,
        docs: [],
        members: [],
      },
      {
        text: '入学率达到99.9%',
        template: '入学率达到{NUM}%',
        slots: [{ kind: 'NUM', variants: [{ text: '99.9', count: 3 }, { text: '', count: 1 }], others: 0 }],
        docFreq: 4,
        count: 4,
        meanChars: 10,
        docs: [],
        members: [],
      },
    ],
  };

  it('lists phrases with docFreq and count, and documents by stock ratio', () => {
    const out = renderScanTerminal(scan, { color: false, top: 1 });
    expect(out).toMatch(/^\s+12\s+15\s+13\s+cluster\s+在\{X\}、\{X\}的正确领导下$/m);
    expect(out).toContain('… 1 more');
    expect(out.indexOf('b.txt')).toBeLessThan(out.indexOf('a.txt'));
    expect(out).toMatch(/50\.0%.*b\.txt/);
  });

  it('shows each slot\'s leading variants with their counts under the template', () => {
    const lines = renderScanTerminal(scan, { color: false }).split('\n');
    const under = (template: string): string => lines[lines.findIndex((l) => l.endsWith(template)) + 1].trim();
    expect(under('在{X}、{X}的正确领导下')).toBe('{X} 县委 ×9 / 市委 ×3 / 区委 ×2 / … ×1 · {X} 县政府 ×9 / … ×6');
    expect(under('入学率达到{NUM}%')).toBe('{NUM} 99.9 ×3 / ∅ ×1');
  });
});

describe('renderCompareTerminal', () => {
  it('prints similarity and numbered passages with their text', () => {
    const a = '在县委、县政府的正确领导下，我们完成了任务。';
    const b = '今年，在市委、市政府的正确领导下，我们完成了任务。';
    const r: CompareResult = {
      schema: 'taohua.compare/1',
      a: { path: 'a.txt', chars: 22, sharedChars: 22 },
      b: { path: 'b.txt', chars: 25, sharedChars: 22 },
      similarity: 44 / 47,
      passages: [{ aStart: 0, aEnd: 22, bStart: 3, bEnd: 25, similarity: 0.9 }],
    };
    const out = renderCompareTerminal(r, a, b, { color: false });
    expect(out).toContain('similarity 93.6%');
    expect(out).toContain('#1  A 0–22  B 3–25  90%');
    expect(out).toContain(`  A ${a}`);
    expect(out).toContain(`  B ${b.slice(3)}`);
  });
});
