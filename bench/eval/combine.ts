// Copies that do not coincide with a sentence or clause (issue 13): a stock clause inside an
// original clause, a copy without punctuation, two copied sentences merged, one split in two, a
// sentence whose halves come from two documents. Truth covers exactly the copied characters (not
// the comma or full stop the generator adds), and every copied part names its source documents.
import type { SourceDoc } from '../../src/types.js';
import { tokenise } from '../../src/text/tokens.js';
import type { Piece } from './kinds.js';
import type { Rng } from './prng.js';
import { clausesOf, simplified } from './transforms.js';

/**
 * What a copy keeps of its source: the content characters (letters, digits, hanzi) in simplified
 * script, each run of digits as one '#'. Punctuation differs between documents that share a
 * sentence, and a number is what a report updates; neither makes another document less a source.
 */
export function sourceKey(text: string): string {
  return simplified(text)
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/\p{N}+/gu, '#');
}

/** The indexed documents holding a text (compared by sourceKey, plain string search), cached. */
export class SourceFinder {
  private readonly cache = new Map<string, string[]>();
  private readonly keys: string[];

  constructor(private readonly docs: readonly SourceDoc[]) {
    this.keys = docs.map((d) => sourceKey(d.text));
  }

  docsOf(text: string): string[] {
    let out = this.cache.get(text);
    if (!out) {
      const key = sourceKey(text);
      out = this.docs.filter((_, i) => this.keys[i].includes(key)).map((d) => d.path);
      this.cache.set(text, out);
    }
    return out;
  }
}

/** What the builders share: unused source sentences (shuffled), and the set they mark used. */
export interface Pool {
  sentences: readonly string[];
  used: Set<string>;
  find: SourceFinder;
  rng: Rng;
}

const CONTENT = /[\p{L}\p{N}#]/gu;
/** Content characters, a number counting as one (the engine matches numbers as one slot). */
export const contentCount = (s: string): number => s.replace(/\p{N}+/gu, '#').match(CONTENT)?.length ?? 0;
const bare = (c: string): string => c.replace(/[，,]$/, '');
const isContent = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** A sentence without its terminator, when that is one plain mark (no closing quote after it). */
function body(s: string): string | undefined {
  return clausesOf(s).end.length === 1 ? s.slice(0, -1) : undefined;
}

function* fresh(pool: Pool): Generator<string> {
  for (const s of pool.sentences) if (!pool.used.has(s)) yield s;
}

/** A stock clause put inside a clause of an original sentence, at a word boundary, with no punctuation around it. */
export function insertedPieces(pool: Pool, hosts: readonly string[], n: number): Piece[] {
  const out: Piece[] = [];
  const order = pool.rng.shuffle(hosts);
  let h = 0;
  for (const s of fresh(pool)) {
    if (out.length >= n || h >= order.length) break;
    const clauses = clausesOf(s).clauses.map(bare).filter((c) => contentCount(c) >= 8 && c.length <= 40 && isContent(c[0]) && isContent(c.at(-1)));
    if (clausesOf(s).clauses.length < 2 || clauses.length === 0) continue;
    let at: number | undefined;
    let host = '';
    while (at === undefined && h < order.length) {
      host = order[h++];
      at = insidePoint(host, pool.rng);
    }
    if (at === undefined) break;
    const stock = pool.rng.pick(clauses);
    pool.used.add(s);
    out.push({ kind: 'inserted', text: host.slice(0, at) + stock + host.slice(at), truth: [[at, at + stock.length]], sources: [pool.find.docsOf(stock)] });
  }
  return out;
}

/** A word boundary with content characters on both sides (inside a clause, not next to punctuation). */
function insidePoint(host: string, rng: Rng): number | undefined {
  const points: number[] = [];
  let at = 0;
  for (const t of tokenise(host)) {
    at += t.length;
    if (at < host.length && isContent(host[at - 1]) && isContent(host[at])) points.push(at);
  }
  return points.length ? rng.pick(points) : undefined;
}

/** A copy with every punctuation mark removed but its terminator (so that it stays one sentence). */
export function strippedPieces(pool: Pool, n: number): Piece[] {
  const out: Piece[] = [];
  for (const s of fresh(pool)) {
    if (out.length >= n) break;
    const b = body(s);
    if (b === undefined) continue;
    const text = b.replace(/[^\p{L}\p{N}\s]/gu, '') + s.slice(-1);
    if (text === s) continue;
    pool.used.add(s);
    out.push({ kind: 'stripped', text, truth: [[0, text.length]], sources: [pool.find.docsOf(s)] });
  }
  return out;
}

/** Two sentences of one document (the second the next clean sentence after the first) joined by a comma. */
export function mergedPieces(pool: Pool, perDoc: readonly string[][], n: number): Piece[] {
  const next = new Map<string, string>();
  for (const list of perDoc) list.forEach((s, i) => i + 1 < list.length && !next.has(s) && next.set(s, list[i + 1]));
  const out: Piece[] = [];
  for (const s of fresh(pool)) {
    if (out.length >= n) break;
    const t = next.get(s);
    const a = body(s);
    if (t === undefined || a === undefined || pool.used.has(t) || a.length + t.length > 200) continue;
    pool.used.add(s).add(t);
    const text = `${a}，${t}`;
    out.push({ kind: 'merged', text, truth: [[0, a.length], [a.length + 1, text.length]], sources: [pool.find.docsOf(s), pool.find.docsOf(t)] });
  }
  return out;
}

/** A copy split at a comma into two sentences, each of at least 10 content characters. */
export function splitPieces(pool: Pool, n: number): Piece[] {
  const out: Piece[] = [];
  for (const s of fresh(pool)) {
    if (out.length >= n) break;
    const { clauses, end } = clausesOf(s);
    const cuts: number[] = [];
    for (let k = 1; k < clauses.length; k++) {
      if (contentCount(clauses.slice(0, k).join('')) >= 10 && contentCount(clauses.slice(k).join('')) >= 10) cuts.push(k);
    }
    if (cuts.length === 0) continue;
    const k = pool.rng.pick(cuts);
    const head = bare(clauses.slice(0, k).join(''));
    const text = `${head}。${clauses.slice(k).join('')}${end}`;
    pool.used.add(s);
    out.push({ kind: 'split', text, truth: [[0, head.length], [head.length + 1, text.length]], sources: [pool.find.docsOf(s)], cuts: [head.length + 1] });
  }
  return out;
}

/** The first half of one sentence and the second half of another, found in no common document. */
export function twoSourcePieces(pool: Pool, n: number): Piece[] {
  const halves = (s: string): { first: string; second: string } | undefined => {
    const { clauses, end } = clausesOf(s);
    if (clauses.length < 2) return undefined;
    const first = bare(clauses.slice(0, Math.ceil(clauses.length / 2)).join(''));
    const second = clauses.slice(Math.floor(clauses.length / 2)).join('') + end;
    return contentCount(first) >= 8 && contentCount(second) >= 8 ? { first, second } : undefined;
  };
  const candidates = [...fresh(pool)].filter((s) => halves(s) !== undefined);
  const out: Piece[] = [];
  for (const s of candidates) {
    if (out.length >= n) break;
    if (pool.used.has(s)) continue;
    const a = halves(s)!.first;
    const docsA = pool.find.docsOf(a);
    const partner = candidates.find((t) => t !== s && !pool.used.has(t) && pool.find.docsOf(halves(t)!.second).every((d) => !docsA.includes(d)));
    if (partner === undefined) continue;
    const b = halves(partner)!.second;
    pool.used.add(s).add(partner);
    const text = `${a}，${b}`;
    out.push({ kind: 'two-sources', text, truth: [[0, a.length], [a.length + 1, text.length]], sources: [docsA, pool.find.docsOf(b)] });
  }
  return out;
}
