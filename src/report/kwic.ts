// Key word in context: occurrences + document texts → concordance lines, sortable the way a
// concordancer sorts them (by the left context read backwards from the node, or by the right).
import type { Occurrence } from '../meta/groups.js';

export interface KwicLine {
  doc: string;
  start: number;
  end: number;
  left: string;
  node: string;
  right: string;
}

export type KwicSort = 'doc' | 'left' | 'right';

/** White space folded to one space, so that a line of context is one line. */
function flat(s: string): string {
  return s.replace(/\s+/g, ' ');
}

export function kwicLines(occurrences: readonly Occurrence[], textOf: (doc: string) => string | undefined, width = 20): KwicLine[] {
  const out: KwicLine[] = [];
  for (const o of occurrences) {
    const text = textOf(o.doc);
    if (text === undefined) continue;
    out.push({
      doc: o.doc,
      start: o.start,
      end: o.end,
      left: flat(text.slice(Math.max(0, o.start - width), o.start)),
      node: flat(text.slice(o.start, o.end)),
      right: flat(text.slice(o.end, o.end + width)),
    });
  }
  return out;
}

function reversed(s: string): string {
  return [...s].reverse().join('');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy (of KWIC lines, or of find's occurrences); ties by document and offset, so the order is the same on every run. */
export function sortKwic<T extends Pick<KwicLine, 'doc' | 'start' | 'left' | 'right'>>(lines: readonly T[], by: KwicSort): T[] {
  const key = (l: T): string => (by === 'left' ? reversed(l.left) : by === 'right' ? l.right : '');
  const keyed = lines.map((l) => ({ l, k: key(l) }));
  keyed.sort((x, y) => cmp(x.k, y.k) || cmp(x.l.doc, y.l.doc) || x.l.start - y.l.start);
  return keyed.map((x) => x.l);
}
