// The characters that carry meaning for matching: letters, digits, hanzi and the slot.
// Punctuation and white space are dropped so that "，" vs "、" or a re-wrapped line never matter.

const CONTENT = /[\p{L}\p{N}#]/u;
const cache = new Uint8Array(0x10000); // 0 unknown, 1 content, 2 not

/** Whether the BMP code unit `code` (not a surrogate) is a content character. */
export function isContentUnit(code: number): boolean {
  let v = cache[code];
  if (v === 0) cache[code] = v = CONTENT.test(String.fromCharCode(code)) ? 1 : 2;
  return v === 1;
}

/** Content characters of text[a, b). Surrogate pairs (astral letters) are kept whole. */
export function contentOf(text: string, a = 0, b = text.length): string {
  // Appends runs of content characters as slices rather than one character at a time.
  let out = '';
  let run = a;
  for (let i = a; i < b; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < b) {
      if (CONTENT.test(text.slice(i, i + 2))) {
        i++;
        continue;
      }
      if (i > run) out += text.slice(run, i);
      run = i + 2;
      i++;
    } else if (!isContentUnit(code)) {
      if (i > run) out += text.slice(run, i);
      run = i + 1;
    }
  }
  if (b > run) out += run === a && b === text.length && a === 0 ? text : text.slice(run, b);
  return out;
}

/** Number of content code points in text[a, b); with `only`, just those whose unit is marked in it. */
export function contentLength(text: string, a = 0, b = text.length, only?: Uint8Array): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const code = text.charCodeAt(i);
    const counts = only === undefined || only[i] !== 0;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < b) {
      if (counts && CONTENT.test(text.slice(i, i + 2))) n++;
      i++;
    } else if (counts && isContentUnit(code)) n++;
  }
  return n;
}

export function isContentChar(ch: string): boolean {
  return CONTENT.test(ch);
}
