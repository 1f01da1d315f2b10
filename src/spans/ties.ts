// A near-duplicate cluster (spun, renumbered variants) is tied to the formula it varies: the
// longest formula found inside its first member.
import type { Phrase } from '../types.js';

export function tieClustersToFormulas(clusters: Phrase[], formulas: Phrase[]): void {
  const byDoc = new Map<string, Array<{ start: number; end: number; f: Phrase }>>();
  for (const f of formulas) {
    for (const m of f.members) {
      const list = byDoc.get(m.doc) ?? [];
      list.push({ start: m.start, end: m.end, f });
      byDoc.set(m.doc, list);
    }
  }
  for (const c of clusters) {
    const first = c.members[0];
    let best: Phrase | undefined;
    for (const o of byDoc.get(first.doc) ?? []) {
      if (o.start < first.start || o.end > first.end) continue;
      if (!best || o.f.text.length > best.text.length) best = o.f;
    }
    if (best) c.formula = best.text;
  }
}
