import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Started } from '../../src/server/index.js';
import type { CheckResult } from '../../src/types.js';
import { chromiumAvailable, launchChromium } from '../browser/chromium.js';
import { expectHanziGlyphs } from '../browser/glyphs.js';
import { makeDocx } from './docx.js';
import { corpusIndex, corpusSentences, mixedDraft } from './fixture.js';

interface Shown {
  start: number;
  end: number;
  kind: string;
  text: string;
}

describe.skipIf(!chromiumAvailable('serve page tests'))('taohua serve: the page in headless Chromium', () => {
  let browser: Browser;
  let server: Started;

  beforeAll(async () => {
    server = await startServer({ index: await corpusIndex(), port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open() {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) foreign.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(server.url);
    await expectHanziGlyphs(page);
    return { page, foreign, errors };
  }

  async function apiCheck(text: string): Promise<CheckResult> {
    const res = await fetch(new URL('/api/check', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as CheckResult;
  }

  async function clickCheck(page: Page, state = 'done'): Promise<void> {
    await page.click('#check');
    await page.waitForSelector(`body[data-state=${state}]`);
  }

  async function expectReportOf(page: Page, result: CheckResult, text: string): Promise<void> {
    const shown = await page.$$eval('#report [data-kind]', (els) =>
      els.map((e) => ({
        start: Number(e.getAttribute('data-start')),
        end: Number(e.getAttribute('data-end')),
        kind: e.getAttribute('data-kind') ?? '',
        text: e.textContent ?? '',
      })),
    );
    const spans = result.sentences
      .flatMap((s) => s.spans)
      .map(({ start, end, kind }) => ({ start, end, kind }))
      .sort((a, b) => a.start - b.start);
    expect(shown.map(({ start, end, kind }) => ({ start, end, kind }))).toEqual(spans);
    for (const s of shown as Shown[]) expect(s.text).toBe(text.slice(s.start, s.end));
    await expectHanziGlyphs(page, '#report');
    expect(shown.some((s) => s.kind === 'stock')).toBe(true);
    const ratio = page.locator('#stock-ratio');
    expect(Number(await ratio.getAttribute('data-ratio'))).toBe(result.stockRatio);
    expect(await ratio.textContent()).toBe(`${(result.stockRatio * 100).toFixed(1)}%`);
    for (const label of ['stock', 'edited', 'original', 'chrome'] as const) {
      expect(await page.textContent(`[data-label-count=${label}]`)).toBe(String(result.counts[label]));
    }
    expect(Number(await page.locator('#panel-total').getAttribute('data-value'))).toBe(result.panel!.total);
  }

  it('sends the options: quotations left out on the page as in the API', async () => {
    const [first, second] = corpusSentences();
    const text = `“${first}”\n${second}`;
    const { page, errors } = await open();
    await page.fill('#draft-text', text);
    await page.click('#options summary');
    await page.check('#no-quotes');
    await clickCheck(page);
    const res = await fetch(new URL('/api/check', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, noQuotes: true }),
    });
    const api = (await res.json()) as CheckResult;
    expect(api.panel!.leftOutChars.quote).toBeGreaterThan(0);
    expect(Number(await page.locator('#panel-total').getAttribute('data-value'))).toBe(api.panel!.total);
    expect(await page.locator('#report [data-left-out=quote]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks a pasted draft and shows what the API returns', async () => {
    const { page, foreign, errors } = await open();
    const text = mixedDraft();
    await page.fill('#draft-text', text);
    await clickCheck(page);
    await expectReportOf(page, await apiCheck(text), text);
    // The sources table and the source text with differences are there; a click opens a source.
    expect(await page.locator('.sources tbody tr').count()).toBeGreaterThan(0);
    const first = page.locator('.s[data-m]').first();
    const id = (await first.getAttribute('data-m')) ?? '';
    await first.click();
    expect(await page.$eval(`#m-${id}`, (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator(`#m-${id} .diff dd`).count()).toBe(2);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks an uploaded .docx', async () => {
    const stock = corpusSentences();
    const paragraphs = [stock[2] + stock[3], '这是我自己写的一段话，讲的是周末去爬山的经历，和任何模板都不一样。', stock[10] + stock[11]];
    const { page, errors } = await open();
    await page.setInputFiles('#draft-file', {
      name: '述职报告.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await makeDocx(paragraphs),
    });
    await clickCheck(page);
    const form = new FormData();
    form.append('file', new Blob([await makeDocx(paragraphs)]), '述职报告.docx');
    const api = (await (await fetch(new URL('/api/check', server.url), { method: 'POST', body: form })).json()) as CheckResult;
    expect(api.format).toBe('docx');
    expect(api.document).toBe('述职报告.docx');
    const text = paragraphs.join('\n\n');
    await expectReportOf(page, api, text);
    expect(await page.textContent('#report h1')).toContain('述职报告.docx');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows markup in a draft as text and runs none of it', async () => {
    const { page, errors } = await open();
    const evil = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
    const text = `${corpusSentences()[0]}${evil}\n${corpusSentences()[1]}`;
    await page.fill('#draft-text', text);
    await clickCheck(page);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#report script, #report img').count()).toBe(0);
    expect(await page.textContent('#report .draft')).toContain(evil);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows API errors on the page and keeps working', async () => {
    const { page } = await open();
    await page.click('#check');
    await page.waitForSelector('body[data-state=error]');
    expect(await page.textContent('#status')).toContain('Paste some text');
    await page.setInputFiles('#draft-file', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]) });
    await clickCheck(page, 'error');
    expect(await page.textContent('#status')).toContain('UNSUPPORTED');
    await page.click('#clear');
    await page.fill('#draft-text', mixedDraft(1));
    await clickCheck(page);
    expect(await page.locator('#report [data-kind=stock]').count()).toBeGreaterThan(0);
    await page.close();
  });
});
