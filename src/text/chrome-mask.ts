import type { Normalised } from '../types.js';
import { normIndexAtOrAfter } from './normalise.js';

/** 1 for every normalised character whose origin lies in a chrome range (original offsets). */
export function chromeMask(norm: Normalised, chrome: Int32Array): Uint8Array {
  const mask = new Uint8Array(norm.text.length);
  for (let i = 0; i < chrome.length; i += 2) {
    const a = normIndexAtOrAfter(norm, chrome[i]);
    let b = a;
    while (b < norm.text.length && norm.ends[b] <= chrome[i + 1]) b++;
    mask.fill(1, a, b);
  }
  return mask;
}

/** Share of non-blank characters of [a, b) that are chrome. */
export function chromeShare(mask: Uint8Array, text: string, a: number, b: number): number {
  let total = 0;
  let chrome = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a) continue;
    total++;
    chrome += mask[i];
  }
  return total === 0 ? 0 : chrome / total;
}
