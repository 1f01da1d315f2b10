// Ways a copy is disguised: script conversion, renumbering/re-placing, clause reordering.
// (Spinning is in spin.ts.) Each returns undefined when it does not apply to the sentence.
import * as OpenCC from 'opencc-js';
import type { Rng } from './prng.js';

let toTw: ((s: string) => string) | undefined;
let toCn: ((s: string) => string) | undefined;

export function simplified(s: string): string {
  const f = (toCn ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return f(s);
}

export function traditional(s: string): string {
  const f = (toTw ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return f(s);
}

/** A sentence is in traditional script when converting it to simplified changes it. */
export function isTraditional(s: string): boolean {
  return simplified(s) !== s;
}

/** Simplified → traditional (cn → tw), or traditional → simplified for a traditional source. */
export function convertScript(s: string): string | undefined {
  const out = isTraditional(s) ? simplified(s) : traditional(s);
  return out === s ? undefined : out;
}

const PLACES = ['县', '区', '市'];
const NUMBER = /(?:19|20)\d{2}(?=年)|\d+(?:\.\d+)?/g;

/** Digits changed (years → 20xx, some numbers → ××), 县/区/市 swapped. */
export function renumber(s: string, rng: Rng): string | undefined {
  let out = s.replace(NUMBER, (m) => {
    if (/^(?:19|20)\d{2}$/.test(m) && rng.next() < 0.7) return '20xx';
    if (rng.next() < 0.3) return '××';
    return otherNumber(m, rng);
  });
  out = [...out].map((c) => (PLACES.includes(c) && rng.next() < 0.7 ? rng.pick(PLACES.filter((p) => p !== c)) : c)).join('');
  return out === s ? undefined : out;
}

function otherNumber(m: string, rng: Rng): string {
  for (let tries = 0; tries < 5; tries++) {
    const n = m.replace(/\d/g, (d, i: number) => (i === 0 && m.length > 1 ? String(1 + rng.int(9)) : String(rng.int(10))));
    if (n !== m) return n;
  }
  return m + '0';
}

const CLAUSE_SPLIT = /(?<=[，,])/;
const END = /[。！？；!?;]+[”’」』）)]*$/;

/** The clauses of a sentence body (each keeps its trailing comma) and its terminator. */
export function clausesOf(s: string): { clauses: string[]; end: string } {
  const end = END.exec(s)?.[0] ?? '';
  const body = s.slice(0, s.length - end.length);
  return { clauses: body.split(CLAUSE_SPLIT).filter((c) => c.length > 0), end };
}

/** Two clauses of a multi-clause sentence swapped. */
export function reorder(s: string, rng: Rng): string | undefined {
  const { clauses, end } = clausesOf(s);
  const bare = clauses.map((c) => c.replace(/[，,]$/, ''));
  if (bare.length < 2 || bare.some((c) => c.length < 4)) return undefined;
  const [i, j] = rng.sample(bare.map((_, k) => k), 2);
  [bare[i], bare[j]] = [bare[j], bare[i]];
  const out = bare.join('，') + end;
  return out === s ? undefined : out;
}
