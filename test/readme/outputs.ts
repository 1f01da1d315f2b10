// What a README command wrote: the file exists, is not empty, and parses as what its name says.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadIndex } from '../../src/index/store.js';

/** Why the file is not a good output, or null. */
export async function outputProblem(path: string): Promise<string | null> {
  const size = await stat(path).then((s) => s.size, () => -1);
  if (size < 0) return `${path} was not written`;
  if (size === 0) return `${path} is empty`;
  try {
    await validate(path);
    return null;
  } catch (e) {
    return `${path} is not valid ${extname(path) || 'output'}: ${(e as Error).message.split('\n')[0]}`;
  }
}

async function validate(path: string): Promise<void> {
  switch (extname(path)) {
    case '.json':
      JSON.parse(await readFile(path, 'utf8'));
      return;
    case '.csv':
      // Throws on unbalanced quotes and on rows whose column count differs from the header's.
      if ((parse(await readFile(path), { bom: true }) as string[][]).length < 2) throw new Error('no rows under the header');
      return;
    case '.html':
      if (!/^\s*<!doctype html>/i.test(await readFile(path, 'utf8'))) throw new Error('no <!doctype html>');
      return;
    case '.taohua':
      await loadIndex(path);
      return;
  }
}
