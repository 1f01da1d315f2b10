import { TaohuaError } from '../../errors.js';
import { scanCorpus } from '../../pipeline.js';
import { documentsCsv, filterPhrases, phrasesCsv, renderScanTerminal, sortPhrases, jsonChunks } from '../../report/index.js';
import type { PhraseSortKey } from '../../report/index.js';
import type { ScanResult } from '../../types.js';
import { intFlag, type Flags } from '../args.js';
import { openCorpus } from '../corpus.js';
import { useColor, writeStdout, writeStdoutChunks } from '../output.js';

const SORT_KEYS: readonly PhraseSortKey[] = ['docFreq', 'count', 'meanChars', 'text', 'template'];

/** `scan` and `phrases`: the corpus against itself. */
export async function runScan(flags: Flags, positionals: string[]): Promise<number> {
  const paths = [...positionals, ...(flags.against ?? [])];
  const { result: raw, problems } = flags.redis ? await (await import('./distributed.js')).distributedScanFromFlags(flags, paths) : await scanHere(flags, paths);
  const result = shape(raw, flags);
  const table = flags.table ?? 'phrases';
  if (table !== 'phrases' && table !== 'documents') throw new TaohuaError('USAGE', `--table takes phrases or documents, not "${table}"`);
  if (flags.json) await writeStdoutChunks(jsonChunks(result));
  else if (flags.csv) process.stdout.write(table === 'documents' ? documentsCsv(result.documents, { bom: flags.bom }) : phrasesCsv(result.phrases, { bom: flags.bom }));
  else writeStdout(renderScanTerminal(result, { color: useColor(flags), top: intFlag(flags.top, 'top') ?? 20 }));
  return problems ? 1 : 0;
}

async function scanHere(flags: Flags, paths: string[]): Promise<{ result: ScanResult; problems: number }> {
  const corpus = await openCorpus(flags, paths);
  return { result: scanCorpus(corpus.index, corpus.options), problems: corpus.problems };
}

function shape(r: ScanResult, flags: Flags): ScanResult {
  const key = (flags.sort ?? 'docFreq') as PhraseSortKey;
  if (!SORT_KEYS.includes(key)) throw new TaohuaError('USAGE', `--sort takes one of ${SORT_KEYS.join(', ')}, not "${flags.sort}"`);
  const sorted = sortPhrases(r.phrases, key, !flags.asc);
  const phrases = filterPhrases(sorted, {
    minDocs: intFlag(flags['min-docs'], 'min-docs'),
    minChars: intFlag(flags['min-chars'], 'min-chars'),
    top: flags.json || flags.csv ? intFlag(flags.top, 'top') : undefined,
  });
  return { ...r, phrases };
}
