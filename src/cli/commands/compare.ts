import { TaohuaError } from '../../errors.js';
import { normaliseOptions } from '../../options.js';
import { readOneFile } from '../../io/read.js';
import { compareDocuments } from '../../pipeline.js';
import { renderCompareHtml, renderCompareTerminal, jsonChunks } from '../../report/index.js';
import type { SourceDoc } from '../../types.js';
import { engineOptions, type Flags } from '../args.js';
import { guardOutput, useColor, writeFileAtomic, writeStdout, writeStdoutChunks } from '../output.js';

export async function runCompare(flags: Flags, positionals: string[]): Promise<number> {
  if (positionals.length !== 2) throw new TaohuaError('USAGE', 'compare takes two documents: taohua compare A B');
  if (flags.html) await guardOutput(flags.html, positionals, '--html');
  const [a, b] = await Promise.all(positionals.map(readDoc));
  const result = await compareDocuments(a, b, normaliseOptions(engineOptions(flags)));
  if (flags.html) await writeFileAtomic(flags.html, renderCompareHtml(result, a.text, b.text));
  if (flags.json) await writeStdoutChunks(jsonChunks(result));
  else writeStdout(renderCompareTerminal(result, a.text, b.text, { color: useColor(flags) }));
  return 0;
}

async function readDoc(path: string): Promise<SourceDoc> {
  const r = await readOneFile(path);
  if (!r.ok) throw new TaohuaError(r.problem.code, r.problem.message, r.problem.path);
  return r.doc;
}
