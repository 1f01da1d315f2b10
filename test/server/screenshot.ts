// Run by hand to refresh docs/serve.png (not a test):
//   npx tsc --outDir .shot --rootDir . --module NodeNext --moduleResolution NodeNext --target ES2022 --strict --skipLibCheck test/server/screenshot.ts
//   node .shot/test/server/screenshot.js && rm -rf .shot

import { buildIndex } from '../../src/index.js';
import { startServer } from '../../src/server/index.js';
import { launchChromium } from '../browser/chromium.js';
import { expectHanziGlyphs } from '../browser/glyphs.js';
import { corpusSentences } from './fixture.js';

const stock = corpusSentences();
const draft = [
  '2023年度工作述职报告',
  `${stock[0]}${stock[1]}今年我把主要精力放在乡村学校的图书角建设上，走访了十二所村小，和老师们一起整理了四千多册捐赠图书。`,
  `${stock[stock.length - 40]}在图书角的基础上，我们每月组织一次“故事会”，由高年级学生给低年级同学读绘本，孩子们的阅读兴趣明显提高。`,
  `${edit(stock[41])}${stock[Math.floor(stock.length / 2)]}`,
  '明年打算为每所学校配一台旧电脑，建一个简单的借阅登记表，让孩子们自己管理图书。',
].join('\n');

/** Keeps the first half of a sentence and writes the rest anew: an edited sentence. */
function edit(sentence: string): string {
  const half = Math.ceil(sentence.length * 0.6);
  return `${sentence.slice(0, half).replace(/[，,、；;]$/, '')}，这一点在我们县的几所村小尤其明显。`;
}

// Relative paths, so that the report shows corpus/… rather than this machine's folders.
const server = await startServer({ index: (await buildIndex(['corpus'])).index, port: 0 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await page.fill('#draft-text', draft);
  await page.click('#check');
  await page.waitForSelector('body[data-state=done]');
  const edited = page.locator('.s-edited[data-m]');
  const first = (await edited.count()) > 0 ? edited.first() : page.locator('.s[data-m]').first();
  await first.click();
  await expectHanziGlyphs(page);
  await page.screenshot({ path: process.argv[2] ?? 'docs/serve.png', fullPage: true });
  console.log(`wrote ${process.argv[2] ?? 'docs/serve.png'}`);
} finally {
  await browser.close();
  await server.close();
}
