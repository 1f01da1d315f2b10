// The per-core limits each bench table is read against: how fast one core can merely touch every
// character (a charCodeAt pass) and run the platform's NFKC over the same text. A build rate is
// only as good as its distance to these, and both move with the machine's load, so they are
// measured again beside every table rather than quoted.
import type { SourceDoc } from '../src/types.js';

export interface Limits {
  /** Million characters per second, one core. */
  charCodeAt: number;
  nfkc: number;
}

/** Sum of code units, so the pass cannot be optimised away. */
function touch(texts: string[]): number {
  let sum = 0;
  for (const t of texts) for (let i = 0; i < t.length; i++) sum = (sum + t.charCodeAt(i)) | 0;
  return sum;
}

function nfkc(texts: string[]): number {
  let n = 0;
  for (const t of texts) n += t.normalize('NFKC').length;
  return n;
}

/** Best of `rounds` (the least disturbed by other processes), in M chars/s. */
function rate(texts: string[], chars: number, pass: (t: string[]) => number, rounds: number): number {
  let best = Infinity;
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    sink ^= pass(texts);
    best = Math.min(best, performance.now() - t);
  }
  if (sink === 0.5) console.log(sink);
  return chars / 1e6 / (best / 1000);
}

/** Measured on up to ~4 M characters of the given documents. */
export function measureLimits(docs: SourceDoc[]): Limits {
  const texts: string[] = [];
  let chars = 0;
  for (const d of docs) {
    if (chars > 4e6) break;
    texts.push(d.text);
    chars += d.text.length;
  }
  touch(texts); // warm up
  return { charCodeAt: rate(texts, chars, touch, 5), nfkc: rate(texts, chars, nfkc, 3) };
}

export function limitsLine(l: Limits): string {
  return `per-core limits now: charCodeAt pass ${l.charCodeAt.toFixed(0)} M chars/s, NFKC ${l.nfkc.toFixed(1)} M chars/s`;
}
