// A member's text as its template shows it: simplified script, full-width letters and digits as
// ASCII, white space dropped unless it separates two Latin words, closing punctuation set apart.
// Every view character keeps the range of the original text it came from, so that slot variants
// can be shown as written.
import { simplify } from '../text/char-table.js';

export interface MemberView {
  /** The text as written (the member's original text). */
  original: string;
  /** The view's code points, closing punctuation excluded. */
  chars: string[];
  text: string;
  /** starts[i], ends[i]: the UTF-16 range in `original` that view character i came from. */
  starts: Int32Array;
  ends: Int32Array;
  /** Clause or sentence punctuation at the very end, in view form ("，", "。" …). */
  closing: string;
}

const CLOSING = /[，。；：、！？,.;:!?…]/u;
const SPACE = /\s/u;
const LATIN_WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A white space run is kept (as one space) only between two letters or digits of a spaced script. */
export function keepsSpace(before: string | undefined, after: string | undefined): boolean {
  const isLatin = (c: string | undefined): boolean => c !== undefined && LATIN_WORD_CHAR.test(c) && !HAN_OR_KANA.test(c);
  return isLatin(before) && isLatin(after);
}

/** Full-width ASCII letters, digits, % and . become ASCII; other characters only change script. */
function viewChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const fullWidthAscii =
    (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a) || cp === 0xff05 || cp === 0xff0e;
  return fullWidthAscii ? String.fromCodePoint(cp - 0xfee0) : simplify(ch);
}

export function memberView(original: string): MemberView {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (ch: string, start: number, end: number): void => {
    chars.push(ch);
    starts.push(start);
    ends.push(end);
  };
  let i = 0;
  while (i < original.length) {
    const ch = String.fromCodePoint(original.codePointAt(i)!);
    if (SPACE.test(ch)) {
      let j = i;
      while (j < original.length && SPACE.test(original[j])) j++;
      if (chars.length > 0 && keepsSpace(original[i - 1], original[j])) push(' ', i, j);
      i = j;
      continue;
    }
    push(viewChar(ch), i, i + ch.length);
    i += ch.length;
  }
  let body = chars.length;
  while (body > 0 && CLOSING.test(chars[body - 1])) body--;
  const closing = chars.splice(body).join('');
  return {
    original,
    chars,
    text: chars.join(''),
    starts: Int32Array.from(starts.slice(0, body)),
    ends: Int32Array.from(ends.slice(0, body)),
    closing,
  };
}

/** The original text behind view characters [from, to), white space folded as in the view. */
export function originalSlice(view: MemberView, from: number, to: number): string {
  if (to <= from) return '';
  return view.original
    .slice(view.starts[from], view.ends[to - 1])
    .replace(/\s+/gu, (run, at: number, whole: string) => (keepsSpace(whole[at - 1], whole[at + run.length]) ? ' ' : ''));
}
