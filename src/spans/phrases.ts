// Formulas as scan phrases: every occurrence as a member with its original text, the most common
// written form as the text, and where written forms differ (script, width, numbers) the template
// of the unit layer's clusters, so that both kinds of phrase read alike.
import type { CorpusIndex } from '../index/corpus-index.js';
import { compareStrings } from '../index/corpus-index.js';
import type { Member, Phrase } from '../types.js';
import type { Formula } from './formulas.js';
import { deriveTemplate } from '../match/templates.js';
import type { WordTagger } from '../match/word-boundaries.js';
import { WordEdges } from './word-aligned.js';
import { weightedLength } from './span-doc.js';

/**
 * Formulas as they are listed: trimmed to word boundaries (WordEdges), once per distinct text,
 * with their occurrences and document frequency recounted exactly when trimming changed them.
 */
export function readableFormulas(
  index: CorpusIndex,
  formulas: Formula[],
  o: { minLen: number; minDocs: number },
  breaks: Uint8Array,
): Formula[] {
  const edges = new WordEdges(index);
  const spans = index.spans;
  const seen = new Set<string>();
  const out: Formula[] = [];
  for (const f of formulas) {
    const trimmed = edges.trim(f.positions[0], f.length);
    if (!trimmed) continue;
    const codes = spans.codes.subarray(trimmed.range[0], trimmed.range[1]);
    if (wordUnits(codes) < o.minLen) continue;
    const key = Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('latin1');
    if (seen.has(key)) continue;
    seen.add(key);
    const all = codes.length === f.length ? f.positions : Int32Array.from(spans.occurrences(codes));
    // Trimming can leave a fragment of a longer string (一步加强 of 进一步加强): only a phrase that
    // occurs in more than one left context, and in more than one right context unless what always
    // follows it is a function word (以人民为中心 + 的), is listed.
    const fragment =
      sameNeighbour(spans, breaks, all, -1, codes.length) ||
      (!trimmed.droppedWord && sameNeighbour(spans, breaks, all, codes.length, codes.length));
    if (fragment) continue;
    const positions = samePunctuation(index, all, codes.length);
    const docFreq = countDocs(index, positions);
    if (docFreq >= o.minDocs) out.push({ length: codes.length, docFreq, positions });
  }
  return out;
}

/**
 * The occurrences written with the most common punctuation inside: content matching ignores
 * punctuation (so that stripped copies are found), but 社会、发展 is a list of two words, not the
 * formula 社会发展, and 区委、区政府 keeps its 、.
 */
function samePunctuation(index: CorpusIndex, positions: Int32Array, length: number): Int32Array {
  const patterns = Array.from(positions, (g) => punctuationInside(index, g, length));
  const counts = new Map<string, number>();
  for (const p of patterns) counts.set(p, (counts.get(p) ?? 0) + 1);
  let best = patterns[0];
  for (const [p, n] of counts) if (n > counts.get(best)! || (n === counts.get(best)! && p < best)) best = p;
  return counts.size === 1 ? positions : positions.filter((_, i) => patterns[i] === best);
}

/** What is written between the occurrence's content units, white space left out, with where. */
function punctuationInside(index: CorpusIndex, g: number, length: number): string {
  const spans = index.spans;
  const text = index.docs[spans.docOf(g)].text;
  let key = '';
  for (let i = g + 1; i < g + length; i++) {
    const from = spans.origStart[i - 1] + spans.origLength[i - 1];
    const between = text.slice(from, spans.origStart[i]).replace(/\s+/g, '');
    if (between) key += `${i - g}${between.normalize('NFKC')}|`;
  }
  return key;
}

/**
 * Whether every occurrence has the same content unit at `offset` from its start (-1: before it;
 * length: after it) in the same sentence.
 */
function sameNeighbour(spans: CorpusIndex['spans'], breaks: Uint8Array, positions: Int32Array, offset: number, length: number): boolean {
  let unit = -1;
  for (const g of positions) {
    const d = spans.docOf(g);
    const at = g + offset;
    if (at < spans.docStart[d] || at >= spans.docStart[d + 1] || (offset >= 0 && g + length > spans.docStart[d + 1])) return false;
    if (breaks[offset < 0 ? g : at]) return false;
    if (unit >= 0 && spans.codes[at] !== unit) return false;
    unit = spans.codes[at];
  }
  return positions.length > 0;
}

/** Weighted units that are not the number slot: "#年#月#日" is a date, not a formula; letters weigh a fifth. */
function wordUnits(codes: Uint16Array): number {
  return weightedLength(codes, 0, codes.length) - codes.filter((c) => c === SLOT_CODE).length;
}

const SLOT_CODE = 0x23; // '#'

function countDocs(index: CorpusIndex, positions: Int32Array): number {
  let n = 0;
  let last = -1;
  for (const g of positions) {
    const d = index.spans.docOf(g);
    if (d !== last) n++;
    last = d;
  }
  return n;
}

export function formulaPhrase(index: CorpusIndex, f: Formula, tagger: WordTagger): Phrase {
  const spans = index.spans;
  const members: Member[] = [];
  for (const g of f.positions) {
    const d = spans.docOf(g);
    const [start, end] = spans.originalRange(g, g + f.length);
    members.push({ doc: index.docs[d].path, start, end, text: index.docs[d].text.slice(start, end) });
  }
  const texts = members.map((m) => m.text);
  const forms = new Set(texts);
  const text = mostCommon(texts);
  const { template, slots } = deriveTemplate(forms.size === 1 ? [text] : texts, tagger);
  const docs = [...new Set(members.map((m) => m.doc))].sort(compareStrings);
  return {
    kind: 'formula',
    text,
    template,
    slots,
    docFreq: f.docFreq,
    count: members.length,
    meanChars: Math.round((texts.reduce((n, t) => n + t.length, 0) / texts.length) * 10) / 10,
    docs,
    members,
  };
}

export function mostCommon(texts: string[]): string {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  let best = texts[0];
  for (const [t, n] of counts) if (n > counts.get(best)! || (n === counts.get(best)! && t < best)) best = t;
  return best;
}
