import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { chromeRanges, learnChrome } from '../../src/io/chrome.js';
import { decodeBytes } from '../../src/io/decode.js';
import { extractText } from '../../src/io/extract.js';
import { expectWellFormedRanges } from './ranges.js';

const enc = (s: string): number[] => [...new TextEncoder().encode(s)];

/** Random bytes, sometimes behind a magic number so that every reader gets garbage. */
const payload = fc.tuple(
  fc.constantFrom<number[]>([], enc('%PDF-1.4\n'), [0x50, 0x4b, 0x03, 0x04], [0xef, 0xbb, 0xbf], [0xff, 0xfe], enc('<html><meta charset="big5">')),
  fc.uint8Array({ maxLength: 600 }),
);
const paths = fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.htm', 'a.docx', 'a.pdf', 'a.png', 'noext', 'a.exe');

/** Text made of chrome-ish and report-ish pieces, odd line breaks and astral characters. */
const pieces = fc.constantFrom(
  '\n', '\r\n', '\n\n', ' ', '下载文档', '- 下一篇:', '( wWw.850500.cOm 转载请注明 )', '(www.', '本作品是中华人民共和国的',
  'Public domain', 'false', '各位代表：', '在县委、县政府的正确领导下，', '。', '👉', '\u200b', '\ud800', '相关范文推荐', '|',
);
const texts = fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 60 }).map((a) => a.join(''));

describe('fuzz', () => {
  it('decodeBytes never throws and always answers with a known shape', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const r = decodeBytes(bytes);
        if (r.ok) expect(typeof r.text).toBe('string');
        else {
          expect(['BINARY', 'UNDECODABLE']).toContain(r.code);
          expect(r.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('extractText never throws', async () => {
    await fc.assert(
      fc.asyncProperty(paths, payload, async (path, [head, tail]) => {
        const r = await extractText(path, new Uint8Array([...head, ...tail]));
        if (!r.ok) expect(r.message).not.toMatch(/\n/);
      }),
      { numRuns: 150 },
    );
  });

  it('chromeRanges gives ascending, non-overlapping ranges inside the text', () => {
    fc.assert(
      fc.property(fc.array(texts, { minLength: 1, maxLength: 4 }), texts, (corpus, text) => {
        const model = learnChrome(corpus.map((t, i) => ({ path: `d${i}`, text: t, format: 'txt', encoding: 'utf-8' })));
        expectWellFormedRanges(text, chromeRanges(text, model));
      }),
      { numRuns: 400 },
    );
  });
});
