import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCheckHtml, renderCompareHtml } from '../../src/report/html.js';
import type { CompareResult } from '../../src/types.js';
import { chromiumAvailable, launchChromium } from '../browser/chromium.js';
import { expectHanziGlyphs } from '../browser/glyphs.js';
import { workReportFixture } from './check-fixture.js';

describe.skipIf(!chromiumAvailable('html-browser tests'))('HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = await mkdtemp(join(tmpdir(), 'taohua-report-'));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(name: string, html: string) {
    const file = join(dir, name);
    await writeFile(file, html, 'utf8');
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    await expectHanziGlyphs(page);
    return { page, requests, errors };
  }

  it('shows the stock spans and ratio of the JSON', async () => {
    const { draftText, result } = workReportFixture();
    const { page, requests, errors } = await open('check.html', renderCheckHtml(result, { draftText }));
    const shown = await page.$$eval('[data-kind=stock]', (elements) =>
      elements.map((e) => {
        const box = e.getBoundingClientRect();
        return {
          start: Number(e.getAttribute('data-start')),
          end: Number(e.getAttribute('data-end')),
          text: e.textContent ?? '',
          visible: box.width > 0 && box.height > 0,
          underline: getComputedStyle(e).textDecorationLine,
        };
      }),
    );
    const expected = result.sentences.flatMap((s) => s.spans).filter((s) => s.kind === 'stock');
    expect(shown.map(({ start, end }) => ({ start, end }))).toEqual(expected.map(({ start, end }) => ({ start, end })));
    for (const span of shown) {
      expect(span.text).toBe(draftText.slice(span.start, span.end));
      expect(span.visible).toBe(true);
      expect(span.underline).toContain('underline');
    }
    const ratio = page.locator('#stock-ratio');
    expect(Number(await ratio.getAttribute('data-ratio'))).toBe(result.stockRatio);
    expect(await ratio.textContent()).toBe(`${(result.stockRatio * 100).toFixed(1)}%`);
    expect(await page.$$eval('details[open]', (d) => d.length)).toBe(0);

    // Clicking a stock sentence opens its source panel.
    const first = result.sentences.findIndex((s) => s.label === 'stock');
    await page.click(`#s-${first}`);
    expect(await page.$eval(`#m-${first}`, (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not run script from the draft', async () => {
    const { draftText, result } = workReportFixture();
    const evil = { ...result, document: '<img src=x onerror="window.pwned=1">', sentences: result.sentences.map((s, i) => (i === 5 ? { ...s, text: '<script>window.pwned=1</script>' } : s)) };
    const { page, errors } = await open('evil.html', renderCheckHtml(evil, { draftText }));
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('h1').textContent()).toContain('<img src=x');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links compare passages to their partners', async () => {
    const textA = '在县委、县政府的正确领导下，我们完成了全年任务。'.repeat(3) + '东河湿地修复工程完成清淤。\n'.repeat(80);
    const textB = '西山林场新增造林。\n'.repeat(80) + '今年以来，在市委、市政府的正确领导下，我们完成了全年任务。';
    const r: CompareResult = {
      schema: 'taohua.compare/1',
      a: { path: 'a.txt', chars: textA.length, sharedChars: 24 },
      b: { path: 'b.txt', chars: textB.length, sharedChars: 24 },
      similarity: 0.05,
      passages: [{ aStart: 0, aEnd: 24, bStart: textB.length - 25, bEnd: textB.length, similarity: 0.9 }],
    };
    const { page, errors } = await open('compare.html', renderCompareHtml(r, textA, textB));
    await page.click('#a-1');
    await page.waitForFunction(() => {
      const b = document.getElementById('b-1')?.getBoundingClientRect();
      const box = document.querySelector('.col:nth-child(2) .doc')?.getBoundingClientRect();
      return b !== undefined && box !== undefined && b.top >= box.top && b.bottom <= box.bottom;
    });
    expect(await page.locator('#b-1').getAttribute('class')).toContain('hit');
    expect(errors).toEqual([]);
    await page.close();
  });
});
