// Run by hand to refresh docs/editor-report.png (not a test):
//   npx tsc --outDir .shot --rootDir . --module NodeNext --moduleResolution NodeNext --target ES2022 --skipLibCheck test/report/editor-screenshot.ts
//   node .shot/test/report/editor-screenshot.js && rm -rf .shot

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderCheckHtml } from '../../src/report/html.js';
import { launchChromium } from '../browser/chromium.js';
import { expectHanziGlyphs } from '../browser/glyphs.js';
import { editorFixture } from './editor-fixture.js';

const { draftText, result, index } = await editorFixture();
const file = join(await mkdtemp(join(tmpdir(), 'taohua-shot-')), 'report.html');
await writeFile(file, renderCheckHtml(result, { draftText, corpus: index }), 'utf8');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
await page.goto(pathToFileURL(file).href);
const reworded = result.sentences.findIndex((s) => s.tier === 'reworded');
if (reworded >= 0) await page.click(`#s-${reworded}`);
await expectHanziGlyphs(page);
await page.screenshot({ path: process.argv[2] ?? 'docs/editor-report.png', fullPage: false });
await browser.close();
console.log(`wrote ${process.argv[2] ?? 'docs/editor-report.png'} from ${file}`);
