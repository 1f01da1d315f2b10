/**
 * The module a child process runs to build a large index (the corpus `copies` times over) and save
 * it to its first argument, printing `saving` before and `saved` after: tests kill it mid-write.
 */
export function bigSaveScript(repo: string, copies: number): string {
  return `
      import { readdirSync, readFileSync } from 'node:fs';
      import { normaliseOptions } from '${repo}dist/src/options.js';
      import { indexDocuments } from '${repo}dist/src/pipeline.js';
      import { saveIndex } from '${repo}dist/src/index/store.js';
      const base = readdirSync('${repo}corpus').filter((f) => f.endsWith('.txt')).map((f) => readFileSync('${repo}corpus/' + f, 'utf8'));
      const docs = [];
      for (let c = 0; c < ${copies}; c++) base.forEach((t, i) => docs.push({ path: c + '/' + i, text: c + t, format: 'txt', encoding: 'utf-8' }));
      const index = await indexDocuments(docs, normaliseOptions({ match: { chrome: false } }));
      process.stdout.write('saving\\n');
      await saveIndex(index, process.argv[1]);
      process.stdout.write('saved\\n');
    `;
}
