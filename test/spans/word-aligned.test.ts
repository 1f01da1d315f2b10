// WordEdges cuts only the pieces of a document around the occurrences it trims. That is sound only
// if jieba cuts a text piece by piece between its separators (white space, ，and 。): checked
// here against a cut of each whole document.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokenise, tokeniserFor } from '../../src/text/tokens.js';

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const GWR = '../shared/gwr';

function texts(dir: string, n: number): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f) && !/^readme/i.test(f))
    .sort()
    .slice(0, n)
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** Word boundaries (offsets where a word ends) of a token list covering a text. */
function boundaries(tokens: string[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const t of tokens) out.push((at += t.length));
  return out;
}

describe('jieba cuts between separators', () => {
  it('gives the same words piece by piece as for the whole document (corpus and ten gwr reports)', () => {
    const docs = [...texts(CORPUS, 5), ...texts(GWR, 10)];
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const text of docs) {
      const cut = tokeniserFor(text);
      const pieces = text.split(/([ \t\n，。])/).filter((p) => p !== '');
      const piecewise = pieces.flatMap((p) => (/^[ \t\n，。]$/.test(p) ? [p] : cut(p)));
      expect(piecewise.join('')).toBe(text);
      expect(boundaries(piecewise)).toEqual(boundaries(tokenise(text)));
    }
  });
});
