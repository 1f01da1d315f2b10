import type { Normalised } from '../types.js';

/**
 * Builds a Normalised text piece by piece; every pushed character maps to [start, end).
 * Code units go into a Uint16Array and become one string at the end: pushing one-character
 * strings into an array and joining them was the hottest part of normalisation.
 */
export class MappedBuilder {
  private units: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private n = 0;

  constructor(expected: number) {
    const size = Math.max(16, expected);
    this.units = new Uint16Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }

  /** Each UTF-16 unit of `text` maps to the same original range. */
  push(text: string, start: number, end: number): void {
    const len = text.length;
    this.reserve(len);
    for (let k = 0; k < len; k++) {
      this.units[this.n] = text.charCodeAt(k);
      this.starts[this.n] = start;
      this.ends[this.n] = end;
      this.n++;
    }
  }

  /** One UTF-16 unit mapping to [start, end). */
  pushUnit(unit: number, start: number, end: number): void {
    this.reserve(1);
    this.units[this.n] = unit;
    this.starts[this.n] = start;
    this.ends[this.n] = end;
    this.n++;
  }

  /** Copies norm[a, b) with its map unchanged. */
  copy(norm: Normalised, a: number, b: number): void {
    if (b <= a) return;
    this.reserve(b - a);
    this.starts.set(norm.starts.subarray(a, b), this.n);
    this.ends.set(norm.ends.subarray(a, b), this.n);
    const text = norm.text;
    const units = this.units;
    let n = this.n;
    for (let i = a; i < b; i++) units[n++] = text.charCodeAt(i);
    this.n = n;
  }

  finish(): Normalised {
    return { text: unitsToString(this.units, this.n), starts: this.starts.slice(0, this.n), ends: this.ends.slice(0, this.n) };
  }

  private reserve(extra: number): void {
    if (this.n + extra <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.n + extra);
    const u = new Uint16Array(size);
    const s = new Int32Array(size);
    const e = new Int32Array(size);
    u.set(this.units.subarray(0, this.n));
    s.set(this.starts.subarray(0, this.n));
    e.set(this.ends.subarray(0, this.n));
    this.units = u;
    this.starts = s;
    this.ends = e;
  }
}

const decoder = new TextDecoder('utf-16le');

/** UTF-16 code units → string (lone surrogates survive: TextDecoder would replace them). */
export function unitsToString(units: Uint16Array, n: number): string {
  if (!hasLoneSurrogate(units, n)) return decoder.decode(units.subarray(0, n));
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...units.subarray(i, Math.min(n, i + 8192)));
  return out;
}

function hasLoneSurrogate(units: Uint16Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const c = units[i];
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < n && units[i + 1] >= 0xdc00 && units[i + 1] <= 0xdfff) i++;
    else return true;
  }
  return false;
}
