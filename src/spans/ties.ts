// A near-duplicate cluster (spun, renumbered variants) is tied to the formula it varies: the
// longest formula found inside its first member.
import type { Phrase } from '../types.js';

interface Placed {
  start: number;
  end: number;
  f: Phrase;
}

export function tieClustersToFormulas(clusters: Phrase[], formulas: Phrase[]): void {
  const byDoc = new Map<string, Placed[]>();
  for (const f of formulas) {
    for (const m of f.members) {
      const list = byDoc.get(m.doc) ?? [];
      list.push({ start: m.start, end: m.end, f });
      byDoc.set(m.doc, list);
    }
  }
  for (const list of byDoc.values()) list.sort((x, y) => x.start - y.start);
  for (const c of clusters) {
    const first = c.members[0];
    const list = byDoc.get(first.doc) ?? [];
    let best: Phrase | undefined;
    for (let i = firstAtOrAfter(list, first.start); i < list.length && list[i].start < first.end; i++) {
      const o = list[i];
      if (o.end <= first.end && (!best || o.f.text.length > best.text.length)) best = o.f;
    }
    if (best) c.formula = best.text;
  }
}

/** The first occurrence in `list` (sorted by start) starting at or after `start`. */
function firstAtOrAfter(list: Placed[], start: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
