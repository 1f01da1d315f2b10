// RFC 4180 tables for researchers: CRLF line ends, quoted when needed, optional BOM.

import type { CheckResult, DocumentStats, Phrase, SentenceResult } from '../types.js';
import { countChars } from '../text/chars.js';
import { bestMatch } from './format.js';
import { variantsColumn } from './variants.js';

export interface CsvOptions {
  /** Put a UTF-8 byte order mark first (for Excel). */
  bom?: boolean;
}

type Cell = string | number | boolean | null | undefined;

/** One field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: Cell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole table: header row, then rows, each ending in CRLF. */
export function csvTable(header: readonly string[], rows: readonly (readonly Cell[])[], opts: CsvOptions = {}): string {
  const lines = [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`);
  return (opts.bom ? '\ufeff' : '') + lines.join('');
}

export const PHRASE_COLUMNS = ['phrase', 'template', 'variants', 'docFreq', 'count', 'meanChars', 'example', 'docs'] as const;

export function phrasesCsv(phrases: Phrase[], opts: CsvOptions = {}): string {
  const rows = phrases.map((p) => [
    p.text,
    p.template,
    variantsColumn(p.slots),
    p.docFreq,
    p.count,
    p.meanChars,
    p.members[0]?.text ?? '',
    p.docs.join(' | '),
  ]);
  return csvTable(PHRASE_COLUMNS, rows, opts);
}

export const DOCUMENT_COLUMNS = ['document', 'chars', 'stockChars', 'stockRatio', 'phrases'] as const;

export function documentsCsv(docs: DocumentStats[], opts: CsvOptions = {}): string {
  const rows = docs.map((d) => [d.path, d.chars, d.stockChars, d.stockRatio, d.phrases]);
  return csvTable(DOCUMENT_COLUMNS, rows, opts);
}

export const SENTENCE_COLUMNS = ['start', 'end', 'label', 'similarity', 'text', 'source', 'tier', 'reuse', 'chars', 'stockChars', 'ratio'] as const;

/**
 * One row per sentence (`source`: the document of its largest stock part, else of its best match;
 * `ratio`: its stock share), then summary rows: `summary` (the whole draft, `source` its largest
 * source), `summary:withoutQuotes`, `summary:copiedOnly`, and one `section` row per heading 一、二、…
 */
export function sentencesCsv(r: CheckResult, opts: CsvOptions = {}): string {
  const rows: Cell[][] = r.sentences.map((s) => {
    const chars = sentenceChars(s);
    return [s.start, s.end, s.label, s.similarity, s.text, s.source ?? bestMatch(s)?.doc ?? '', s.tier ?? '', s.reuse ?? '', chars.chars, chars.stock, ratio(chars.stock, chars.chars)];
  });
  const p = r.panel;
  rows.push(['', '', 'summary', '', '', p?.largestSource?.doc ?? '', '', '', r.chars, r.stockChars, r.stockRatio]);
  if (p) {
    rows.push(['', '', 'summary:withoutQuotes', '', '', '', '', '', r.chars, '', p.withoutQuotes]);
    rows.push(['', '', 'summary:copiedOnly', '', '', '', '', '', r.chars, '', p.copiedOnly]);
    for (const s of p.sections) rows.push([s.start, s.end, 'section', '', s.heading, s.largestSource?.doc ?? '', '', '', s.chars, s.stockChars, s.ratio]);
  }
  return csvTable(SENTENCE_COLUMNS, rows, opts);
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
