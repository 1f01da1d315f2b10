// Occurrences (document, offsets) over groups of documents: per group how many documents hold the
// phrase and how often it occurs, the first and last group, and Gries' DP across documents.
// Pure: `find` and `scan` hand in occurrences; metadata and document sizes come from the caller.

export interface Occurrence {
  doc: string;
  start: number;
  end: number;
}

export interface GroupCount {
  group: string;
  /** Documents of this group holding the phrase. */
  docs: number;
  /** Occurrences in this group. */
  count: number;
}

export interface Spread {
  /** Groups where the phrase occurs, in group order. */
  groups: GroupCount[];
  first?: string;
  last?: string;
}

/** Group values in reading order: numerically when every value is a number (years), else by code point. */
export function orderGroups(values: Iterable<string>): string[] {
  const all = [...new Set(values)];
  const numeric = all.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  return all.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Documents per group (the denominator a researcher normalises by). */
export function documentsPerGroup(docs: Iterable<string>, groupOf: (doc: string) => string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of docs) {
    const g = groupOf(d);
    if (g !== undefined) out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Documents without a value for the column belong to no group (they still count for DP). */
export function spreadOver(occurrences: readonly Occurrence[], groupOf: (doc: string) => string | undefined, order: readonly string[]): Spread {
  const docs = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const o of occurrences) {
    const g = groupOf(o.doc);
    if (g === undefined) continue;
    if (!docs.has(g)) docs.set(g, new Set());
    docs.get(g)!.add(o.doc);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const groups = order.filter((g) => counts.has(g)).map((group) => ({ group, docs: docs.get(group)!.size, count: counts.get(group)! }));
  return { groups, first: groups[0]?.group, last: groups.at(-1)?.group };
}

/**
 * Gries' DP (deviation of proportions), normalised to 0–1 (Lijffijt & Gries 2012): 0 when the
 * phrase is spread over the documents in proportion to their sizes, 1 when it sits only in the
 * smallest document (near 1 for any single document of a large corpus).
 * Sizes are the documents' lengths, so long reports are expected to hold more occurrences.
 */
export function griesDp(occurrences: readonly Occurrence[], sizes: ReadonlyMap<string, number>): number {
  const { total, minShare } = corpusShape(sizes);
  if (!occurrences.length || total <= 0 || sizes.size < 2) return 0;
  const per = new Map<string, number>();
  for (const o of occurrences) per.set(o.doc, (per.get(o.doc) ?? 0) + 1);
  // Σ over all documents of |observed − expected|: a document without the phrase adds its expected
  // share, so only the documents holding it are visited (the rest is 1 − their expected shares).
  let sum = 0;
  let expectedHere = 0;
  for (const [doc, n] of per) {
    const size = sizes.get(doc);
    if (size === undefined) continue;
    const expected = size / total;
    expectedHere += expected;
    sum += Math.abs(n / occurrences.length - expected);
  }
  const dp = (sum + Math.max(0, 1 - expectedHere)) / 2;
  return Math.round((dp / (1 - minShare)) * 1e4) / 1e4;
}

const shapes = new WeakMap<ReadonlyMap<string, number>, { total: number; minShare: number }>();

/** Total size and the smallest document's share, once per map of sizes. */
function corpusShape(sizes: ReadonlyMap<string, number>): { total: number; minShare: number } {
  let shape = shapes.get(sizes);
  if (shape === undefined) {
    let total = 0;
    for (const s of sizes.values()) total += s;
    let minShare = 1;
    for (const s of sizes.values()) minShare = Math.min(minShare, s / total);
    shape = { total, minShare };
    shapes.set(sizes, shape);
  }
  return shape;
}
