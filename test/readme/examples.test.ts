// examples/ holds the README's sample draft twice: as text and as the Word file made from it
// (examples/make-draft-docx.ts). They must say the same, and the draft must mix stock and new text.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/io/read.js';

const paragraphs = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);

describe('examples/', () => {
  it('draft.docx holds the paragraphs of draft.txt', async () => {
    const { docs, problems } = await readInputs(['examples/draft.docx']);
    expect(problems).toEqual([]);
    expect(paragraphs(docs[0].text)).toEqual(paragraphs(await readFile('examples/draft.txt', 'utf8')));
  });

  it('draft.txt has sentences found verbatim in corpus/ and sentences found nowhere in it', async () => {
    const corpus = (await readInputs(['corpus'])).docs.map((d) => d.text).join('\n');
    const sentences = (await readFile('examples/draft.txt', 'utf8')).match(/[^。\n]+。/g) ?? [];
    const found = sentences.filter((s) => corpus.includes(s));
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(sentences.length);
  });
});
