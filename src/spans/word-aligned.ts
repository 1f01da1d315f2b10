// Formulas trimmed to read as phrases: a maximal repeat often starts or ends inside a word
// ("国各族人民" where documents say 全国各族人民 and 中国各族人民) or with a function word
// ("以人民为中心的" because the phrase is always followed by 的). The trimmed formula starts and ends
// on jieba word boundaries of its first occurrence, without a particle or conjunction at either end
// or a preposition at its end. Only the pieces of documents around occurrences looked at are cut, each once.
import type { CorpusIndex } from '../index/corpus-index.js';
import { taggedWords, tokeniserFor } from '../text/tokens.js';

/** jieba's tags for particles, conjunctions, modal words, interjections: never at either end. */
const FUNCTION_TAGS = new Set(['u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'c', 'y', 'e', 'o']);
/** Prepositions may open a phrase (以人民为中心, 在…领导下) but do not end one. */
const END_ONLY_TAGS = new Set([...FUNCTION_TAGS, 'p']);

interface Words {
  /** endOf[s] = end of the word starting at s, or -1. */
  endOf: Int32Array;
  /** startOf[e] = start of the word ending at e, or -1. */
  startOf: Int32Array;
  /** 1 where the text has been cut. */
  cut: Uint8Array;
  cutter: (piece: string) => string[];
}

/** Where cppjieba splits a text before cutting it (SegmentBase.hpp, SPECIAL_SEPARATORS). */
const JIEBA_SEPARATOR = /[ \t\n，。]/;

export class WordEdges {
  private readonly words = new Map<number, Words>();
  private readonly tagOf = new Map<string, string>();

  constructor(private readonly index: CorpusIndex) {}

  /**
   * The content range [g0, g1) of [g, g + length) that reads as a phrase, or undefined if none
   * does; `droppedWord` says whether whole function words were taken off its end.
   */
  trim(g: number, length: number): { range: [number, number]; droppedWord: boolean } | undefined {
    const spans = this.index.spans;
    const d = spans.docOf(g);
    const text = this.index.docs[d].text;
    let [s, e] = spans.originalRange(g, g + length);
    const w = this.wordsAround(d, text, s, e);
    while (s < e && w.endOf[s] < 0) s++;
    while (e > s && w.startOf[e] < 0) e--;
    while (s < e && this.hasTag(text.slice(s, w.endOf[s]), FUNCTION_TAGS)) s = w.endOf[s];
    const wordEnd = e;
    while (e > s && this.hasTag(text.slice(w.startOf[e], e), END_ONLY_TAGS)) e = w.startOf[e];
    let g0 = g;
    let g1 = g + length;
    while (g0 < g1 && spans.origStart[g0] < s) g0++;
    while (g1 > g0 && spans.origStart[g1 - 1] + spans.origLength[g1 - 1] > e) g1--;
    return g0 < g1 ? { range: [g0, g1], droppedWord: e < wordEnd } : undefined;
  }

  /**
   * The document's word edges, cut where asked: jieba cuts a text piece by piece between its
   * separators (white space, ，and 。), so cutting only the piece around [s, e) gives the words a
   * cut of the whole document would (test/spans/word-aligned.test.ts), at a fraction of the cost.
   */
  private wordsAround(d: number, text: string, s: number, e: number): Words {
    let w = this.words.get(d);
    if (!w) {
      w = {
        endOf: new Int32Array(text.length + 1).fill(-1),
        startOf: new Int32Array(text.length + 1).fill(-1),
        cut: new Uint8Array(text.length + 1),
        cutter: tokeniserFor(text),
      };
      this.words.set(d, w);
    }
    if (w.cut.subarray(s, Math.max(s + 1, e)).every((c) => c === 1)) return w;
    let a = s;
    while (a > 0 && !JIEBA_SEPARATOR.test(text[a - 1])) a--;
    let b = Math.max(s, e);
    while (b < text.length && !JIEBA_SEPARATOR.test(text[b])) b++;
    this.cutPiece(w, text, a, b);
    return w;
  }

  private cutPiece(w: Words, text: string, a: number, b: number): void {
    let at = a;
    const words = w.cutter(text.slice(a, b));
    for (const word of words) {
      w.endOf[at] = at + word.length;
      w.startOf[at + word.length] = at;
      at += word.length;
    }
    if (at !== b) {
      // The words did not cover the text: every position is a boundary of a one-unit word.
      for (let i = a; i < b; i++) [w.endOf[i], w.startOf[i + 1]] = [i + 1, i];
    }
    w.cut.fill(1, a, b);
  }

  /** Whether the word, tagged alone, has one of the tags. */
  private hasTag(word: string, tags: Set<string>): boolean {
    let tag = this.tagOf.get(word);
    if (tag === undefined) {
      const t = taggedWords(word);
      tag = t.length === 1 ? t[0].tag : '';
      this.tagOf.set(word, tag);
    }
    return tags.has(tag);
  }
}
