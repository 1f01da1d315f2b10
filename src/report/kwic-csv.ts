// KWIC lines as CSV, one row per occurrence (for `find --csv`): where it is, its context, and the
// document's group when grouped.
import type { DocMeta } from '../meta/doc-meta.js';
import { csvTable, type CsvOptions } from './csv.js';
import type { KwicLine } from './kwic.js';

export const KWIC_COLUMNS = ['document', 'start', 'end', 'left', 'match', 'right'] as const;

export function kwicCsv(
  lines: readonly KwicLine[],
  opts: CsvOptions & { groupBy?: string; meta?: ReadonlyMap<string, DocMeta> } = {},
): string {
  const { groupBy, meta } = opts;
  const header = groupBy ? [...KWIC_COLUMNS, groupBy] : [...KWIC_COLUMNS];
  const rows = lines.map((l) => {
    const row = [l.doc, l.start, l.end, l.left, l.node, l.right];
    return groupBy ? [...row, meta?.get(l.doc)?.[groupBy] ?? ''] : row;
  });
  return csvTable(header, rows, opts);
}
