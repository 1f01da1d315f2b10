// The data the scan page's script draws from: compact arrays, built once on the server side.
// Documents and groups are referred to by index; KWIC lines are cut here, not in the browser, so the
// page does not carry the corpus's full text.
import type { DocumentStats } from '../types.js';
import type { GroupedPhrase, Grouping } from '../meta/phrase-groups.js';
import { kwicLines } from './kwic.js';

/** Phrases on a page unless the caller lists others (`scan --html` without --top): with formulas a scan lists tens of thousands. */
export const PAGE_PHRASES = 2000;

/** Most KWIC lines and dispersion ticks one phrase carries into the page (a formula can occur thousands of times; `find` lists all). */
export const MAX_KWIC = 25;
export const MAX_TICKS = 2000;
export const KWIC_WIDTH = 24;

export interface PageDoc {
  /** path, group index (-1: none), text length, stock ratio, phrases */
  p: string;
  g: number;
  n: number;
  r: number;
  k: number;
}

export interface PagePhrase {
  t: string;
  m: string;
  f: number;
  c: number;
  l: number;
  dp: number;
  /** first and last group ('' without --group-by or when in no group) */
  a: string;
  z: string;
  /** [group index, documents, occurrences] */
  gd: Array<[number, number, number]>;
  /** dispersion ticks: [document index, start] */
  o: Array<[number, number]>;
  /** The distinct texts of the KWIC lines' nodes (most phrases have one or a few). */
  v: string[];
  /** KWIC: [document index, start, left, index into v, right] in document order */
  k: Array<[number, number, string, number, string]>;
}

export interface PageData {
  groupBy: string;
  /** Group names in order; numeric when every group is a number (years). */
  groups: string[];
  groupDocs: number[];
  numeric: boolean;
  docs: PageDoc[];
  phrases: PagePhrase[];
}

export interface ScanPageInput {
  documents: DocumentStats[];
  phrases: GroupedPhrase[];
  grouping?: Grouping;
  /** Document texts by path, for context lines and document lengths. */
  texts: ReadonlyMap<string, string>;
  /** Phrases of the scan in all, when `phrases` is only the first of them. */
  total?: number;
}

export function pageData({ documents, phrases, grouping, texts }: ScanPageInput): PageData {
  const groups = grouping?.groups.map((g) => g.group) ?? [];
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  const docIndex = new Map(documents.map((d, i) => [d.path, i]));
  const column = grouping?.column;
  const docs = documents.map((d) => ({
    p: d.path,
    g: column && d.meta?.[column] !== undefined ? groupIndex.get(d.meta[column]) ?? -1 : -1,
    n: texts.get(d.path)?.length ?? 0,
    r: d.stockRatio,
    k: d.phrases,
  }));
  const textOf = (doc: string): string | undefined => texts.get(doc);
  return {
    groupBy: column ?? '',
    groups,
    groupDocs: grouping?.groups.map((g) => g.docs) ?? [],
    numeric: groups.length > 0 && groups.every((g) => g.trim() !== '' && Number.isFinite(Number(g))),
    docs,
    phrases: phrases.map((p) => pagePhrase(p, groupIndex, docIndex, textOf)),
  };
}

function pagePhrase(
  p: GroupedPhrase,
  groupIndex: ReadonlyMap<string, number>,
  docIndex: ReadonlyMap<string, number>,
  textOf: (doc: string) => string | undefined,
): PagePhrase {
  const lines = kwicLines(p.members.slice(0, MAX_KWIC), textOf, KWIC_WIDTH);
  const v = [...new Set(lines.map((l) => l.node))];
  const at = new Map(v.map((t, i) => [t, i]));
  return {
    t: p.text,
    m: p.template,
    f: p.docFreq,
    c: p.count,
    l: p.meanChars,
    dp: p.dp,
    a: p.first ?? '',
    z: p.last ?? '',
    gd: (p.groups ?? []).map((g) => [groupIndex.get(g.group)!, g.docs, g.count]),
    o: p.members.slice(0, MAX_TICKS).map((m) => [docIndex.get(m.doc) ?? -1, m.start]),
    v,
    k: lines.map((l) => [docIndex.get(l.doc) ?? -1, l.start, l.left, at.get(l.node)!, l.right]),
  };
}

/** JSON safe inside <script type="application/json">: no "</script" or "<!--" can appear. */
export function embedJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
