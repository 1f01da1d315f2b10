// A real check for the editor's report: examples/draft.txt with section headings, against corpus/.
import { readFileSync } from 'node:fs';
import { buildIndex, check, textDocument } from '../../src/index.js';
import type { CheckResult, CorpusIndex } from '../../src/index.js';

export interface EditorFixture {
  draftText: string;
  result: CheckResult;
  index: CorpusIndex;
}

/** The sample draft cut into two sections (一、 二、) so that the panel has per-section rows. */
export async function editorFixture(): Promise<EditorFixture> {
  const lines = readFileSync('examples/draft.txt', 'utf8').split('\n');
  const middle = Math.ceil(lines.length / 2);
  const draftText = ['一、工作回顾', ...lines.slice(0, middle), '二、下一步打算', ...lines.slice(middle)].join('\n');
  const index = (await buildIndex(['corpus'], { threads: 1 })).index;
  const result = await check(textDocument(draftText, 'draft.txt'), index, {});
  return { draftText, result, index };
}
