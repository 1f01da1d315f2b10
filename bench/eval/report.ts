// The results table: kinds × measures × methods, for the terminal and as markdown.
import { KIND_LABELS, KINDS, isOriginal, type Kind } from './kinds.js';
import type { KindMeasures } from './score.js';
import type { Evaluation } from './evaluate.js';

export interface MethodResult {
  name: string;
  evaluation: Evaluation;
}

const fmt = (x: number | null): string => (x === null ? '—' : x.toFixed(3));

function cells(m: KindMeasures | undefined, original: boolean): string[] {
  if (!m) return ['—', '—', '—', '—', '—', '—'];
  if (original) return [fmt(m.falseAlarm), '—', '—', '—', '—', `FA chars ${fmt(m.falseChars)}`];
  return [fmt(m.recall), fmt(m.precision), fmt(m.charPrecision), fmt(m.charRecall), fmt(m.charF1), ''];
}

const HEAD = ['kind', 'n', 'method', 'sent R (orig: false alarm)', 'sent P', 'char P', 'char R', 'char F1', 'note'];

export function tableRows(results: MethodResult[]): string[][] {
  const rows: string[][] = [];
  const kinds: Array<Kind | 'all'> = [...KINDS, 'all'];
  for (const k of kinds) {
    for (const r of results) {
      const m = k === 'all' ? r.evaluation.measures.all : r.evaluation.measures.kinds[k];
      if (!m) continue;
      const label = k === 'all' ? 'all sentences (micro)' : KIND_LABELS[k];
      const c = cells(m, k !== 'all' && isOriginal(k));
      if (k === 'all') c[5] = `false alarm ${fmt(m.falseAlarm)}; mean char-F1 ${fmt(r.evaluation.measures.meanCharF1)}`;
      rows.push([label, String(m.n), r.name, ...c]);
    }
  }
  return rows;
}

export function markdownTable(results: MethodResult[]): string {
  const rows = tableRows(results);
  const line = (r: string[]): string => `| ${r.join(' | ')} |`;
  return [line(HEAD), line(HEAD.map(() => '---')), ...rows.map(line)].join('\n');
}

export function terminalTable(results: MethodResult[]): string {
  const rows = [HEAD, ...tableRows(results)];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ').trimEnd()).join('\n');
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export const NOTES = [
  'Sentence level: a draft sentence is flagged when the method labels it stock or edited. "sent R" is the share of copied sentences flagged; for original rows the same column is the false-alarm rate (share of original sentences labelled stock/edited).',
  'sent P for a copy kind is the precision of a draft made of that kind\'s sentences plus all original sentences: flagged copies / (flagged copies + flagged originals).',
  'Character level, PAN-style, micro-averaged over characters: precision = |detected ∩ truth| / |detected|, recall = |detected ∩ truth| / |truth|, counting non-blank characters. Per copy kind the detected characters include those marked in the original sentences.',
  'Truth: the whole sentence for copies; only the stock clause\'s characters for "stock clause + original clause"; nothing for original sentences.',
  'Baselines: minhash = the `minhash` npm package (Minhash + LshIndex, numPerm = bands × rows, bandSize = rows) with its Jaccard estimate; brute force = exact Jaccard against every corpus unit; both on the engine\'s units (sentences and clauses, same normalisation and shingles) and the same threshold: a sentence is flagged when it or one of its clauses reaches the threshold, and the detected span is the matching units, whole. 8-gram = a sentence is flagged when it shares a run of 8 consecutive normalised characters with the corpus; the span is the shared runs.',
];
