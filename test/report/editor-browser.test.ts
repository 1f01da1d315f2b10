// The ratio panel and the tier marks of a real check, as Chromium draws them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCheckHtml } from '../../src/report/html.js';
import { chromiumAvailable, launchChromium } from '../browser/chromium.js';
import { expectHanziGlyphs } from '../browser/glyphs.js';
import { editorFixture, type EditorFixture } from './editor-fixture.js';

const MARKS = { verbatim: 'V', figures: 'F', reworded: 'R' } as const;
const LINES = { verbatim: 'solid', figures: 'double', reworded: 'wavy' } as const;

describe.skipIf(!chromiumAvailable('editor report browser tests'))('the editor report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  let fx: EditorFixture;
  let page: Page;

  beforeAll(async () => {
    fx = await editorFixture();
    browser = await launchChromium();
    dir = await mkdtemp(join(tmpdir(), 'taohua-editor-'));
    const file = join(dir, 'report.html');
    await writeFile(file, renderCheckHtml(fx.result, { draftText: fx.draftText, corpus: fx.index }), 'utf8');
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    await expectHanziGlyphs(page);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the panel with the JSON figures and one row per section', async () => {
    const panel = fx.result.panel!;
    for (const [id, value] of [['total', panel.total], ['without-quotes', panel.withoutQuotes], ['copied-only', panel.copiedOnly]] as const) {
      const cell = page.locator(`#panel-${id}`);
      expect(await cell.isVisible()).toBe(true);
      expect(Number(await cell.getAttribute('data-value'))).toBe(value);
      expect(await cell.textContent()).toBe(`${(value * 100).toFixed(1)}%`);
    }
    expect(Number(await page.locator('#panel-largest').getAttribute('data-value'))).toBe(panel.largestSource!.ratio);
    const sections = await page.$$eval('[data-section]', (rows) => rows.map((r) => Number(r.getAttribute('data-stock-chars'))));
    expect(sections).toEqual(panel.sections.map((s) => s.stockChars));
    expect(sections.reduce((a, b) => a + b, 0)).toBe(fx.result.stockChars);
    // The headline and the labels table count the same characters as the JSON.
    expect(await page.locator('.ratio-caption').textContent()).toContain(`${fx.result.chars} 字`);
  });

  it('marks every stock span with its tier, visible without colour', async () => {
    const spans = await page.$$eval('.k-stock', (elements) =>
      elements.map((e) => ({
        tier: e.getAttribute('data-tier'),
        mark: getComputedStyle(e, '::before').content,
        line: getComputedStyle(e).textDecorationStyle,
        visible: e.getBoundingClientRect().width > 0,
      })),
    );
    const expected = fx.result.sentences.flatMap((s) => s.spans).filter((s) => s.kind === 'stock');
    expect(spans.filter((s) => s.tier !== null)).toHaveLength(expected.length);
    const tiers = new Set(expected.map((s) => s.tier));
    expect(tiers.size).toBeGreaterThan(1);
    for (const s of spans.filter((x) => x.tier !== null)) {
      const tier = s.tier as keyof typeof MARKS;
      expect(s.visible).toBe(true);
      expect(s.mark.replace(/"/g, '').startsWith(MARKS[tier])).toBe(true);
      expect(s.line).toBe(LINES[tier]);
    }
  });

  it('links each source to its passages beside the draft', async () => {
    await page.click('.sources a[href="#src-1"]');
    expect(await page.$eval('#src-1', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    const rows = await page.$$eval('#src-1 .pairs tbody tr', (trs) => trs.length);
    const doc = fx.result.sources[0].doc;
    const passages = fx.result.sentences.flatMap((s) => s.spans).filter((s) => s.kind === 'stock' && s.source?.doc === doc);
    expect(rows).toBe(passages.length);
  });
});
