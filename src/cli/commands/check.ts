import { TaohuaError } from '../../errors.js';
import { readOneFile } from '../../io/read.js';
import { checkDocument } from '../../pipeline.js';
import { renderCheckHtml, renderCheckTerminal, sentencesCsv, toJson } from '../../report/index.js';
import type { Flags } from '../args.js';
import { openCorpus } from '../corpus.js';
import { useColor, writeFileAtomic, writeStdout } from '../output.js';

export async function runCheck(flags: Flags, positionals: string[]): Promise<number> {
  if (positionals.length !== 1) throw new TaohuaError('USAGE', 'check takes one draft: taohua check DRAFT --against PATH... | --index FILE');
  const read = await readOneFile(positionals[0]);
  if (!read.ok) throw new TaohuaError(read.problem.code, read.problem.message, read.problem.path);
  const corpus = await openCorpus(flags, flags.against ?? []);
  const checked = checkDocument(read.doc, corpus.index, corpus.options);
  const sources = checked.sources.map((s) => {
    const meta = corpus.meta.get(s.doc);
    return meta && Object.keys(meta).length ? { ...s, meta } : s;
  });
  const result = { ...checked, sources };
  if (flags.html) await writeFileAtomic(flags.html, renderCheckHtml(result, { draftText: read.doc.text }));
  if (flags.json) writeStdout(toJson(result));
  else if (flags.csv) process.stdout.write(sentencesCsv(result, { bom: flags.bom }));
  else writeStdout(renderCheckTerminal(result, { color: useColor(flags) }));
  return corpus.problems ? 1 : 0;
}
