// RFC 4180 tables for researchers: CRLF line ends, quoted when needed, optional BOM.

import type { CheckResult, DocumentStats, Phrase, SentenceResult } from '../types.js';
import { countChars } from '../text/chars.js';
import { bestMatch } from './format.js';
import { variantsColumn } from './variants.js';

export interface CsvOptions {
  /**
   * For Excel: put a UTF-8 byte order mark first, and neutralise text cells that Excel would run
   * as formulas (see excelSafe). Without it the table is a faithful round trip of the data.
   */
  bom?: boolean;
}

export type Cell = string | number | boolean | null | undefined;

/** One field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: Cell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A text cell Excel would take for a formula (it starts with = + - @, or a tab or CR, which
 * Excel strips before looking) gets a leading apostrophe, so it is shown as text and never run.
 * Numbers are left alone: they are data, and a negative number is not a formula.
 */
export function excelSafe(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A whole table: header row, then rows, each ending in CRLF. */
export function csvTable(header: readonly string[], rows: readonly (readonly Cell[])[], opts: CsvOptions = {}): string {
  const field = opts.bom ? (v: Cell): string => csvField(excelSafe(v)) : csvField;
  const lines = [header, ...rows].map((row) => `${row.map(field).join(',')}\r\n`);
  return (opts.bom ? '\ufeff' : '') + lines.join('');
}

export const PHRASE_COLUMNS = ['phrase', 'template', 'variants', 'docFreq', 'count', 'meanChars', 'example', 'docs', 'kind', 'formula'] as const;

export function phrasesCsv(phrases: Phrase[], opts: CsvOptions = {}): string {
  return csvTable(PHRASE_COLUMNS, phrases.map(phraseRow), opts);
}

export function phraseRow(p: Phrase): Cell[] {
  return [
    p.text,
    p.template,
    variantsColumn(p.slots),
    p.docFreq,
    p.count,
    p.meanChars,
    p.members[0]?.text ?? '',
    p.docs.join(' | '),
    p.kind ?? 'cluster',
    p.formula ?? '',
  ];
}

export const DOCUMENT_COLUMNS = ['document', 'chars', 'stockChars', 'stockRatio', 'phrases'] as const;

/** One row per document; its metadata columns (alphabetical) follow the fixed ones. */
export function documentsCsv(docs: DocumentStats[], opts: CsvOptions = {}): string {
  const keys = [...new Set(docs.flatMap((d) => Object.keys(d.meta ?? {})))].sort();
  const rows = docs.map((d) => [d.path, d.chars, d.stockChars, d.stockRatio, d.phrases, ...keys.map((k) => d.meta?.[k] ?? '')]);
  return csvTable([...DOCUMENT_COLUMNS, ...keys], rows, opts);
}

export const SENTENCE_COLUMNS = ['start', 'end', 'label', 'similarity', 'text', 'source', 'tier', 'reuse', 'chars', 'stockChars', 'ratio'] as const;

/**
 * One row per sentence (`source`: the document of its largest stock part, else of its best match;
 * `ratio`: its stock share; then that document's metadata as `source_<column>` when the sources
 * carry any), then summary rows: `summary` (the whole draft, `source` its largest source),
 * `summary:withoutQuotes`, `summary:copiedOnly`, and one `section` row per heading 一、二、…
 */
export function sentencesCsv(r: CheckResult, opts: CsvOptions = {}): string {
  const metaOf = new Map(r.sources.map((s) => [s.doc, s.meta ?? {}]));
  const keys = [...new Set(r.sources.flatMap((s) => Object.keys(s.meta ?? {})))].sort();
  const metaCells = (doc: string): Cell[] => keys.map((k) => metaOf.get(doc)?.[k] ?? '');
  const rows: Cell[][] = r.sentences.map((s) => {
    const chars = sentenceChars(s);
    const source = s.source ?? bestMatch(s)?.doc ?? '';
    return [s.start, s.end, s.label, s.similarity, s.text, source, s.tier ?? '', s.reuse ?? '', chars.chars, chars.stock, ratio(chars.stock, chars.chars), ...metaCells(source)];
  });
  const p = r.panel;
  const blank = keys.map(() => '');
  rows.push(['', '', 'summary', '', '', p?.largestSource?.doc ?? '', '', '', r.chars, r.stockChars, r.stockRatio, ...metaCells(p?.largestSource?.doc ?? '')]);
  if (p) {
    rows.push(['', '', 'summary:withoutQuotes', '', '', '', '', '', r.chars, '', p.withoutQuotes, ...blank]);
    rows.push(['', '', 'summary:copiedOnly', '', '', '', '', '', r.chars, '', p.copiedOnly, ...blank]);
    for (const s of p.sections) rows.push([s.start, s.end, 'section', '', s.heading, s.largestSource?.doc ?? '', '', '', s.chars, s.stockChars, s.ratio, ...metaCells(s.largestSource?.doc ?? '')]);
  }
  return csvTable([...SENTENCE_COLUMNS, ...keys.map((k) => `source_${k}`)], rows, opts);
}

/** Characters (src/text/chars.ts) of a sentence outside chrome, and those in counted stock spans. */
function sentenceChars(s: SentenceResult): { chars: number; stock: number } {
  if (s.label === 'chrome') return { chars: 0, stock: 0 };
  let chars = countChars(s.text);
  let stock = 0;
  for (const span of s.spans) {
    const n = countChars(s.text, span.start - s.start, span.end - s.start);
    if (span.kind === 'chrome') chars -= n;
    if (span.kind === 'stock' && span.leftOut === undefined) stock += n;
  }
  return { chars, stock };
}

function ratio(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 1e4) / 1e4 : 0;
}
