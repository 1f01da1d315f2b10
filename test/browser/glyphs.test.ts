import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { expectHanziGlyphs, hanziGlyphProblem } from './glyphs.js';

// A font folder with Latin fonts only: Chromium started with a fontconfig that sees nothing else
// is a machine without a CJK font, without uninstalling anything.
const LATIN_ONLY = '/usr/share/fonts/truetype/dejavu';
const PAGE = '<!doctype html><meta charset=utf-8><body style="font-family: sans-serif"><p>在县委、县政府的正确领导下 (draft.txt)</p>';

async function pageIn(browser: Browser, html = PAGE): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent(html);
  return page;
}

describe.skipIf(!chromiumAvailable('hanzi glyph tests'))('hanzi glyphs in headless Chromium', () => {
  let dir: string;
  let system: Browser;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'taohua-fonts-'));
    system = await launchChromium();
  });
  afterAll(async () => {
    await system?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('pass with the fonts installed here', async () => {
    const page = await pageIn(system);
    expect(await hanziGlyphProblem(page)).toBeNull();
    await expectHanziGlyphs(page, 'p');
    await page.close();
  });

  it('pass for a font-family no machine has, which falls back to a CJK font', async () => {
    const page = await pageIn(system, PAGE.replace('sans-serif', '"No Such Font 404"'));
    expect(await hanziGlyphProblem(page)).toBeNull();
    await page.close();
  });

  it.skipIf(!existsSync(LATIN_ONLY))('fail, naming the boxed hanzi, when Chromium sees no CJK font', async () => {
    const conf = join(dir, 'fonts.conf');
    await writeFile(conf, `<?xml version="1.0"?>\n<fontconfig><dir>${LATIN_ONLY}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`);
    const latin = await launchChromium({ ...process.env, FONTCONFIG_FILE: conf });
    try {
      const page = await pageIn(latin);
      const problem = await hanziGlyphProblem(page);
      expect(problem).toContain('missing-glyph box');
      // Every distinct hanzi of the page is named (up to 8), and nothing else.
      const boxed = problem?.match(/: (\S+) draw as/)?.[1] ?? '';
      expect([...boxed]).toEqual([...new Set('在县委、县政府的正确领导下'.match(/\p{Script=Han}/gu))].slice(0, 8));
      await expect(expectHanziGlyphs(page)).rejects.toThrow(/fonts-wqy-microhei/);
    } finally {
      await latin.close();
    }
  });
});
