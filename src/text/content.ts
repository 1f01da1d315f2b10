// The characters that carry meaning for matching: letters, digits, hanzi and the slot.
// Punctuation and white space are dropped so that "，" vs "、" or a re-wrapped line never matter.

const CONTENT = /[\p{L}\p{N}#]/u;
const cache = new Uint8Array(0x10000); // 0 unknown, 1 content, 2 not

function isContentUnit(code: number, ch: string): boolean {
  let v = cache[code];
  if (v === 0) cache[code] = v = CONTENT.test(ch) ? 1 : 2;
  return v === 1;
}

/** Content characters of text[a, b). Surrogate pairs (astral letters) are kept whole. */
export function contentOf(text: string, a = 0, b = text.length): string {
  let out = '';
  for (let i = a; i < b; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < b) {
      const pair = text.slice(i, i + 2);
      if (CONTENT.test(pair)) out += pair;
      i++;
    } else if (isContentUnit(code, text[i])) {
      out += text[i];
    }
  }
  return out;
}

/** Number of content code points in text[a, b). */
export function contentLength(text: string, a = 0, b = text.length): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < b) {
      if (CONTENT.test(text.slice(i, i + 2))) n++;
      i++;
    } else if (isContentUnit(code, text[i])) n++;
  }
  return n;
}

export function isContentChar(ch: string): boolean {
  return CONTENT.test(ch);
}
