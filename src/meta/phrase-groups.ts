// Every phrase of a scan over the groups of one metadata column, and its dispersion (DP) across
// documents. Works on Phrase.members, so clusters and formulas alike.
import type { DocumentStats, Phrase } from '../types.js';
import { documentsPerGroup, griesDp, orderGroups, spreadOver, type GroupCount } from './groups.js';
import type { DocMeta } from './doc-meta.js';

export interface GroupedPhrase extends Phrase {
  /** Gries' DP over documents, normalised (0 even … 1 in one document). */
  dp: number;
  /** With --group-by: the groups it occurs in, in group order, and the first and last of them. */
  groups?: GroupCount[];
  first?: string;
  last?: string;
}

export interface Grouping {
  column: string;
  /** Every group of the corpus in order, with its number of documents. */
  groups: Array<{ group: string; docs: number }>;
}

/** Document sizes for DP: their content characters (chrome excluded), as the scan counted them. */
export function documentSizes(documents: readonly DocumentStats[]): Map<string, number> {
  return new Map(documents.map((d) => [d.path, d.chars]));
}

export function groupingOf(documents: readonly DocumentStats[], meta: ReadonlyMap<string, DocMeta>, column: string): Grouping {
  const per = documentsPerGroup(documents.map((d) => d.path), (doc) => meta.get(doc)?.[column]);
  return { column, groups: orderGroups(per.keys()).map((group) => ({ group, docs: per.get(group)! })) };
}

export function withSpread(
  phrases: readonly Phrase[],
  sizes: ReadonlyMap<string, number>,
  grouping?: Grouping,
  meta?: ReadonlyMap<string, DocMeta>,
): GroupedPhrase[] {
  const order = grouping?.groups.map((g) => g.group) ?? [];
  const groupOf = (doc: string): string | undefined => (grouping ? meta?.get(doc)?.[grouping.column] : undefined);
  return phrases.map((p) => {
    const dp = griesDp(p.members, sizes);
    if (!grouping) return { ...p, dp };
    const s = spreadOver(p.members, groupOf, order);
    return { ...p, dp, groups: s.groups, ...(s.first !== undefined ? { first: s.first, last: s.last } : {}) };
  });
}

export interface SpreadScan {
  documents: DocumentStats[];
  phrases: GroupedPhrase[];
  /** Undefined without a column; with one whose value no document has, its groups are empty. */
  grouping?: Grouping;
}

/** A scan's documents with their metadata, its phrases with DP and, for a column, their groups. */
export function spreadScan(documents: readonly DocumentStats[], phrases: readonly Phrase[], meta: ReadonlyMap<string, DocMeta>, column?: string): SpreadScan {
  const docs = documents.map((d) => {
    const m = meta.get(d.path);
    return m && Object.keys(m).length ? { ...d, meta: m } : d;
  });
  const grouping = column === undefined ? undefined : groupingOf(docs, meta, column);
  return { documents: docs, phrases: withSpread(phrases, documentSizes(docs), grouping, meta), grouping };
}

/** Metadata columns some document has, for messages. */
export function metaColumns(meta: ReadonlyMap<string, DocMeta>): string[] {
  return [...new Set([...meta.values()].flatMap((m) => Object.keys(m)))].sort();
}
