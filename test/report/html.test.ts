import { describe, expect, it } from 'vitest';
import { renderCheckHtml, renderCompareHtml } from '../../src/report/html.js';
import type { CompareResult } from '../../src/types.js';
import { buildCheck, workReportFixture, type SentenceSpec } from './check-fixture.js';
import { parseHtml } from './html-check.js';

const hostile = buildCheck('<b>"draft" & \'co\'</b>.txt', [
  {
    parts: [['在县委、县政府的正确领导下，', 'stock'], '<script>alert(1)</script>', ['取得了显著成绩。', 'stock']],
    label: 'stock',
    similarity: 0.9,
    source: { doc: 'evil"><img src=x onerror=alert(2)>.txt', text: '在市委、市政府的正确领导下，<b>取得了</b>显著成绩。' },
    after: '\n',
  },
  { parts: ['A & B < C > D "quoted" \'single\''], label: 'original' },
]);

describe('renderCheckHtml', () => {
  const { draftText, result } = workReportFixture();
  const html = renderCheckHtml(result, { draftText });
  const parsed = parseHtml(html);

  it('is well formed and self-contained', () => {
    expect(parsed.problems).toEqual([]);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/\b(?:src|href)=["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(parsed.scripts).toHaveLength(1);
  });

  it('gives every JSON span one element with the same offsets, kind and text', () => {
    const spans = result.sentences.flatMap((s) => s.spans);
    const elements = parsed.elements.filter((e) => e.attribs['data-kind'] !== undefined);
    expect(elements.map((e) => ({ start: Number(e.attribs['data-start']), end: Number(e.attribs['data-end']), kind: e.attribs['data-kind'] }))).toEqual(spans);
    for (const e of elements) {
      expect(e.text).toBe(draftText.slice(Number(e.attribs['data-start']), Number(e.attribs['data-end'])));
    }
  });

  it('renders every sentence, in order, with its full text', () => {
    const sentences = parsed.elements.filter((e) => e.attribs['data-label'] !== undefined);
    expect(sentences.map((e) => e.text)).toEqual(result.sentences.map((s) => s.text));
    expect(sentences.map((e) => e.attribs['data-label'])).toEqual(result.sentences.map((s) => s.label));
    const draft = parsed.elements.find((e) => e.attribs.class === 'draft');
    expect(draft?.text.replace(/\d+(?=[^\n]*)/g, '')).toContain('东河湿地修复工程');
  });

  it('shows the stock ratio as a percentage with the exact ratio', () => {
    const ratio = parsed.elements.find((e) => e.attribs.id === 'stock-ratio');
    expect(Number(ratio?.attribs['data-ratio'])).toBe(result.stockRatio);
    expect(ratio?.text).toBe(`${(result.stockRatio * 100).toFixed(1)}%`);
  });

  it('gives each stock or edited sentence a collapsed panel with its best source, diffed', () => {
    const panels = parsed.elements.filter((e) => e.name === 'details');
    const withSource = result.sentences.filter((s) => (s.label === 'stock' || s.label === 'edited') && s.matches.length > 0);
    expect(panels).toHaveLength(withSource.length);
    expect(panels.every((p) => p.attribs.open === undefined)).toBe(true);
    const edited = result.sentences.findIndex((s) => s.label === 'edited');
    const panel = panels.find((p) => p.attribs.id === `m-${edited}`);
    expect(panel?.text).toContain('2023年邻县政府工作报告.docx');
    expect(html).toMatch(/<ins>6\.2<\/ins>|<ins>6\.2%?<\/ins>|<ins>6<\/ins>/);
    expect(html).toContain('<del>');
  });

  it('ranks sources by the characters they cover', () => {
    const rows = parsed.elements.filter((e) => e.name === 'td' && e.attribs.class === 'doc-name').map((e) => e.text);
    const expected = [...result.sources].sort((a, b) => b.stockChars - a.stockChars).map((s) => s.doc);
    expect(rows).toEqual(expected);
  });

  it('escapes user text everywhere', () => {
    const out = renderCheckHtml(hostile.result, { draftText: hostile.draftText, title: '<title>"x"</title>' });
    const p = parseHtml(out);
    expect(p.problems).toEqual([]);
    expect(p.scripts).toHaveLength(1);
    expect(p.elements.some((e) => e.name === 'img' || e.name === 'b')).toBe(false);
    expect(out).not.toContain('<script>alert(1)');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const sentence = p.elements.find((e) => e.attribs.id === 's-0');
    expect(sentence?.text).toBe(hostile.result.sentences[0].text);
    expect(p.elements.find((e) => e.attribs.id === 's-1')?.text).toBe('A & B < C > D "quoted" \'single\'');
  });

  it('works without the draft text, and for an empty result', () => {
    const noText = parseHtml(renderCheckHtml(result));
    expect(noText.problems).toEqual([]);
    const empty = buildCheck('empty.txt', []);
    const out = renderCheckHtml(empty.result);
    expect(parseHtml(out).problems).toEqual([]);
    expect(out).toContain('data-ratio="0"');
  });

  it('renders a 50,000-character draft quickly', () => {
    const specs = Array.from({ length: 1500 }, (_, i): SentenceSpec =>
      i % 3 === 0
        ? { parts: [['在县委、县政府的正确领导下，全县上下团结一心，', 'stock'], `第${i}项工作稳步推进。`], label: 'edited', similarity: 0.8, source: { doc: `d${i % 40}.txt`, text: `在市委、市政府的正确领导下，全市上下团结一心，第${i + 7}项工作顺利完成。` } }
        : { parts: [`原创内容第${i}句，记录了本地的具体情况和数据细节。`], label: 'original' },
    );
    const big = buildCheck('big.txt', specs);
    expect(big.draftText.length).toBeGreaterThan(40_000);
    const started = performance.now();
    const out = renderCheckHtml(big.result, { draftText: big.draftText });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(parseHtml(out).problems).toEqual([]);
  });
});

describe('renderCompareHtml', () => {
  const textA = '在县委、县政府的正确领导下，我们完成了全年任务。东河湿地修复工程完成清淤。<script>x</script>';
  const textB = '今年以来，在市委、市政府的正确领导下，我们完成了全年任务。西山林场新增造林。';
  const r: CompareResult = {
    schema: 'taohua.compare/1',
    a: { path: 'a<1>.txt', chars: 40, sharedChars: 24 },
    b: { path: 'b&2.txt', chars: 38, sharedChars: 24 },
    similarity: 0.6,
    passages: [
      { aStart: 25, aEnd: 33, bStart: 20, bEnd: 25, similarity: 0.4 },
      { aStart: 0, aEnd: 24, bStart: 5, bEnd: 29, similarity: 0.9 },
    ],
  };
  const html = renderCompareHtml(r, textA, textB);
  const parsed = parseHtml(html);

  it('is well formed and escaped', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.scripts).toHaveLength(1);
    expect(html).toContain('a&lt;1&gt;.txt');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it('numbers passages in reading order of A and links each to its partner', () => {
    const anchors = parsed.elements.filter((e) => e.name === 'a' && e.attribs['data-passage'] !== undefined);
    const a1 = anchors.find((e) => e.attribs.id === 'a-1');
    const b1 = anchors.find((e) => e.attribs.id === 'b-1');
    expect(a1?.attribs.href).toBe('#b-1');
    expect(b1?.attribs.href).toBe('#a-1');
    expect(a1?.text).toBe(`1${textA.slice(0, 24)}`);
    expect(b1?.text).toBe(`1${textB.slice(5, 29)}`);
    const b2 = anchors.find((e) => e.attribs.id === 'b-2');
    // B's passage 2 (20–25) overlaps passage 1 (5–29) and is clipped to nothing, but still linkable.
    expect(b2?.attribs.href).toBe('#a-2');
    const similarity = parsed.elements.find((e) => e.attribs.id === 'similarity');
    expect(similarity?.text).toBe('60.0%');
  });
});
