// Tiers: how a stock span differs from its source, read on the ORIGINAL characters (the normalised
// view folds numbers, places and spinner synonyms to find copies; the editor must still see them).
import { diffChars } from 'diff';
import type { Reuse, Tier } from '../types.js';
import { simplify } from '../text/char-table.js';
import { placeLexicon, taggedWords } from '../text/tokens.js';

/** Most changed last: a sentence takes the highest tier among its spans. */
export const TIERS: readonly Tier[] = ['verbatim', 'figures', 'reworded'];

/** The view in which `verbatim` is judged: NFKC (width), simplified script, no white space. Nothing else is folded. */
export function literalView(text: string): string {
  return simplify(text.normalize('NFKC')).replace(/\s+/gu, '');
}

/** A changed stretch of the diff: what the draft has there and what the source has. */
interface Hunk {
  draft: string;
  draftAt: number;
  source: string;
  sourceAt: number;
}

function hunks(draft: string, source: string): Hunk[] {
  const out: Hunk[] = [];
  let da = 0;
  let sa = 0;
  let open: Hunk | undefined;
  for (const part of diffChars(draft, source)) {
    if (!part.added && !part.removed) {
      if (open) out.push(open), (open = undefined);
      da += part.value.length;
      sa += part.value.length;
      continue;
    }
    open ??= { draft: '', draftAt: da, source: '', sourceAt: sa };
    // diffChars(old = draft, new = source): removed parts are the draft's, added parts the source's.
    if (part.removed) (open.draft += part.value), (da += part.value.length);
    else (open.source += part.value), (sa += part.value.length);
  }
  if (open) out.push(open);
  return out;
}

const PUNCTUATION_ONLY = /^[^\p{L}\p{N}]*$/u;
/** Digits, Chinese numerals, decimal and percent signs, placeholders (20xx, ××, XX, ○○, ＊). */
const FIGURE_CHARS = /^[\p{Nd}.%‰‱\-－~～xX×*○〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億]*$/u;
const HAS_FIGURE = /[\p{Nd}xX×*○〇零一二三四五六七八九十百千万亿两]/u;
/** Units of dates that may change along with their numbers (2023年 → 2024年3月). */
const DATE_UNITS = /[年月日号时分秒季度周]/gu;
const PLACE_CHARS = /[省市县区州镇乡村旗盟]/gu;

function isFigure(text: string): boolean {
  return text === '' || (FIGURE_CHARS.test(text.replace(DATE_UNITS, '')) && (text === '' || HAS_FIGURE.test(text)));
}

/** Every letter of text[at, at + length) lies in a word jieba tags as a place (ns) or is a place character. */
export function inPlaceName(text: string, at: number, length: number): boolean {
  return length === 0 || (coveredByPlaceWords(text, at, length) && inPlaceNameByJieba(text, at, length));
}

/**
 * The part of inPlaceName that needs no jieba: every letter that is not a place character lies
 * inside some word of text that jieba's dictionary tags as a place. When one does not, jieba cannot
 * tag it ns either, and a check of drafts that only reword or renumber never loads jieba.
 */
function coveredByPlaceWords(text: string, at: number, length: number): boolean {
  const { words, longest } = placeLexicon();
  for (let p = at; p < at + length; p++) {
    const c = text[p];
    if (!LETTER.test(c) || PLACE_CHAR.test(c)) continue;
    if (!coveredAt(text, p, words, longest)) return false;
  }
  return true;
}

function coveredAt(text: string, p: number, words: Set<string>, longest: number): boolean {
  for (let s = Math.max(0, p - longest + 1); s <= p; s++) {
    for (let e = p + 1; e <= Math.min(text.length, s + longest); e++) if (words.has(text.slice(s, e))) return true;
  }
  return false;
}

const LETTER = /^\p{L}$/u;
const PLACE_CHAR = /^[省市县区州镇乡村旗盟]$/u;

/** inPlaceName by jieba's tags alone. */
export function inPlaceNameByJieba(text: string, at: number, length: number): boolean {
  if (length === 0) return true;
  let pos = 0;
  for (const { word, tag } of taggedWords(text)) {
    const end = pos + word.length;
    if (end > at && pos < at + length) {
      const overlap = text.slice(Math.max(pos, at), Math.min(end, at + length));
      if (!tag.startsWith('ns') && overlap.replace(PLACE_CHARS, '').replace(/[^\p{L}]/gu, '') !== '') return false;
    }
    pos = end;
  }
  return true;
}

function figuresOnly(h: Hunk, draft: string, source: string): boolean {
  if (PUNCTUATION_ONLY.test(h.draft) && PUNCTUATION_ONLY.test(h.source)) return true;
  const bothFigures = isFigure(h.draft) && isFigure(h.source) && HAS_FIGURE.test(h.draft + h.source);
  if (bothFigures) return true;
  if (h.draft === '' || h.source === '') return false; // a place name inserted or dropped is a reworded phrase
  return inPlaceName(draft, h.draftAt, h.draft.length) && inPlaceName(source, h.sourceAt, h.source.length);
}

/**
 * `verbatim`: the same text up to width, script and white space (punctuation-only changes also
 * count as verbatim); `figures`: only numbers, dates, placeholders or place names differ;
 * `reworded`: words substituted, inserted or dropped (spinner synonyms included).
 */
export function classifyTier(draftText: string, sourceText: string): Tier {
  const draft = literalView(draftText);
  const source = literalView(sourceText);
  if (draft === source) return 'verbatim';
  let tier: Tier = 'verbatim';
  for (const h of hunks(draft, source)) {
    if (PUNCTUATION_ONLY.test(h.draft) && PUNCTUATION_ONLY.test(h.source)) continue;
    if (!figuresOnly(h, draft, source)) return 'reworded';
    tier = 'figures';
  }
  return tier;
}

/** The higher (more changed) of two tiers. */
export function worseTier(a: Tier | undefined, b: Tier): Tier {
  return a === undefined || TIERS.indexOf(b) > TIERS.indexOf(a) ? b : a;
}

/** Default of --formula-docs (see README, "How the defaults were chosen"). */
export const DEFAULT_FORMULA_DOCS = 5;

export function reuseOf(docFreq: number, formulaDocs: number): Reuse {
  return docFreq >= formulaDocs ? 'formula' : 'copied';
}
