// Run by hand to rewrite examples/draft.docx from examples/draft.txt, one paragraph per line:
//   npx tsc --outDir .gen --rootDir . --module NodeNext --moduleResolution NodeNext --target ES2022 --strict --skipLibCheck examples/make-draft-docx.ts
//   node .gen/examples/make-draft-docx.js && rm -rf .gen
import { readFile, writeFile } from 'node:fs/promises';
import { makeDocx } from '../test/server/docx.js';

const paragraphs = (await readFile('examples/draft.txt', 'utf8')).split('\n').filter((line) => line.trim() !== '');
await writeFile('examples/draft.docx', await makeDocx(paragraphs));
console.log(`wrote examples/draft.docx (${paragraphs.length} paragraphs)`);
