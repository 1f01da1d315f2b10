// Word tokens: nodejs-jieba for Chinese (loaded on first use: ~1 s and ~270 MB per thread, so
// only paths that need words pay for it), whole words for Latin script, characters otherwise.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): TaggedWord[];
}

/** A token and its jieba part-of-speech tag (ICTCLAS set: m numeral, nr person, ns place …; '' outside Han text). */
export interface TaggedWord {
  word: string;
  tag: string;
}

let jieba: Jieba | undefined;

function loadJieba(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    jieba = require('nodejs-jieba') as Jieba;
    (jieba as Jieba & { load?: () => void }).load?.();
  }
  return jieba;
}

const HAN = /\p{Script=Han}/u;
const WORDLIKE = /[\p{L}\p{N}#]/u;

/** Tokens that cover `text` exactly, in order (joined they give `text` back). */
export function tokenise(text: string): string[] {
  if (!text) return [];
  if (!HAN.test(text)) return text.match(/[\p{L}\p{N}#]+|\s+|[^\p{L}\p{N}#\s]/gu) ?? [];
  return loadJieba().cut(text, true);
}

/**
 * The cutter tokenise uses for a whole text, to apply to its pieces: a piece of a Han text is cut by
 * jieba even when the piece itself holds no hanzi, as it would be inside the whole.
 */
export function tokeniserFor(whole: string): (piece: string) => string[] {
  return HAN.test(whole) ? (piece) => (piece ? loadJieba().cut(piece, true) : []) : tokenise;
}

/** Tokens with their part of speech, covering `text` exactly; outside Han text a decimal number is one token. */
export function taggedWords(text: string): TaggedWord[] {
  if (!text) return [];
  if (HAN.test(text)) return loadJieba().tag(text);
  return (text.match(/\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}#]+|\s+|[^\p{L}\p{N}#\s]/gu) ?? []).map((word) => ({ word, tag: '' }));
}

/** Every word jieba's dictionary tags as a place name (ns…), and the longest one's length. */
export interface PlaceLexicon {
  words: Set<string>;
  longest: number;
}

let places: PlaceLexicon | undefined;

/**
 * jieba tags a word as a place only when its dictionary does (a word it does not know is tagged
 * m, eng or x), so these words bound where it can see one. Read from the dictionary file in ~50 ms,
 * without building jieba's dictionary (~0.9 s).
 */
export function placeLexicon(): PlaceLexicon {
  if (!places) {
    const require = createRequire(import.meta.url);
    const dict = (require('nodejs-jieba') as { DEFAULT_DICT: string }).DEFAULT_DICT;
    const words = new Set<string>();
    let longest = 0;
    for (const m of readFileSync(dict, 'utf8').matchAll(/^(\S+) \d+ ns\S*$/gm)) {
      words.add(m[1]);
      longest = Math.max(longest, m[1].length);
    }
    places = { words, longest };
  }
  return places;
}

/** Tokens that carry meaning (no white space or punctuation), for word shingles. */
export function words(text: string): string[] {
  return tokenise(text).filter((t) => WORDLIKE.test(t));
}

/** Every character as a token (code points, so surrogate pairs stay whole). */
export function characters(text: string): string[] {
  return [...text];
}
