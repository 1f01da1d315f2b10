// The editor's report on real text: tiers, formulas, exclusions, allowed text, quotations, headings, sections.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allowIndex, buildIndex, check, loadIndex, saveIndex, textDocument } from '../../src/index.js';
import type { CheckResult, CorpusIndex, SentenceResult, Span } from '../../src/index.js';
import { DEFAULT_FORMULA_DOCS } from '../../src/align/tiers.js';
import { countChars } from '../../src/text/chars.js';

const GWR = '../shared/gwr';
const has = existsSync(GWR);
const gwrFiles = has ? readdirSync(GWR).filter((f) => f.endsWith('.txt')).sort() : [];
const reports = gwrFiles.filter((f) => /^\d{4}\.txt$/.test(f));
const read = (f: string): string => readFileSync(join(GWR, f), 'utf8');
/** Plain string search: the gwr files that contain `text`. */
const filesWith = (text: string, files = gwrFiles): string[] => files.filter((f) => read(f).includes(text));

let index: CorpusIndex;
beforeAll(async () => {
  if (has) index = (await buildIndex([GWR], { threads: 1 })).index;
});

async function run(text: string, opts: Parameters<typeof check>[2] = {}): Promise<CheckResult> {
  return check(textDocument(text, 'draft.txt'), index, opts);
}

const stockSpans = (s: SentenceResult): Span[] => s.spans.filter((x) => x.kind === 'stock');
const slice = (text: string, s: Span): string => text.slice(s.start, s.end);

describe.skipIf(!has)('tiers and reuse on the government work reports', () => {
  it('a spun antonym is reworded, never verbatim; the unchanged copy is verbatim', async () => {
    const source = '积极推进农村税费改革，从根本上减轻农民负担，今年将在安徽省进行试点，总结经验后再行展开。';
    expect(filesWith(source)).toEqual(['2000.txt']);
    const spun = source.replace('进行试点', '停止试点');
    const r = await run(`${spun}\n${source}`);
    const [a, b] = r.sentences;
    expect(a.label).toBe('stock'); // the normalised view folds 停止/进行: found as a copy …
    expect(a.tier).toBe('reworded'); // … but the words differ
    const around = stockSpans(a).find((x) => slice(spun, x).includes('停止'));
    expect(around?.tier).toBe('reworded');
    expect(b.tier).toBe('verbatim');
    expect(stockSpans(b).every((x) => x.tier === 'verbatim' && x.source?.doc === `${GWR}/2000.txt`)).toBe(true);
    const again = await run('片面提高劳动者素质。');
    expect(filesWith('全面提高劳动者素质。').length).toBeGreaterThan(0);
    expect(again.sentences[0].tier).toBe('reworded');
  });

  it('a renumbered copy is figures', async () => {
    const text = read('2024.txt');
    const at = text.indexOf('国内生产总值超过126万亿元');
    const sentence = text.slice(at, text.indexOf('。', at) + 1);
    expect(sentence.length).toBeGreaterThan(12);
    const renumbered = sentence.replace(/\d/g, (d) => String((Number(d) + 3) % 10));
    expect(renumbered).not.toBe(sentence);
    const s = (await run(renumbered)).sentences[0];
    expect(s.label).toBe('stock');
    expect(s.tier).toBe('figures');
  });

  it('a formula in most reports is a formula; a sentence copied from one report is copied', async () => {
    const formula = '我代表国务院，';
    const docs = filesWith(formula, reports);
    expect(docs.length).toBeGreaterThan(reports.length / 2);
    const copied = '深入践行绿水青山就是金山银山的理念，协同推进降碳、减污、扩绿、增长，建设人与自然和谐共生的美丽中国。';
    expect(filesWith(copied)).toEqual(['2024.txt']);
    const draft = `${formula}向全体同学和老师们，表示诚挚感谢！\n${copied}`;
    const r = await run(draft);
    const f = stockSpans(r.sentences[0]).find((x) => slice(draft, x).includes('代表国务院'))!;
    expect(f.reuse).toBe('formula');
    expect(f.docFreq).toBeGreaterThanOrEqual(DEFAULT_FORMULA_DOCS);
    expect(f.docFreq).toBeLessThanOrEqual(docs.length);
    const c = r.sentences[1];
    expect(c.reuse).toBe('copied');
    expect(stockSpans(c).map((x) => x.docFreq)).toEqual(stockSpans(c).map(() => 1));
    expect(c.source).toBe(`${GWR}/2024.txt`);
    // copied-only leaves the formula's characters out
    expect(r.panel!.copiedOnly).toBeLessThan(r.panel!.total);
  });
});

describe.skipIf(!has)('leaving text out recomputes every figure', () => {
  const draftOf = (): string => {
    const lines = read('2024.txt').split('\n');
    const from = lines.findIndex((l) => l.startsWith('一、2023年工作回顾'));
    return lines.slice(from, from + 12).join('\n');
  };

  it('--exclude on a saved index equals an index built without those files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taohua-exclude-'));
    const saved = join(dir, 'gwr.taohua');
    await saveIndex(index, saved);
    const loaded = await loadIndex(saved);
    const left = ['2022.txt', '2024.txt']; // the draft's own report and one more
    const without = (await buildIndex(gwrFiles.filter((f) => !left.includes(f)).map((f) => join(GWR, f)), { threads: 1 })).index;
    const draft = draftOf();
    const plain = await run(draft, {});
    const a = await check(textDocument(draft, 'draft.txt'), loaded, { exclude: [`${GWR}/2022.txt`, `${GWR}/2024.*`] });
    const b = await check(textDocument(draft, 'draft.txt'), without, {});
    expect(a.panel!.excludedDocs).toBe(2);
    expect({ ...a, panel: { ...a.panel, excludedDocs: 0 } }).toEqual(b);
    expect(a.sources.some((s) => s.doc.endsWith('2022.txt') || s.doc.endsWith('2024.txt'))).toBe(false);
    expect(plain.sources[0].doc).toBe(`${GWR}/2024.txt`);
    expect(a.stockChars).toBeGreaterThan(0);
    expect(a.stockChars).toBeLessThan(plain.stockChars);
  });

  it('--allow removes the allowed text from the ratio', async () => {
    const draft = draftOf();
    const plain = await run(draft);
    const allowedSentence = plain.sentences.find((s) => s.label === 'stock' && !s.heading && countChars(s.text) > 20)!;
    const dir = mkdtempSync(join(tmpdir(), 'taohua-allow-'));
    writeFileSync(join(dir, 'template.txt'), allowedSentence.text);
    const allow = allowIndex([textDocument(allowedSentence.text, join(dir, 'template.txt'))], index);
    const r = await run(draft, { allow });
    const s = r.sentences.find((x) => x.start === allowedSentence.start)!;
    const allowedStock = stockSpans(s).filter((x) => x.leftOut === 'allowed');
    const leftOutChars = allowedStock.reduce((n, x) => n + countChars(draft, x.start, x.end), 0);
    const stockBefore = stockSpans(allowedSentence).reduce((n, x) => n + countChars(draft, x.start, x.end), 0);
    expect(leftOutChars).toBe(stockBefore);
    expect(r.stockChars).toBe(plain.stockChars - stockBefore);
    expect(r.chars).toBe(plain.chars);
    expect(r.panel!.leftOutChars.allowed).toBe(stockBefore);
  });

  it('quotations and headings are left out on request', async () => {
    const quoted = '坚持“绿水青山就是金山银山”的理念，健全生态文明制度体系，处理好发展和保护的关系，不断提升可持续发展能力。';
    const heading = '一、2023年工作回顾';
    expect(filesWith(heading).length).toBeGreaterThan(0);
    const draft = `${heading}\n${quoted}`;
    const plain = await run(draft);
    const r = await run(draft, { noQuotes: true, noHeadings: true });
    const open = draft.indexOf('“');
    const close = draft.indexOf('”') + 1;
    const inQuote = stockSpans(r.sentences[1]).filter((x) => x.leftOut === 'quote');
    expect(inQuote.map((x) => slice(draft, x)).join('')).toBe(draft.slice(open, close));
    expect(r.sentences[0].spans.every((x) => x.kind !== 'stock' || x.leftOut === 'heading')).toBe(true);
    const quoteChars = countChars(draft, open, close);
    const headingStock = stockSpans(plain.sentences[0]).reduce((n, x) => n + countChars(draft, x.start, x.end), 0);
    expect(headingStock).toBeGreaterThan(0);
    expect(r.stockChars).toBe(plain.stockChars - quoteChars - headingStock);
    expect(plain.panel!.withoutQuotes).toBeCloseTo((plain.stockChars - quoteChars) / plain.chars, 3);
  });

  it('--min-match drops short stock spans', async () => {
    const draft = draftOf();
    const content = (t: string): number => (t.match(/[\p{L}\p{N}]/gu) ?? []).length;
    const plain = await run(draft);
    const shortRun = plain.sentences.flatMap(stockRuns).find((t) => content(t) < 12);
    expect(shortRun).toBeDefined();
    const r = await run(draft, { minMatch: 12 });
    const runs = r.sentences.flatMap(stockRuns);
    expect(runs.every((t) => content(t) >= 12)).toBe(true);
    expect(r.stockChars).toBeLessThan(plain.stockChars);
    function stockRuns(s: SentenceResult): string[] {
      const out: string[] = [];
      let last = -1;
      for (const x of stockSpans(s)) {
        if (x.start === last) out[out.length - 1] += slice(draft, x);
        else out.push(slice(draft, x));
        last = x.end;
      }
      return out;
    }
  });

  it('per-section ratios add up to the total', async () => {
    const r = await run(read('2024.txt'));
    const sections = r.panel!.sections;
    expect(sections.map((s) => s.heading).filter(Boolean)).toEqual(read('2024.txt').split('\n').filter((l) => /^[一二三四五六七八九十]+、/.test(l)).map((l) => l.trim()));
    expect(sections.reduce((n, s) => n + s.stockChars, 0)).toBe(r.stockChars);
    expect(sections.reduce((n, s) => n + s.chars, 0)).toBe(r.chars);
    expect(sections.reduce((n, s) => n + s.share, 0)).toBeCloseTo(r.stockRatio, 3);
  });
});
