import { TaohuaError } from '../../errors.js';
import { readOneFile } from '../../io/read.js';
import { checkDocument } from '../../pipeline.js';
import { renderCheckHtml, renderCheckTerminal, sentencesCsv, jsonChunks } from '../../report/index.js';
import type { Flags } from '../args.js';
import { openCorpus } from '../corpus.js';
import { guardOutput, useColor, writeFileAtomic, writeStdout, writeStdoutChunks } from '../output.js';

export async function runCheck(flags: Flags, positionals: string[]): Promise<number> {
  if (positionals.length !== 1) throw new TaohuaError('USAGE', 'check takes one draft: taohua check DRAFT --against PATH... | --index FILE');
  const named = [positionals[0], ...(flags.against ?? []), ...(flags.index ? [flags.index] : [])];
  if (flags.html) await guardOutput(flags.html, named, '--html');
  const read = await readOneFile(positionals[0]);
  if (!read.ok) throw new TaohuaError(read.problem.code, read.problem.message, read.problem.path);
  const corpus = await openCorpus(flags, flags.against ?? []);
  const checked = checkDocument(read.doc, corpus.index, corpus.options);
  const sources = checked.sources.map((s) => {
    const meta = corpus.meta.get(s.doc);
    return meta && Object.keys(meta).length ? { ...s, meta } : s;
  });
  const result = { ...checked, sources };
  if (flags.html) {
    await guardOutput(flags.html, [...named, ...corpus.index.docs.map((d) => d.path)], '--html');
    await writeFileAtomic(flags.html, renderCheckHtml(result, { draftText: read.doc.text }));
  }
  if (flags.json) await writeStdoutChunks(jsonChunks(result));
  else if (flags.csv) process.stdout.write(sentencesCsv(result, { bom: flags.bom }));
  else writeStdout(renderCheckTerminal(result, { color: useColor(flags) }));
  return corpus.problems ? 1 : 0;
}
