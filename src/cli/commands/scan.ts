import { TaohuaError } from '../../errors.js';
import { scanCorpus } from '../../pipeline.js';
import { documentsCsv, renderScanTerminal, sortPhrases, filterPhrases, jsonChunks } from '../../report/index.js';
import type { PhraseSortKey } from '../../report/index.js';
import { groupsLongCsv, groupsWideCsv, spreadPhrasesCsv } from '../../report/groups-csv.js';
import { metaColumns, spreadScan, type GroupedPhrase, type Grouping } from '../../meta/phrase-groups.js';
import { metaForDocs, type DocMeta } from '../../meta/index.js';
import type { ScanResult } from '../../types.js';
import { intFlag, type Flags } from '../args.js';
import { openCorpus } from '../corpus.js';
import { readMetaFlag } from '../meta.js';
import { useColor, writeFileAtomic, writeStdout, writeStdoutChunks } from '../output.js';
import { PAGE_PHRASES } from '../../report/scan-page-data.js';

const SORT_KEYS: readonly PhraseSortKey[] = ['docFreq', 'count', 'meanChars', 'text', 'template'];
const TABLES = ['phrases', 'documents', 'groups', 'groups-wide'] as const;
type Table = (typeof TABLES)[number];

interface Scanned {
  result: ScanResult;
  problems: number;
  meta: Map<string, DocMeta>;
  /** Document texts by path (local scans; the HTML page needs them for context lines). */
  texts?: Map<string, string>;
}

/** `scan` and `phrases`: the corpus against itself. */
export async function runScan(flags: Flags, positionals: string[]): Promise<number> {
  const paths = [...positionals, ...(flags.against ?? [])];
  flags = synonymsDefault(flags);
  const table = tableOf(flags);
  if (flags.html && flags.redis) throw new TaohuaError('USAGE', '--html needs the documents here: drop --redis');
  const scanned = flags.redis ? await scanOnRedis(flags, paths) : await scanHere(flags, paths);
  const shaped = shape(scanned.result, flags);
  const { documents, phrases, grouping } = spreadScan(shaped.documents, shaped.phrases, scanned.meta, flags['group-by']);
  const result: ScanResult & { groupBy?: Grouping } = { ...shaped, documents, phrases, ...(grouping ? { groupBy: grouping } : {}) };
  if (flags.html) {
    const { renderScanHtml } = await import('../../report/scan-html.js');
    // The page draws a timeline whenever documents have a year, as serve's /phrases does.
    // The page stays small: the first PAGE_PHRASES phrases unless --top says otherwise.
    const listed = flags.top === undefined ? shaped.phrases.slice(0, PAGE_PHRASES) : shaped.phrases;
    const page = grouping || !metaColumns(scanned.meta).includes('year') ? spreadScan(shaped.documents, listed, scanned.meta, flags['group-by']) : spreadScan(shaped.documents, listed, scanned.meta, 'year');
    await writeFileAtomic(flags.html, renderScanHtml({ ...page, texts: scanned.texts!, total: shaped.phrases.length }));
  }
  if (flags.json) await writeStdoutChunks(jsonChunks(result));
  else if (flags.csv) process.stdout.write(csvOf(table, phrases, documents, grouping, flags.bom));
  else writeStdout(renderScanTerminal(result, { color: useColor(flags), top: intFlag(flags.top, 'top') ?? 20, spreadLine: grouping ? (p) => spreadLine(p as GroupedPhrase) : undefined }));
  return scanned.problems ? 1 : 0;
}

/**
 * Researchers want spun variants as variants, so scan does not fold spinner synonyms unless asked
 * (--synonyms); check does. A saved index keeps the normalisation it was built with.
 */
function synonymsDefault(flags: Flags): Flags {
  if (flags.index) {
    if (flags.synonyms) throw new TaohuaError('USAGE', '--synonyms: a saved index folds synonyms as it was built (index --no-synonyms to keep them apart)');
    return flags;
  }
  return flags.synonyms ? flags : { ...flags, 'no-synonyms': true };
}

function tableOf(flags: Flags): Table {
  const table = (flags.table ?? 'phrases') as Table;
  if (!TABLES.includes(table)) throw new TaohuaError('USAGE', `--table takes ${TABLES.join(', ')}, not "${flags.table}"`);
  if (table.startsWith('groups') && flags['group-by'] === undefined) throw new TaohuaError('USAGE', `--table ${table} needs --group-by COLUMN`);
  return table;
}

function csvOf(table: Table, phrases: GroupedPhrase[], documents: ScanResult['documents'], grouping: Grouping | undefined, bom?: boolean): string {
  if (table === 'documents') return documentsCsv(documents, { bom });
  if (table === 'groups') return groupsLongCsv(phrases, grouping!, { bom });
  if (table === 'groups-wide') return groupsWideCsv(phrases, grouping!, { bom });
  return spreadPhrasesCsv(phrases, grouping !== undefined, { bom });
}

function spreadLine(p: GroupedPhrase): string {
  const span = p.first === undefined ? 'no group' : p.first === p.last ? p.first : `${p.first}–${p.last}`;
  return `${span} · ${p.groups?.length ?? 0} groups · DP ${p.dp.toFixed(2)}`;
}

/** Before the scan (the slow part), so that a column no document has fails at once. */
function assertGroupable(meta: ReadonlyMap<string, DocMeta>, column: string | undefined): void {
  if (column === undefined || [...meta.values()].some((m) => m[column] !== undefined)) return;
  const columns = metaColumns(meta).join(', ') || 'none; give --meta FILE.csv';
  throw new TaohuaError('USAGE', `--group-by ${column}: no document has a ${column} (columns: ${columns})`);
}

/**
 * For scan, --min-chars is the shortest phrase listed (formulas included), not a parameter of the
 * units indexed: so it needs no index built with it, and may go below the unit minimum.
 */
async function scanHere(flags: Flags, paths: string[]): Promise<Scanned> {
  const formulaChars = intFlag(flags['min-chars'], 'min-chars');
  const corpus = await openCorpus({ ...flags, 'min-chars': undefined }, paths);
  assertGroupable(corpus.meta, flags['group-by']);
  const texts = new Map(corpus.index.docs.map((d) => [d.path, d.text]));
  const match = { ...corpus.options.match, formulaChars: formulaChars ?? corpus.options.match.formulaChars };
  return { result: scanCorpus(corpus.index, { ...corpus.options, match }), problems: corpus.problems, meta: corpus.meta, texts };
}

async function scanOnRedis(flags: Flags, paths: string[]): Promise<Scanned> {
  const table = await readMetaFlag(flags.meta);
  const { result, problems } = await (await import('./distributed.js')).distributedScanFromFlags(flags, paths);
  const docPaths = result.documents.map((d) => d.path);
  const metas = metaForDocs(docPaths, table);
  const meta = new Map(docPaths.map((p, i) => [p, metas[i]]));
  assertGroupable(meta, flags['group-by']);
  return { result, problems, meta };
}

function shape(r: ScanResult, flags: Flags): ScanResult {
  const key = (flags.sort ?? 'docFreq') as PhraseSortKey;
  if (!SORT_KEYS.includes(key)) throw new TaohuaError('USAGE', `--sort takes one of ${SORT_KEYS.join(', ')}, not "${flags.sort}"`);
  const sorted = sortPhrases(r.phrases, key, !flags.asc);
  const phrases = filterPhrases(sorted, {
    minDocs: intFlag(flags['min-docs'], 'min-docs'),
    minChars: intFlag(flags['min-chars'], 'min-chars'),
    top: flags.json || flags.csv || flags.html ? intFlag(flags.top, 'top') : undefined,
  });
  return { ...r, phrases };
}
