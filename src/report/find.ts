// `find` output: a KWIC concordance on the terminal (context right- and left-aligned around the
// phrase), and one CSV row per occurrence.
import type { FindResult } from '../types.js';
import { orderGroups, spreadOver } from '../meta/groups.js';
import { csvTable, type CsvOptions } from './csv.js';
import { sortKwic, type KwicSort } from './kwic.js';
import { terminalLine } from './escape.js';
import { padStartToWidth, truncateToWidth, displayWidth } from './width.js';

export const FIND_COLUMNS = ['doc', 'start', 'end', 'left', 'match', 'right'] as const;

/** One row per occurrence; with --group-by a `group` column (named after the metadata column's values) first. */
export function findCsv(r: FindResult, opts: CsvOptions = {}): string {
  const grouped = r.groupBy !== undefined;
  const rows = r.occurrences.map((o) => [...(grouped ? [o.group ?? ''] : []), o.doc, o.start, o.end, o.left, o.text, o.right]);
  return csvTable([...(grouped ? ['group'] : []), ...FIND_COLUMNS], rows, opts);
}

export type FindSort = KwicSort;
export const FIND_SORTS: readonly FindSort[] = ['doc', 'left', 'right'];

export interface FindArrangement {
  /** doc: document order (default); left: by the left context read backwards from the match; right: by the right context. */
  sort?: FindSort;
  /** A metadata column, and each document's value of it. */
  groupBy?: { column: string; groupOf: (doc: string) => string | undefined };
}

/** Occurrences sorted the way a concordancer sorts KWIC lines, and counted per group. */
export function arrangeFind(r: FindResult, a: FindArrangement): FindResult {
  const out: FindResult = { ...r, occurrences: sortKwic(r.occurrences, a.sort ?? 'doc') };
  if (!a.groupBy) return out;
  const { column, groupOf } = a.groupBy;
  out.occurrences = out.occurrences.map((o) => ({ ...o, group: groupOf(o.doc) ?? '' }));
  const order = orderGroups(out.occurrences.map((o) => groupOf(o.doc)).filter((g): g is string => g !== undefined));
  return { ...out, groupBy: column, groups: spreadOver(out.occurrences, groupOf, order).groups };
}

export interface FindTerminalOptions {
  color: boolean;
  /** Columns of context either side. */
  width?: number;
  top?: number;
}

const oneLine = (s: string): string => terminalLine(s.replace(/\s+/g, ' '));

export function renderFindTerminal(r: FindResult, o: FindTerminalOptions): string {
  const width = o.width ?? 30;
  const shown = r.occurrences.slice(0, o.top ?? r.occurrences.length);
  const head = `"${r.phrase}": ${r.count} occurrence${r.count === 1 ? '' : 's'} in ${r.docFreq} document${r.docFreq === 1 ? '' : 's'}`;
  const docWidth = Math.min(28, Math.max(0, ...shown.map((x) => displayWidth(x.doc))));
  const lines = shown.map((x) => {
    const left = padStartToWidth(lastColumns(oneLine(x.left), width), width);
    const right = truncateToWidth(oneLine(x.right), width);
    const match = o.color ? `\x1b[1;4;31m${oneLine(x.text)}\x1b[0m` : `[${oneLine(x.text)}]`;
    const group = x.group !== undefined ? `${x.group || '–'}  ` : '';
    return `${group}${padStartToWidth(truncateToWidth(x.doc, docWidth), docWidth)}  ${left} ${match} ${right}`;
  });
  const more = shown.length < r.occurrences.length ? [`… ${r.occurrences.length - shown.length} more (--top, --json, --csv)`] : [];
  const groups = r.groups ? [`by ${r.groupBy}: ${r.groups.map((g) => `${g.group} ${g.docs}/${g.count}`).join(' · ')}  (documents/occurrences)`] : [];
  return [head, ...groups, ...lines, ...more].join('\n') + '\n';
}

/** The last `max` columns of text, starting with … when cut. */
function lastColumns(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  const chars = [...text];
  let out = '';
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = displayWidth(chars[i]);
    if (w + cw > max - 1) break;
    out = chars[i] + out;
    w += cw;
  }
  return `…${out}`;
}
