// Where a member's words begin and end (jieba for Han text), cut once per distinct text.
import { taggedWords, type TaggedWord } from '../text/tokens.js';

/** Words of a text, covering it exactly. */
export type WordTagger = (text: string) => readonly TaggedWord[];

/** A tagger that cuts each distinct text once (one per scan: the cache dies with it). */
export function cachedTagger(tag: WordTagger = taggedWords): WordTagger {
  const cache = new Map<string, readonly TaggedWord[]>();
  return (text) => {
    let words = cache.get(text);
    if (words === undefined) {
      words = tag(text);
      cache.set(text, words);
    }
    return words;
  };
}

export interface WordCuts {
  /** isBoundary[p] = 1 when code-point position p (0 … length) starts or ends a word. */
  isBoundary: Uint8Array;
  words: readonly TaggedWord[];
  /** Code-point position of each word's start. */
  wordStarts: Int32Array;
}

/** Word boundaries of a text given as code points; every position counts when the words do not cover it. */
export function wordCuts(chars: readonly string[], tagger: WordTagger): WordCuts {
  const words = tagger(chars.join(''));
  const isBoundary = new Uint8Array(chars.length + 1);
  const wordStarts = new Int32Array(words.length);
  let at = 0;
  let covered = true;
  for (let w = 0; w < words.length && covered; w++) {
    wordStarts[w] = at;
    isBoundary[at] = 1;
    for (const ch of words[w].word) covered &&= chars[at++] === ch;
  }
  if (!covered || at !== chars.length) return { isBoundary: isBoundary.fill(1), words: [], wordStarts: new Int32Array(0) };
  isBoundary[at] = 1;
  return { isBoundary, words, wordStarts };
}

/** The words lying within code-point positions [from, to). */
export function wordsWithin(cuts: WordCuts, from: number, to: number): TaggedWord[] {
  const inside: TaggedWord[] = [];
  for (let w = 0; w < cuts.words.length; w++) if (cuts.wordStarts[w] >= from && cuts.wordStarts[w] < to) inside.push(cuts.words[w]);
  return inside;
}
