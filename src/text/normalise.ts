// The normalised view used for matching, with a map from every normalised character back to the
// original characters it came from.
import type { NormaliseOptions } from '../options.js';
import type { Normalised } from '../types.js';
import { CharTable, isLineBreak, isSpace } from './char-table.js';
import { MappedBuilder } from './mapped-builder.js';
import { rewrite } from './rewrite.js';
import { SLOT, SLOT_PATTERN } from './slots.js';
import { replaceSynonyms } from './synonyms.js';

const tables = new Map<string, CharTable>();

function tableFor(opts: NormaliseOptions): CharTable {
  const key = `${+opts.script}${+opts.places}`;
  let t = tables.get(key);
  if (!t) tables.set(key, (t = new CharTable(opts)));
  return t;
}

/** Characters, with each run of white space folded to ' ', '\n' or '\n\n'. */
export function normaliseChars(original: string, opts: NormaliseOptions): Normalised {
  const table = tableFor(opts);
  const out = new MappedBuilder(original.length);
  let i = 0;
  while (i < original.length) {
    const c = original.charCodeAt(i);
    if ((c < 0xd800 || c > 0xdfff) && !isSpace(c)) {
      // One code unit in, usually one out: no string built.
      const u = table.unit(c);
      if (u >= 0) out.pushUnit(u, i, i + 1);
      else {
        const mapped = table.map(c);
        if (mapped.length) out.push(mapped, i, i + 1);
      }
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    if (isSpace(cp)) {
      const j = endOfSpaceRun(original, i);
      out.push(foldSpaceRun(original, i, j), i, j);
      i = j;
      continue;
    }
    const width = cp > 0xffff ? 2 : 1;
    const mapped = table.map(cp);
    if (mapped.length) out.push(mapped, i, i + width);
    i += width;
  }
  return out.finish();
}

function endOfSpaceRun(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** A blank line (paragraph break) stays visible to the segmenter as '\n\n'. */
function foldSpaceRun(text: string, from: number, to: number): string {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c) && !(c === 0x0a && text.charCodeAt(i - 1) === 0x0d)) breaks++;
  }
  return breaks === 0 ? ' ' : breaks === 1 ? '\n' : '\n\n';
}

/** The full normalised view: characters, then slots, then spinner synonyms. */
export function normalise(original: string, opts: NormaliseOptions): Normalised {
  let norm = normaliseChars(original, opts);
  if (opts.slots) norm = rewrite(norm, SLOT_PATTERN, () => SLOT);
  if (opts.synonyms) norm = replaceSynonyms(norm);
  return norm;
}

/** Original range [start, end) of the normalised range [a, b). */
export function originalRange(norm: Normalised, a: number, b: number): [number, number] {
  if (b <= a) {
    const at = a < norm.starts.length ? norm.starts[a] : norm.ends[norm.ends.length - 1] ?? 0;
    return [at, at];
  }
  return [norm.starts[a], norm.ends[b - 1]];
}

/** Smallest normalised index whose original start is ≥ offset (binary search). */
export function normIndexAtOrAfter(norm: Normalised, offset: number): number {
  let lo = 0;
  let hi = norm.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (norm.starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
