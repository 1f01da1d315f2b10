import { TaohuaError } from '../../errors.js';
import { readInputs, readOneFile } from '../../io/read.js';
import { checkDocument, type CheckExtras } from '../../pipeline.js';
import { allowIndex } from '../../align/leave-out.js';
import { excludeDocs } from '../../align/doc-filter.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import { renderCheckHtml, renderCheckTerminal, sentencesCsv, jsonChunks } from '../../report/index.js';
import { intFlag, type Flags } from '../args.js';
import { openCorpus } from '../corpus.js';
import { guardOutput, useColor, warn, writeFileAtomic, writeStdout, writeStdoutChunks } from '../output.js';

export async function runCheck(flags: Flags, positionals: string[]): Promise<number> {
  if (positionals.length !== 1) throw new TaohuaError('USAGE', 'check takes one draft: taohua check DRAFT --against PATH... | --index FILE');
  const minMatch = intFlag(flags['min-match'], 'min-match');
  const formulaDocs = intFlag(flags['formula-docs'], 'formula-docs');
  if (formulaDocs === 0) throw new TaohuaError('USAGE', '--formula-docs takes a whole number from 1');
  const named = [positionals[0], ...(flags.against ?? []), ...(flags.index ? [flags.index] : [])];
  if (flags.html) await guardOutput(flags.html, named, '--html');
  const read = await readOneFile(positionals[0]);
  if (!read.ok) throw new TaohuaError(read.problem.code, read.problem.message, read.problem.path);
  const corpus = await openCorpus(flags, flags.against ?? []);
  const extras = await checkExtras(flags, corpus.index);
  const checked = checkDocument(read.doc, corpus.index, corpus.options, { ...extras, minMatch, formulaDocs });
  const sources = checked.sources.map((s) => {
    const meta = corpus.meta.get(s.doc);
    return meta && Object.keys(meta).length ? { ...s, meta } : s;
  });
  const result = { ...checked, sources };
  if (flags.html) {
    await guardOutput(flags.html, [...named, ...corpus.index.docs.map((d) => d.path)], '--html');
    await writeFileAtomic(flags.html, renderCheckHtml(result, { draftText: read.doc.text, corpus: corpus.index }));
  }
  if (flags.json) await writeStdoutChunks(jsonChunks(result));
  else if (flags.csv) process.stdout.write(sentencesCsv(result, { bom: flags.bom }));
  else writeStdout(renderCheckTerminal(result, { color: useColor(flags) }));
  return corpus.problems ? 1 : 0;
}

/** --exclude (a pattern matching no document is named on stderr), --allow, --no-quotes, --no-headings. */
async function checkExtras(flags: Flags, index: CorpusIndex): Promise<CheckExtras> {
  const exclusion = flags.exclude?.length ? excludeDocs(index, flags.exclude) : undefined;
  for (const pattern of exclusion?.unmatched ?? []) warn(`${pattern}: --exclude matches no document of the corpus`);
  let allow: CorpusIndex | undefined;
  if (flags.allow?.length) {
    const { docs, problems } = await readInputs(flags.allow);
    const bad = problems[0];
    if (bad) throw new TaohuaError(bad.code, bad.message, bad.path);
    if (docs.length === 0) throw new TaohuaError('EMPTY', 'no readable allowed text', flags.allow.join(' '));
    allow = allowIndex(docs, index);
  }
  return { exclusion, allow, noQuotes: flags['no-quotes'], noHeadings: flags['no-headings'] };
}
