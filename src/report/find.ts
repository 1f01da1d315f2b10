// `find` output: a KWIC concordance on the terminal (context right- and left-aligned around the
// phrase), and one CSV row per occurrence.
import type { FindResult } from '../types.js';
import { csvTable, type CsvOptions } from './csv.js';
import { terminalLine } from './escape.js';
import { padStartToWidth, truncateToWidth, displayWidth } from './width.js';

export const FIND_COLUMNS = ['doc', 'start', 'end', 'left', 'match', 'right'] as const;

export function findCsv(r: FindResult, opts: CsvOptions = {}): string {
  return csvTable(FIND_COLUMNS, r.occurrences.map((o) => [o.doc, o.start, o.end, o.left, o.text, o.right]), opts);
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
    return `${padStartToWidth(truncateToWidth(x.doc, docWidth), docWidth)}  ${left} ${match} ${right}`;
  });
  const more = shown.length < r.occurrences.length ? [`… ${r.occurrences.length - shown.length} more (--top, --json, --csv)`] : [];
  return [head, ...lines, ...more].join('\n') + '\n';
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
