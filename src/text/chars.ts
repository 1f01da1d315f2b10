// The one definition of "characters" every figure uses (check, HTML, web page, compare, scan):
// code points of the extracted text that are not white space. Punctuation counts; chrome is left
// out by the callers that know where it is.

function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0x3000 || code === 0xa0 || code === 0x85 ||
    code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0xfeff;
}

/** Non-blank code points of text[start, end). A surrogate pair counts once. */
export function countChars(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > start && isHigh(text.charCodeAt(i - 1))) continue;
    if (!isBlank(code)) n++;
  }
  return n;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
