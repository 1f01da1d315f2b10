// What one code point becomes in the normalised view: NFKC, lower case, simplified script,
// one class for administrative place characters. Cached per code point: the hot loop only looks up.
import type { NormaliseOptions } from '../options.js';
import { FROM, TO } from './script-table.data.js';

/** Returned for code points that vanish (controls, zero-width characters, soft hyphens). */
export const DROP = '';
/** The character every place character (县, 区, 市 …) becomes when `places` is on. */
export const PLACE_CLASS = '县';
const PLACE_CHARS = '县区市州省镇乡旗盟';

let simplified: Map<number, string> | undefined;

function scriptTable(): Map<number, string> {
  if (simplified) return simplified;
  simplified = new Map();
  const from = [...FROM];
  const to = [...TO];
  for (let i = 0; i < from.length; i++) simplified.set(from[i].codePointAt(0)!, to[i]);
  return simplified;
}

export function isDropped(cp: number): boolean {
  return (
    (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d && cp !== 0x0b && cp !== 0x0c) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0xad ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    cp === 0xfeff
  );
}

export function isSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

export function isLineBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x0b || cp === 0x0c || cp === 0x2028 || cp === 0x2029;
}

/** A per-options cache from code point to its normalised form. */
/** In CharTable's unit cache: not looked at yet. */
const UNSEEN = -2;
/** In CharTable's unit cache: the code point does not become exactly one code unit. */
const NOT_ONE_UNIT = -1;

export class CharTable {
  private readonly bmp: Array<string | undefined> = new Array(0x10000);
  private readonly units = new Int32Array(0x10000).fill(UNSEEN);
  private readonly astral = new Map<number, string>();
  private readonly places: Set<string>;

  constructor(private readonly opts: NormaliseOptions) {
    this.places = new Set(opts.places ? PLACE_CHARS : '');
  }

  map(cp: number): string {
    if (cp < 0x10000) return (this.bmp[cp] ??= this.compute(cp));
    let out = this.astral.get(cp);
    if (out === undefined) {
      out = this.compute(cp);
      this.astral.set(cp, out);
    }
    return out;
  }

  /**
   * The one UTF-16 code unit a BMP code point becomes (the common case: a hanzi, a letter, a digit),
   * or -1 when it becomes nothing or more than one unit (then use map()).
   */
  unit(cp: number): number {
    let u = this.units[cp];
    if (u === UNSEEN) {
      const s = this.map(cp);
      this.units[cp] = u = s.length === 1 ? s.charCodeAt(0) : NOT_ONE_UNIT;
    }
    return u;
  }

  private compute(cp: number): string {
    if (isDropped(cp)) return DROP;
    let s = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    if (this.opts.script) s = [...s].map((c) => scriptTable().get(c.codePointAt(0)!) ?? c).join('');
    if (this.places.size) s = [...s].map((c) => (this.places.has(c) ? PLACE_CLASS : c)).join('');
    return s;
  }
}

/** Traditional → simplified, character by character, everything else untouched (for display). */
export function simplify(text: string): string {
  const table = scriptTable();
  let out = '';
  for (const ch of text) out += table.get(ch.codePointAt(0)!) ?? ch;
  return out;
}
