// Corpus documents left out for one run (--exclude): the saved index stays as it is, matches into
// excluded documents are dropped when they are found.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CorpusIndex } from '../index/corpus-index.js';
import { UnitMatcher, type Verified } from '../match/verify.js';

/** excluded[d] = 1 when document d of the index is left out. */
export type DocMask = Uint8Array;

/** A glob (`*`, `**`, `?`) as a regular expression over a whole path with '/' separators. */
export function globRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

const slashes = (p: string): string => p.split(sep).join('/');

/** Whether `path` (a document path as indexed) is the pattern's file, lies under its folder, or matches its glob. */
export function pathMatches(path: string, pattern: string, cwd = process.cwd()): boolean {
  if (/[*?]/.test(pattern)) {
    const re = globRegExp(slashes(pattern));
    const rel = slashes(relative(cwd, resolve(cwd, path)));
    return re.test(slashes(path)) || re.test(rel) || re.test(slashes(resolve(cwd, path)));
  }
  const inside = relative(resolve(cwd, pattern), resolve(cwd, path));
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}

export interface Exclusion {
  mask: DocMask;
  count: number;
  /** Patterns that matched no document (worth a warning: likely a typo). */
  unmatched: string[];
}

export function excludeDocs(index: CorpusIndex, patterns: readonly string[]): Exclusion {
  const mask = new Uint8Array(index.docs.length);
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    let hit = false;
    index.docs.forEach((d, i) => {
      if (pathMatches(d.path, pattern)) (mask[i] = 1), (hit = true);
    });
    if (!hit) unmatched.push(pattern);
  }
  return { mask, count: mask.reduce((n, x) => n + x, 0), unmatched };
}

/** The first occurrence row of unique u in a document that is not excluded, or -1. */
export function firstKeptRow(index: CorpusIndex, u: number, mask?: DocMask): number {
  for (const row of index.occurrences(u)) if (!mask?.[index.units.doc[row]]) return row;
  return -1;
}

/** Verified matches whose unique occurs in some document that is not excluded. */
export function keepVerified(found: Verified[], index: CorpusIndex, mask?: DocMask): Verified[] {
  if (!mask || !mask.includes(1)) return found;
  return found.filter((v) => firstKeptRow(index, v.unique, mask) >= 0);
}

/**
 * Document frequency of a unit match: distinct documents (not excluded) among the occurrences of
 * the matched unique. The span layer gives spans an exact docFreq; this is the stand-in for unit matches.
 */
export function unitDocFreq(index: CorpusIndex, u: number, mask?: DocMask): number {
  let n = 0;
  let last = -1;
  for (const row of index.occurrences(u)) {
    const d = index.units.doc[row];
    if (d === last || mask?.[d]) continue;
    last = d;
    n++;
  }
  return n;
}

/**
 * A UnitMatcher that never returns a unique found only in excluded documents, and breaks ties by
 * content key rather than unique id: ids depend on which documents an index holds, so an index
 * with documents left out must pick the same best match as one built without them.
 */
export class KeptMatcher extends UnitMatcher {
  constructor(
    private readonly corpus: CorpusIndex,
    threshold: number,
    private readonly mask?: DocMask,
  ) {
    super(corpus, threshold);
  }

  override match(norm: string, a: number, b: number): Verified[] {
    const key = this.corpus.uniqueKey;
    return keepVerified(super.match(norm, a, b), this.corpus, this.mask).sort(
      (x, y) => y.similarity - x.similarity || key[x.unique] - key[y.unique],
    );
  }
}
