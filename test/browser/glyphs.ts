// Hanzi must render as hanzi. Chromium without a CJK font draws each one as the missing-glyph box,
// the same box it draws for a code point no font has (U+10FFFD, private use): so draw both on a
// canvas in the page's own font and compare the pixels.
import type { Page } from 'playwright-core';

const MISSING = '\u{10FFFD}';
const FALLBACK_SAMPLE = '套话中文';

interface Drawn {
  ch: string;
  ink: number;
  asMissing: boolean;
  asFirst: boolean;
}

/** Why the hanzi shown in `selector` would be boxes, or null when each draws a glyph of its own. */
export async function hanziGlyphProblem(page: Page, selector = 'body'): Promise<string | null> {
  const { family, drawn } = await page.evaluate(drawHanzi, { selector, missing: MISSING, fallback: FALLBACK_SAMPLE });
  const boxes = drawn.filter((d) => d.ink === 0 || d.asMissing).map((d) => d.ch);
  // A last-resort font draws one box for a whole block: distinct hanzi must look distinct.
  const alike = drawn.length > 1 && drawn.slice(1).every((d) => d.asFirst);
  if (!boxes.length && !alike) return null;
  const which = boxes.length ? `${boxes.join('')} draw as the missing-glyph box` : `${drawn.map((d) => d.ch).join('')} all draw the same glyph`;
  return `hanzi do not render in Chromium (font-family: ${family}): ${which}; install a CJK font, e.g. apt-get install -y fonts-wqy-microhei`;
}

/** Throws hanziGlyphProblem's reason: for tests (a failure) and screenshot scripts (no boxes in docs/). */
export async function expectHanziGlyphs(page: Page, selector = 'body'): Promise<void> {
  const problem = await hanziGlyphProblem(page, selector);
  if (problem) throw new Error(problem);
}

// Runs in the page: up to 8 distinct hanzi of the element's text, each drawn at 32 px in its font.
function drawHanzi(arg: { selector: string; missing: string; fallback: string }): { family: string; drawn: Drawn[] } {
  const element = document.querySelector(arg.selector) ?? document.body;
  const style = getComputedStyle(element);
  const own = [...new Set((element.textContent ?? '').match(/\p{Script=Han}/gu) ?? [])].slice(0, 8);
  const sample = own.length > 1 ? own : [...arg.fallback];
  const size = 32;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size * 2;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const draw = (ch: string): { ink: number; bits: string } => {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.font = `${style.fontStyle} ${style.fontWeight} ${size}px ${style.fontFamily}`;
    ctx.textBaseline = 'top';
    ctx.fillText(ch, size / 2, size / 2);
    const alpha = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    let bits = '';
    for (let i = 3; i < alpha.length; i += 4) {
      if (alpha[i] > 0) ink++;
      bits += alpha[i] > 127 ? '1' : '0';
    }
    return { ink, bits };
  };
  const missing = draw(arg.missing).bits;
  const first = draw(sample[0]).bits;
  const drawn = sample.map((ch) => {
    const { ink, bits } = draw(ch);
    return { ch, ink, asMissing: bits === missing, asFirst: bits === first };
  });
  return { family: style.fontFamily, drawn };
}
