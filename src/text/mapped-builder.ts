import type { Normalised } from '../types.js';

/** Builds a Normalised text piece by piece; every pushed character maps to [start, end). */
export class MappedBuilder {
  private readonly parts: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private n = 0;

  constructor(expected: number) {
    this.starts = new Int32Array(Math.max(16, expected));
    this.ends = new Int32Array(Math.max(16, expected));
  }

  /** Each UTF-16 unit of `text` maps to the same original range. */
  push(text: string, start: number, end: number): void {
    this.reserve(text.length);
    for (let k = 0; k < text.length; k++) {
      this.starts[this.n] = start;
      this.ends[this.n] = end;
      this.n++;
    }
    this.parts.push(text);
  }

  /** Copies norm[a, b) with its map unchanged. */
  copy(norm: Normalised, a: number, b: number): void {
    if (b <= a) return;
    this.reserve(b - a);
    this.starts.set(norm.starts.subarray(a, b), this.n);
    this.ends.set(norm.ends.subarray(a, b), this.n);
    this.n += b - a;
    this.parts.push(norm.text.slice(a, b));
  }

  finish(): Normalised {
    return { text: this.parts.join(''), starts: this.starts.slice(0, this.n), ends: this.ends.slice(0, this.n) };
  }

  private reserve(extra: number): void {
    if (this.n + extra <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.n + extra);
    const s = new Int32Array(size);
    const e = new Int32Array(size);
    s.set(this.starts.subarray(0, this.n));
    e.set(this.ends.subarray(0, this.n));
    this.starts = s;
    this.ends = e;
  }
}
