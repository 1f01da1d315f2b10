// check with the span layer, on real text: stock text found wherever it lies, with its document
// frequency, and sources credited by what they cover.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, check, compare, normaliseOptions, textDocument } from '../../src/index.js';
import { indexDocuments } from '../../src/pipeline.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';
import type { CheckResult } from '../../src/types.js';

const GWR = '../shared/gwr';
const read = (p: string): string => readFileSync(p, 'utf8');

/** Non-blank characters of [start, end) of text that lie in stock spans. */
function stockIn(r: CheckResult, text: string, start: number, end: number): number {
  let n = 0;
  for (const s of r.sentences) {
    for (const sp of s.spans) {
      if (sp.kind !== 'stock') continue;
      for (let i = Math.max(start, sp.start); i < Math.min(end, sp.end); i++) if (!/\s/.test(text[i])) n++;
    }
  }
  return n;
}

const nonBlank = (s: string): number => s.replace(/\s/g, '').length;

/** Sentences of a file that are long, plain and end in 。 */
function sentencesOf(path: string): string[] {
  return read(path)
    .split(/(?<=。)|\n/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 20 && s.length <= 120 && s.endsWith('。') && !/[（）()\[\]“”]/.test(s));
}

describe.skipIf(!existsSync(GWR))('check with the span layer (gwr)', () => {
  let index: CorpusIndex;
  const files = existsSync(GWR) ? readdirSync(GWR).filter((f) => f.endsWith('.txt')).sort() : [];
  beforeAll(async () => {
    index = (await buildIndex([GWR])).index;
  });

  it('finds a stock clause pasted into an original clause without punctuation', async () => {
    const stock = '坚持稳中求进工作总基调';
    const draft = `今年我们单位全体同事认真学习文件精神${stock}努力把各项具体事务办得更加扎实细致。`;
    const r = await check(textDocument(draft), index);
    const at = draft.indexOf(stock);
    expect(stockIn(r, draft, at, at + stock.length)).toBe(stock.length);
    expect(r.sentences[0].label).toBe('edited');
    // its document frequency: the files that contain it, by plain string search
    const span = r.sentences[0].spans.find((s) => s.kind === 'stock')!;
    const content = (t: string): string => t.replace(/[^\p{L}\p{N}]/gu, '');
    const spanText = content(draft.slice(span.start, span.end));
    const truth = files.filter((f) => content(read(join(GWR, f))).includes(spanText)).length;
    expect(span.docFreq).toBe(truth);
    expect(span.docFreq).toBeGreaterThan(5);
  });

  it('finds a copy whose punctuation was stripped', async () => {
    const source = sentencesOf(join(GWR, '2015.txt')).slice(10, 14);
    const draft = source.join('').replace(/[，。、；：]/g, '');
    const r = await check(textDocument(draft), index);
    expect(stockIn(r, draft, 0, draft.length) / nonBlank(draft)).toBeGreaterThan(0.9);
  });

  it('credits a draft copied from one report to that report, with what compare finds', async () => {
    const path = join(GWR, '2019.txt');
    const draftText = sentencesOf(path).slice(20, 50).join('');
    const draft = textDocument(draftText, 'draft.txt');
    const r = await check(draft, index);
    expect(r.sources[0].doc.endsWith('2019.txt')).toBe(true);
    const pair = await compare(textDocument(read(path), path), draft);
    expect(r.sources[0].stockChars).toBeGreaterThanOrEqual(0.9 * pair.b.sharedChars);
    for (const s of r.sentences) if (s.label !== 'original') expect(s.matches[0].doc.endsWith('2019.txt')).toBe(true);
  });
});

describe('check with the span layer (corpus)', () => {
  it('marks stock text across a sentence boundary and inside a long original clause', async () => {
    const files = readdirSync('corpus').filter((f) => f.endsWith('.txt')).sort();
    const index = (await buildIndex(files.slice(1).map((f) => join('corpus', f)))).index;
    const source = read(join('corpus', files[1]));
    const piece = sentencesOf(join('corpus', files[1]))[3];
    expect(piece).toBeDefined();
    const tail = piece.slice(-12);
    const draft = `这是我们自己写的一段全新的文字，和任何材料都没有关系${tail}新的开头写在这里也是自己的话。`;
    const r = await check(textDocument(draft), index);
    const at = draft.indexOf(tail);
    expect(stockIn(r, draft, at, at + tail.length)).toBeGreaterThanOrEqual(nonBlank(tail) - 1);
    expect(stockIn(r, draft, 0, 20)).toBe(0);
    expect(source.includes(piece)).toBe(true);
  });
});

describe('check with the span layer (English)', () => {
  it('finds a pasted English clause of several words, not one shared word', async () => {
    const corpus = [
      textDocument('The government will continue to promote economic development and improve the living standards of the people. We must strengthen the rule of law and deepen reform in all areas.', 'a.txt'),
      textDocument('Our economy grew steadily last year. The administration introduced measures to support small businesses.', 'b.txt'),
    ];
    const built = await indexDocuments(corpus, normaliseOptions());
    const clause = 'strengthen the rule of law and deepen reform';
    const draft = `My grandmother grows tomatoes and says we must ${clause} in her garden. The development of the village school was slow.`;
    const r = await check(textDocument(draft), built);
    const at = draft.indexOf(clause);
    expect(stockIn(r, draft, at, at + clause.length)).toBe(nonBlank(clause));
    expect(r.sentences[1].label).toBe('original');
  });
});
