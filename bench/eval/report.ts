// The results table: kinds × measures × methods, for the terminal and as markdown.
import { EXPECTED_TIER, KIND_LABELS, KINDS, isOriginal, type Kind } from './kinds.js';
import type { KindMeasures } from './score.js';
import type { Evaluation } from './evaluate.js';

export interface MethodResult {
  name: string;
  evaluation: Evaluation;
}

const fmt = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
const fmtTier = (m: KindMeasures, k: Kind | 'all'): string => (k !== 'all' && EXPECTED_TIER[k] === undefined ? '—' : m.tier === null ? 'n/a' : m.tier.toFixed(3));

function cells(m: KindMeasures, k: Kind | 'all'): string[] {
  if (k !== 'all' && isOriginal(k)) return [fmt(m.falseAlarm), '—', '—', '—', '—', '—', '—', `FA chars ${fmt(m.falseChars)}`];
  return [fmt(m.recall), fmt(m.precision), fmt(m.charPrecision), fmt(m.charRecall), fmt(m.charF1), fmt(m.attribution), fmtTier(m, k), ''];
}

const HEAD = ['kind', 'n', 'method', 'sent R (orig: false alarm)', 'sent P', 'char P', 'char R', 'char F1', 'src in top 3', 'tier ok', 'note'];

export function tableRows(results: MethodResult[]): string[][] {
  const rows: string[][] = [];
  const kinds: Array<Kind | 'all'> = [...KINDS, 'all'];
  for (const k of kinds) {
    for (const r of results) {
      const m = k === 'all' ? r.evaluation.measures.all : r.evaluation.measures.kinds[k];
      if (!m) continue;
      const label = k === 'all' ? 'all sentences (micro)' : KIND_LABELS[k];
      const c = cells(m, k);
      if (k === 'all') c[c.length - 1] = `false alarm ${fmt(m.falseAlarm)}; mean char-F1 ${fmt(r.evaluation.measures.meanCharF1)}`;
      rows.push([label, String(m.n), r.name, ...c]);
    }
  }
  return rows;
}

/** Attribution of single-source drafts, one line per method that names sources. */
export function singleSourceLines(results: MethodResult[]): string[] {
  return results
    .filter((r) => r.evaluation.singleSource.top !== null)
    .map((r) => {
      const s = r.evaluation.singleSource;
      return `${r.name}: single-source drafts ${s.drafts}: sources[0] is the true source in ${fmt(s.top)} of them; mean share of the draft credited to it ${fmt(s.credited)}`;
    });
}

/** What each method does with the candidate originals refused for holding an 8-character run of the corpus. */
export function refusedLines(results: MethodResult[]): string[] {
  return results.map((r) => {
    const x = r.evaluation.refused;
    return `${r.name}: flags ${fmt(x.flagged)} of the ${x.n} refused candidate originals (sentences that pass the Jaccard test but hold a run of 8 content characters of an indexed document; copied text, not counted as false alarms)`;
  });
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
  'Truth: the whole sentence for copies; only the stock clause\'s characters for "stock clause + original clause" and "stock clause inside an original clause" (inserted at a word boundary with no punctuation around it); for merged, split and two-document sentences the copied characters only (not the comma or full stop that joins or splits them); nothing for original sentences. A split copy is two draft sentences, each scored. Punctuation stripped: every mark but the terminator removed.',
  'Original sentences: no sentence or clause within exact Jaccard 0.25 of a corpus unit, and no run of 8 content characters (letters, digits, hanzi; punctuation and blanks dropped) found verbatim in an indexed document by plain string search, since such a run is copied text, not a false alarm.',
  '"src in top 3": share of copied sentences for which every copied part has a true source (an indexed document holding that part verbatim, or the undisguised sentence it was made from) among the first 3 `matches` of the reported sentence that overlaps it most. Single-source drafts (below the table): drafts made wholly of sentences of one indexed document; scored on `sources[0]` and on the share of the draft credited to that document.',
  '"tier ok" (issue 14): share of stock spans in sentences of a kind with an expected tier (verbatim, script → verbatim; renumbered → figures; spun → reworded) whose `tier` is that one; n/a when the engine reports no tiers.',
  'Baselines: minhash = the `minhash` npm package (Minhash + LshIndex, numPerm = bands × rows, bandSize = rows) with its Jaccard estimate; brute force = exact Jaccard against every corpus unit; both on the engine\'s units (sentences and clauses, same normalisation and shingles) and the same threshold: a sentence is flagged when it or one of its clauses reaches the threshold, and the detected span is the matching units, whole. 8-gram = a sentence is flagged when it shares a run of 8 consecutive normalised characters with the corpus; the span is the shared runs.',
];
