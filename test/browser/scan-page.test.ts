// `scan --html` of gwr in headless Chromium: search a phrase, open it, read its KWIC lines and its
// timeline, checked against the files themselves. And a synthetic corpus of 5,000 phrases over 70
// groups, to keep the page fast and readable at that size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderScanHtml } from '../../src/report/scan-html.js';
import { MAX_KWIC, PAGE_PHRASES } from '../../src/report/scan-page-data.js';
import { spreadScan } from '../../src/meta/phrase-groups.js';
import type { DocumentStats, Phrase } from '../../src/types.js';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { expectHanziGlyphs } from './glyphs.js';

const GWR = '../shared/gwr';
const CLI = join(process.cwd(), 'dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'taohua-scanpage-'));

async function openPage(browser: Browser, file: string): Promise<{ page: Page; errors: string[]; requests: string[]; readyMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
  const t0 = Date.now();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="1"]');
  return { page, errors, requests, readyMs: Date.now() - t0 };
}

describe.skipIf(!chromiumAvailable('scan page tests'))('scan page in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.skipIf(!existsSync(GWR))('gwr: search 稳中求进, open it, its KWIC lines are the files\' text and its timeline their years', async () => {
    const html = join(dir, 'gwr.html');
    const r = spawnSync(process.execPath, [CLI, 'scan', GWR, '--meta', 'examples/gwr-meta.csv', '--group-by', 'year', '--html', html, '--json', '-q'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(r.status).toBe(0);
    const scan = JSON.parse(r.stdout) as { phrases: Phrase[] };
    const yearOf = new Map((parse(readFileSync('examples/gwr-meta.csv', 'utf8'), { columns: true }) as Array<{ path: string; year: string }>).map((row) => [resolve(GWR, row.path), row.year]));
    const { page, errors, requests } = await openPage(browser, html);
    await expectHanziGlyphs(page);

    await page.fill('#q', '稳中求进');
    const rows = await page.$$eval('tr.phrase', (trs) => trs.length);
    const onPage = scan.phrases.slice(0, PAGE_PHRASES);
    expect(rows).toBe(onPage.filter((p) => p.text.includes('稳中求进') || p.template.includes('稳中求进')).length);
    await page.click('tr.phrase'); // the first row: found in most documents
    await page.waitForSelector('#detail .kwic');
    const title = await page.textContent('#detail-title');
    const phrase = scan.phrases.find((p) => p.text === title)!;
    expect(phrase.text).toContain('稳中求进');

    const lines = await page.$$eval('#detail .kl', (kls) =>
      kls.map((kl) => ({ where: kl.querySelector('.src')!.getAttribute('title')!, node: kl.querySelector('.node')!.textContent!, left: kl.querySelector('.left')!.textContent! })),
    );
    expect(lines.length).toBe(Math.min(phrase.count, MAX_KWIC));
    const linedYears = new Set<string>();
    for (const line of lines) {
      const [, path, start] = /^(.*) @(\d+)$/.exec(line.where)!;
      const text = readFileSync(path, 'utf8');
      expect(text.slice(Number(start)).replace(/\s+/g, ' ').startsWith(line.node)).toBe(true);
      expect(text.slice(0, Number(start)).replace(/\s+/g, ' ').endsWith(line.left)).toBe(true);
      linedYears.add(yearOf.get(resolve(path))!);
    }
    const bars = await page.$$eval('#detail svg.timeline rect.bar', (rects) => rects.map((b) => b.getAttribute('data-group')!));
    // The page carries the first MAX_KWIC lines: their years are among the bars, all of them when every line is there.
    for (const y of linedYears) expect(bars).toContain(y);
    if (phrase.count <= MAX_KWIC) expect(new Set(bars)).toEqual(linedYears);
    for (const year of bars) {
      const files = [...yearOf].filter(([, y]) => y === year).map(([p]) => readFileSync(p, 'utf8'));
      expect(files.some((t) => t.includes('稳中求进') || t.includes('穩中求進'))).toBe(true);
    }
    expect(await page.$$eval('#detail svg.dispersion line.tick', (ticks) => ticks.length)).toBe(phrase.count);

    await page.click('[data-kwic=right]');
    const rights = await page.$$eval('#detail .kl .right', (els) => els.map((e) => e.textContent!));
    expect(rights).toEqual([...rights].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('5,000 phrases over 70 groups: the page stays small enough and opens fast', async () => {
    const input = synthetic(5000, 70);
    const html = renderScanHtml({ ...spreadScan(input.documents, input.phrases, input.meta, 'year'), texts: input.texts });
    const file = join(dir, 'big.html');
    writeFileSync(file, html);
    const { page, errors, readyMs } = await openPage(browser, file);
    const t0 = Date.now();
    await page.fill('#q', '第4999');
    await page.click('tr.phrase');
    await page.waitForSelector('#detail svg.timeline');
    const openMs = Date.now() - t0;
    console.log(`scan page, 5,000 phrases × 70 groups: ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB, ready in ${readyMs} ms, search + open in ${openMs} ms`);
    expect(await page.$$eval('#detail svg.timeline rect.tot', (r) => r.length)).toBe(70);
    expect(Buffer.byteLength(html)).toBeLessThan(8e6);
    expect(readyMs).toBeLessThan(15000);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Documents 1956–2025 (two a year), phrases of three to eight occurrences spread over them. */
function synthetic(phrases: number, years: number) {
  const documents: DocumentStats[] = [];
  const texts = new Map<string, string>();
  const meta = new Map<string, Record<string, string>>();
  const filler = '坚持以经济建设为中心深化改革扩大开放推动高质量发展保障和改善民生';
  for (let y = 0; y < years; y++) {
    for (const k of ['a', 'b']) {
      const path = `corpus/${1956 + y}-${k}.txt`;
      texts.set(path, filler.repeat(400));
      meta.set(path, { year: String(1956 + y) });
      documents.push({ path, chars: 12000, stockChars: 3000 + y * 50, stockRatio: 0.25 + y / 400, phrases: 100 });
    }
  }
  const list: Phrase[] = [];
  for (let i = 0; i < phrases; i++) {
    const n = 3 + (i % 6);
    const members = Array.from({ length: n }, (_, j) => {
      const doc = documents[(i * 7 + j * 13) % documents.length].path;
      return { doc, start: (i * 31 + j * 97) % 11000, end: ((i * 31 + j * 97) % 11000) + 12, text: `第${i}条常用语句，第${j}处` };
    });
    const docs = [...new Set(members.map((m) => m.doc))].sort();
    list.push({ kind: 'cluster', text: `第${i}条常用语句`, template: `第{NUM}条常用语句`, slots: [], docFreq: docs.length, count: n, meanChars: 12, docs, members });
  }
  return { documents, phrases: list, texts, meta };
}
