// Plain-text reports for a terminal: ANSI colour when asked, readable without it.

import type { CheckResult, CompareResult, Label, Phrase, ScanResult, SharedPassage } from '../types.js';
import { draftBlocks, type SentencePiece } from './draft-pieces.js';
import { terminalLine } from './escape.js';
import { formatCount, formatPercent, LABELS, LEFT_OUT_MARKS, rankedSources, sentenceCoverage, sentenceMark } from './format.js';
import { panelLines } from './terminal-panel.js';
import { slotVariantsText } from './variants.js';
import { padEndToWidth, padStartToWidth, truncateToWidth } from './width.js';

export interface TerminalOptions {
  color: boolean;
}

export interface CheckTerminalOptions extends TerminalOptions {
  /** How many sources to list (default 5). */
  topSources?: number;
}

export interface ScanTerminalOptions extends TerminalOptions {
  /** How many phrases to list (default 20). */
  top?: number;
  /** A dimmed line under each phrase (scan --group-by: its first and last group, DP). */
  spreadLine?(p: Phrase): string;
}

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  stock: '\x1b[1;4;31m', // bold red underlined
  edited: '\x1b[33m', // yellow
  chrome: '\x1b[2;9m', // dim struck through
} as const;

function paint(text: string, code: string, color: boolean): string {
  return color && text !== '' ? `${code}${text}${ANSI.reset}` : text;
}

const LABEL_TAGS: Record<Label, string> = { stock: 'STOCK', edited: 'EDITED', original: 'original', chrome: 'chrome' };
const LABEL_CODES: Record<Label, string> = { stock: ANSI.stock, edited: ANSI.edited, original: '', chrome: ANSI.chrome };

/** A piece of a sentence: stock spans «bracketed» without colour, red with it; left-out stock ‹Q…› dim. */
function renderPiece(piece: SentencePiece, label: Label, color: boolean): string {
  const text = terminalLine(piece.text);
  if (piece.kind === 'stock' && piece.leftOut) return color ? paint(text, ANSI.dim, true) : `‹${LEFT_OUT_MARKS[piece.leftOut]}${text}›`;
  if (piece.kind === 'stock') return color ? paint(text, ANSI.stock, true) : `«${text}»`;
  if (piece.kind === 'chrome' || label === 'chrome') return paint(text, ANSI.chrome, color);
  if (label === 'edited') return paint(text, ANSI.edited, color);
  return text;
}

/**
 * One line per sentence: a label column (label and similarity), then the
 * sentence with its stock spans marked; the summary and top sources follow.
 */
export function renderCheckTerminal(r: CheckResult, opts: CheckTerminalOptions): string {
  const { color } = opts;
  const lines: string[] = [];
  lines.push(paint(`taohua check · ${terminalLine(r.document)}`, ANSI.bold, color));
  lines.push(
    color
      ? `${paint('stock span', ANSI.stock, true)} · ${paint('edited sentence', ANSI.edited, true)} · ${paint('chrome', ANSI.chrome, true)}`
      : '«…» stock span · ‹Q…› ‹H…› ‹A…› stock left out (quotation, heading, allowed)',
  );
  lines.push('columns: label · tier (V verbatim, F figures, R reworded) and reuse (f formula, c copied) · stock share of the sentence · text ← source (in how many corpus documents its stock text occurs)');
  lines.push('');
  for (const block of draftBlocks(r)) {
    if (block.type !== 'sentence') continue;
    const s = block.sentence;
    const tag = padEndToWidth(LABEL_TAGS[s.label], 8);
    const coverage = s.label === 'stock' || s.label === 'edited' ? formatPercent(sentenceCoverage(s), 0) : '';
    const column = `${paint(tag, LABEL_CODES[s.label], color)} ${padEndToWidth(sentenceMark(s), 2)} ${padStartToWidth(coverage, 4)}`;
    const body = block.pieces.map((p) => renderPiece(p, s.label, color)).join('');
    const docFreq = Math.max(0, ...s.spans.map((x) => (x.kind === 'stock' ? (x.docFreq ?? 0) : 0)));
    const inDocs = docFreq > 0 ? ` (in ${docFreq} doc${docFreq === 1 ? '' : 's'})` : '';
    const source = s.source ? paint(`  ← ${terminalLine(s.source)}${inDocs}`, ANSI.dim, color) : '';
    lines.push(`${column}  ${s.heading ? paint(body, ANSI.bold, color) : body}${source}`);
  }
  lines.push('');
  lines.push(...checkSummary(r, opts));
  return `${lines.join('\n')}\n`;
}

function checkSummary(r: CheckResult, opts: CheckTerminalOptions): string[] {
  const { color } = opts;
  const lines: string[] = [];
  const ratio = paint(formatPercent(r.stockRatio), ANSI.bold, color);
  lines.push(`stock ratio ${ratio} (${formatCount(r.stockChars)} of ${formatCount(r.chars)} chars)`);
  if (r.panel) lines.push(...panelLines(r.panel, (t) => paint(t, ANSI.dim, color)));
  lines.push(`sentences: ${LABELS.map((label) => `${label} ${r.counts[label] ?? 0}`).join(' · ')}`);
  const sources = rankedSources(r).slice(0, opts.topSources ?? 5);
  if (sources.length === 0) return [...lines, 'sources: none'];
  lines.push('top sources:');
  sources.forEach((source, i) => {
    const share = r.chars > 0 ? source.stockChars / r.chars : 0;
    lines.push(
      `${padStartToWidth(String(i + 1), 3)}. ${padStartToWidth(formatCount(source.stockChars), 7)} chars ` +
        `${padStartToWidth(formatPercent(share), 6)} ${padStartToWidth(String(source.sentences), 4)} sent.  ${terminalLine(source.doc)}`,
    );
  });
  return lines;
}

/** Variants shown per slot on a phrase's second line, and the columns each may take. */
const TERMINAL_VARIANTS = 3;
const VARIANT_WIDTH = 14;
const PHRASE_INDENT = ' '.repeat(21);

/** The slots' leading variants on one line under the template: "{NAME} 习近平 ×24 / 江泽民 ×3 · {X} 核心 ×20 / 总书记 ×10". */
function variantsLine(p: Phrase): string {
  const shorten = (text: string): string => truncateToWidth(terminalLine(text), VARIANT_WIDTH);
  const kinds = p.slots.map((slot) => `{${slot.kind}} ${slotVariantsText(slot, TERMINAL_VARIANTS, shorten)}`);
  return truncateToWidth(kinds.join(' · '), 100);
}

/** Top phrases (documents, occurrences, template with its variants) and per-document stock ratios. */
export function renderScanTerminal(r: ScanResult, opts: ScanTerminalOptions): string {
  const { color } = opts;
  const top = r.phrases.slice(0, opts.top ?? 20);
  const lines: string[] = [paint(`taohua scan · ${r.documents.length} documents · ${r.phrases.length} phrases`, ANSI.bold, color), ''];
  lines.push(paint(' docs  count  chars  kind     phrase (under it: variants of its {slots} with their counts)', ANSI.dim, color));
  for (const p of top) {
    const shown = p.template !== '' ? p.template : p.text;
    lines.push(
      `${padStartToWidth(String(p.docFreq), 5)}  ${padStartToWidth(String(p.count), 5)}  ${padStartToWidth(p.meanChars.toFixed(0), 5)}  ` +
        `${(p.kind ?? 'cluster').padEnd(7)}  ${truncateToWidth(terminalLine(shown), 80)}`,
    );
    if (p.slots?.length) lines.push(PHRASE_INDENT + paint(variantsLine(p), ANSI.dim, color));
    if (opts.spreadLine) lines.push(PHRASE_INDENT + paint(opts.spreadLine(p), ANSI.dim, color));
  }
  if (r.phrases.length > top.length) lines.push(paint(`… ${r.phrases.length - top.length} more`, ANSI.dim, color));
  lines.push('', paint(' stock    chars  phrases  document', ANSI.dim, color));
  const documents = [...r.documents].sort((a, b) => b.stockRatio - a.stockRatio || (a.path < b.path ? -1 : 1));
  for (const d of documents) {
    lines.push(
      `${padStartToWidth(formatPercent(d.stockRatio), 6)}  ${padStartToWidth(formatCount(d.chars), 7)}  ` +
        `${padStartToWidth(String(d.phrases), 7)}  ${terminalLine(d.path)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Similarity, then each shared passage with its offsets and text in A (and B when it differs). */
export function renderCompareTerminal(r: CompareResult, textA: string, textB: string, opts: TerminalOptions): string {
  const { color } = opts;
  const share = (x: { chars: number; sharedChars: number }): string =>
    `${formatCount(x.sharedChars)} of ${formatCount(x.chars)} chars shared (${formatPercent(x.chars > 0 ? x.sharedChars / x.chars : 0)})`;
  const lines = [
    `similarity ${paint(formatPercent(r.similarity), ANSI.bold, color)}`,
    `A ${terminalLine(r.a.path)}: ${share(r.a)}`,
    `B ${terminalLine(r.b.path)}: ${share(r.b)}`,
    '',
  ];
  sortedPassages(r.passages).forEach((p, i) => {
    const a = terminalLine(textA.slice(p.aStart, p.aEnd));
    const b = terminalLine(textB.slice(p.bStart, p.bEnd));
    const head = `#${i + 1}  A ${p.aStart}–${p.aEnd}  B ${p.bStart}–${p.bEnd}  ${formatPercent(p.similarity, 0)}`;
    lines.push(paint(head, ANSI.bold, color));
    lines.push(`  A ${paint(truncateToWidth(a, 100), ANSI.stock, color)}`);
    if (b !== a) lines.push(`  B ${paint(truncateToWidth(b, 100), ANSI.stock, color)}`);
  });
  if (r.passages.length === 0) lines.push('no shared passages');
  return `${lines.join('\n')}\n`;
}

/** Passages in reading order of A; the number shown is the 1-based position in this order. */
export function sortedPassages(passages: readonly SharedPassage[]): SharedPassage[] {
  return [...passages].sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart || x.aEnd - y.aEnd);
}
