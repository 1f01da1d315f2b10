// Shared by the server tests: an index of corpus/ built in memory, and drafts made from it.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildIndex } from '../../src/index.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';

/** corpus/ of the repository, found upwards (the screenshot script runs from a build folder). */
export const CORPUS = findCorpus(import.meta.dirname);

function findCorpus(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'corpus'))) return join(dir, 'corpus');
  throw new Error(`corpus/ not found above ${from}`);
}

let built: Promise<CorpusIndex> | undefined;

export function corpusIndex(): Promise<CorpusIndex> {
  built ??= buildIndex([CORPUS]).then((b) => b.index);
  return built;
}

/** Sentences (ending in 。) of the corpus files, in order. */
export function corpusSentences(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(CORPUS).sort()) {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    for (const m of text.matchAll(/[^。\n]{12,80}。/g)) out.push(m[0].trim());
  }
  return out;
}

const ORIGINAL = [
  '今天早上我骑自行车沿着河边去菜市场买了两斤新鲜的草莓。',
  '隔壁的小猫总喜欢趴在窗台上晒太阳，一动不动像个毛线团。',
  '周末我们计划带孩子去山里露营，顺便看看秋天的红叶。',
  '那家面馆的牛肉面汤头浓郁，每天中午门口都排着长队。',
];

/** Paragraphs mixing corpus sentences (stock) and sentences written here (original). */
export function mixedDraft(paragraphs = 3): string {
  const stock = corpusSentences();
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    out.push(stock[p * 7] + ORIGINAL[p % ORIGINAL.length] + stock[p * 7 + 3] + ORIGINAL[(p + 1) % ORIGINAL.length]);
  }
  return out.join('\n');
}

/** About `chars` characters: corpus sentences and original ones, taken from `seed` onwards. */
export function draftOfLength(chars: number, seed = 0): string {
  const stock = corpusSentences();
  let text = '';
  for (let i = 0; text.length < chars; i++) {
    text += i % 3 === 2 ? ORIGINAL[(seed + i) % ORIGINAL.length] : stock[(seed * 5 + i) % stock.length];
    if (i % 4 === 3) text += '\n';
  }
  return text.slice(0, chars);
}
