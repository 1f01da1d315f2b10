// The scan page's static charts, drawn on the server as inline SVG: a document × phrase heatmap of
// the top phrases, and each document's formulaicity (stock ratio) as bars.
import { escapeHtml } from './escape.js';
import { formatPercent } from './format.js';
import { PALETTE } from './palette.js';
import type { PageData } from './scan-page-data.js';

export const HEATMAP_PHRASES = 40;
const CELL = 14;
const ROW = 12;
const LABEL = 150;

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Documents in group order (then path), so that rows read as a timeline when groups are years. */
export function documentOrder(data: PageData): number[] {
  return data.docs
    .map((_, i) => i)
    .sort((a, b) => {
      const ga = data.docs[a].g, gb = data.docs[b].g;
      if (ga !== gb) return (ga < 0 ? Infinity : ga) - (gb < 0 ? Infinity : gb);
      return data.docs[a].p < data.docs[b].p ? -1 : data.docs[a].p > data.docs[b].p ? 1 : 0;
    });
}

function rowLabel(data: PageData, d: number): string {
  const doc = data.docs[d];
  const name = basename(doc.p);
  return doc.g >= 0 && !name.includes(data.groups[doc.g]) ? `${data.groups[doc.g]} · ${name}` : name;
}

/** Phrases by document frequency (the page's table order may differ), at most HEATMAP_PHRASES. */
export function heatmapPhrases(data: PageData): number[] {
  return data.phrases
    .map((_, i) => i)
    .sort((a, b) => data.phrases[b].f - data.phrases[a].f || data.phrases[b].c - data.phrases[a].c || a - b)
    .slice(0, HEATMAP_PHRASES);
}

export function heatmapSvg(data: PageData): string {
  const cols = heatmapPhrases(data);
  const rows = documentOrder(data);
  const rowOf = new Map(rows.map((d, r) => [d, r]));
  const width = LABEL + cols.length * CELL + 4;
  const height = 22 + rows.length * ROW;
  const parts: string[] = [];
  cols.forEach((p, c) => {
    const x = LABEL + c * CELL;
    parts.push(`<text x="${x + CELL / 2}" y="14" text-anchor="middle" class="hl">${c + 1}</text>`);
    const counts = new Map<number, number>();
    for (const [d] of data.phrases[p].o) counts.set(d, (counts.get(d) ?? 0) + 1);
    for (const [d, n] of counts) {
      const r = rowOf.get(d);
      if (r === undefined) continue;
      const title = `${data.phrases[p].t} · ${data.docs[d].p} · ×${n}`;
      parts.push(
        `<rect x="${x + 1}" y="${20 + r * ROW + 1}" width="${CELL - 2}" height="${ROW - 2}" fill="${PALETTE.stock}" ` +
          `fill-opacity="${Math.min(1, 0.3 + 0.25 * (n - 1)).toFixed(2)}" data-open="${p}"><title>${escapeHtml(title)}</title></rect>`,
      );
    }
  });
  rows.forEach((d, r) => {
    parts.push(`<text x="${LABEL - 6}" y="${20 + r * ROW + ROW - 2}" text-anchor="end" class="hl">${escapeHtml(rowLabel(data, d))}</text>`);
    if (r % 2 === 0) parts.unshift(`<rect x="${LABEL}" y="${20 + r * ROW}" width="${cols.length * CELL}" height="${ROW}" fill="${PALETTE.page}"/>`);
  });
  const legend = cols.map((p, c) => `<li value="${c + 1}"><a href="#" data-open="${p}">${escapeHtml(data.phrases[p].t)}</a> <span class="muted">${data.phrases[p].f}</span></li>`);
  return (
    `<svg class="heatmap" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="document × phrase heatmap">${parts.join('')}</svg>` +
    `<ol class="heatkey">${legend.join('')}</ol>`
  );
}

/** One bar per document: its stock ratio, documents in group order. */
export function formulaicityTable(data: PageData): string {
  const rows = documentOrder(data).map((d) => {
    const doc = data.docs[d];
    const group = doc.g >= 0 ? escapeHtml(data.groups[doc.g]) : '';
    return (
      `<tr><td>${group}</td><td class="doc">${escapeHtml(doc.p)}</td><td class="num">${formatPercent(doc.r)}</td>` +
      `<td class="barcell"><span class="bar" style="width:${(doc.r * 100).toFixed(1)}%"></span></td><td class="num">${doc.k}</td></tr>`
    );
  });
  const groupHead = data.groupBy ? escapeHtml(data.groupBy) : '';
  return (
    `<table class="formulaicity"><thead><tr><th>${groupHead}</th><th>document</th><th class="num">stock</th><th></th><th class="num">phrases</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** With numeric groups (years): each document's stock ratio as a dot over the group axis. */
export function formulaicityTimeline(data: PageData): string {
  if (!data.numeric) return '';
  const values = data.groups.map(Number);
  const lo = Math.min(...values), hi = Math.max(...values);
  const W = 900, H = 170, L = 40, R = 12, T = 10, B = 26;
  const pw = W - L - R, ph = H - T - B;
  const maxRatio = Math.max(0.01, ...data.docs.map((d) => d.r));
  const x = (v: number): number => L + ((v - lo + 0.5) / (hi - lo + 1)) * pw;
  const y = (r: number): number => T + ph - (r / maxRatio) * ph;
  const parts: string[] = [`<line class="axis" x1="${L}" x2="${W - R}" y1="${T + ph}" y2="${T + ph}"/>`];
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => (hi - lo + 1) / s <= 14) ?? Math.ceil((hi - lo + 1) / 14);
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) {
    parts.push(`<text x="${x(v).toFixed(1)}" y="${H - 8}" text-anchor="middle">${v}</text>`);
  }
  parts.push(`<text x="${L - 4}" y="${T + 8}" text-anchor="end">${formatPercent(maxRatio, 0)}</text><text x="${L - 4}" y="${T + ph}" text-anchor="end">0</text>`);
  for (const d of data.docs) {
    if (d.g < 0) continue;
    const title = `${d.p}: ${formatPercent(d.r)}`;
    parts.push(`<circle class="dot" cx="${x(values[d.g]).toFixed(1)}" cy="${y(d.r).toFixed(1)}" r="3"><title>${escapeHtml(title)}</title></circle>`);
  }
  return `<svg class="ratio-timeline" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="stock ratio per document over ${escapeHtml(data.groupBy)}">${parts.join('')}</svg>`;
}
