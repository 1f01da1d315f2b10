// Phrases over groups as CSV: long form (one row per phrase and group it occurs in) for R and
// pandas, and wide (one row per phrase, one column per group) for a spreadsheet.
import type { GroupedPhrase, Grouping } from '../meta/phrase-groups.js';
import { csvTable, PHRASE_COLUMNS, phraseRow, type CsvOptions } from './csv.js';

export const GROUP_LONG_COLUMNS = ['phrase', 'template', 'group', 'docs', 'count', 'groupDocs'] as const;

/** Groups where a phrase does not occur have no row (docs and count would be 0). */
export function groupsLongCsv(phrases: readonly GroupedPhrase[], grouping: Grouping, opts: CsvOptions = {}): string {
  const size = new Map(grouping.groups.map((g) => [g.group, g.docs]));
  const rows = phrases.flatMap((p) => (p.groups ?? []).map((g) => [p.text, p.template, g.group, g.docs, g.count, size.get(g.group) ?? 0]));
  return csvTable(GROUP_LONG_COLUMNS, rows, opts);
}

/** Cells are documents holding the phrase in that group (0 where none). */
export function groupsWideCsv(phrases: readonly GroupedPhrase[], grouping: Grouping, opts: CsvOptions = {}): string {
  const names = grouping.groups.map((g) => g.group);
  const header = ['phrase', 'template', 'docFreq', 'count', 'dp', 'first', 'last', ...names];
  const rows = phrases.map((p) => {
    const docs = new Map((p.groups ?? []).map((g) => [g.group, g.docs]));
    return [p.text, p.template, p.docFreq, p.count, p.dp, p.first ?? '', p.last ?? '', ...names.map((g) => docs.get(g) ?? 0)];
  });
  return csvTable(header, rows, opts);
}

/** The phrase table with its dispersion, and with --group-by the first and last group. */
export function spreadPhrasesCsv(phrases: readonly GroupedPhrase[], grouped: boolean, opts: CsvOptions = {}): string {
  const extra = grouped ? ['dp', 'first', 'last'] : ['dp'];
  const rows = phrases.map((p) => [...phraseRow(p), p.dp, ...(grouped ? [p.first ?? '', p.last ?? ''] : [])]);
  return csvTable([...PHRASE_COLUMNS, ...extra], rows, opts);
}
