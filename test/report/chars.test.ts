// One definition of characters: check, scan and compare count the same file alike, and the HTML
// headline and labels table agree with the JSON.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex, check, compare, scan } from '../../src/index.js';
import { charsByLabel } from '../../src/report/format.js';

const FILE = 'corpus/002_1d7511e2613f84a4.txt';

describe('characters', () => {
  it('are counted alike by check, scan, compare and the HTML table', async () => {
    const { index } = await buildIndex(['corpus'], { threads: 1 });
    const checked = await check(FILE, index);
    const scanned = (await scan(index)).documents.find((d) => d.path === FILE)!;
    const compared = await compare(FILE, 'corpus/000_1d961a0082aa0431.txt');
    expect(scanned.chars).toBe(checked.chars);
    expect(compared.a.chars).toBe(checked.chars);
    const byLabel = charsByLabel(checked);
    expect(byLabel.stock + byLabel.edited + byLabel.original).toBe(checked.chars);
    // Brute force: non-blank code points of the whole text, minus those of the chrome sentences and spans.
    const text = readFileSync(FILE, 'utf8');
    const chrome = checked.sentences.flatMap((s) => s.spans).filter((s) => s.kind === 'chrome');
    const blankFree = (t: string): number => [...t].filter((c) => !/\s/u.test(c)).length;
    expect(checked.chars).toBe(blankFree(text) - chrome.reduce((n, s) => n + blankFree(text.slice(s.start, s.end)), 0));
  });
});
