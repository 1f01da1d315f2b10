// Run by hand to refresh docs/scan.png (not a test), from the repository root with ../shared/gwr present:
//   npx tsc -p tsconfig.json && node dist/src/cli/main.js scan ../shared/gwr --meta examples/gwr-meta.csv --group-by year --html /tmp/gwr-scan.html -q
//   npx tsc --outDir .shot --rootDir . --module NodeNext --moduleResolution NodeNext --target ES2022 --skipLibCheck test/browser/scan-screenshot.ts
//   node .shot/test/browser/scan-screenshot.js /tmp/gwr-scan.html && rm -rf .shot
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.js';
import { expectHanziGlyphs } from './glyphs.js';

const file = process.argv[2] ?? '/tmp/gwr-scan.html';
const out = process.argv[3] ?? 'docs/scan.png';
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, deviceScaleFactor: 1 });
await page.goto(pathToFileURL(file).href);
await page.waitForSelector('body[data-ready="1"]');
await page.fill('#q', '稳中求进');
await page.click('tr.phrase');
await page.waitForSelector('#detail svg.timeline');
await page.click('[data-kwic=left]');
await expectHanziGlyphs(page);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out} from ${file}`);
