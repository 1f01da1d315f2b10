// A small inline SVG donut of characters per label, readable without colour (patterns).

import type { Label } from '../types.js';
import { formatPercent, LABELS } from './format.js';
import { PALETTE } from './palette.js';

export const LABEL_NAMES: Record<Label, string> = {
  stock: '套话 stock',
  edited: '改写 edited',
  original: '原创 original',
  chrome: '版式 chrome',
};

const RADIUS = 15.915494309189533; // circumference 100
const FILLS: Record<Label, string> = {
  stock: 'url(#pat-stock)',
  edited: 'url(#pat-edited)',
  original: PALETTE.paper,
  chrome: 'url(#pat-chrome)',
};

/** Pattern definitions shared by the donut and the legend swatches. */
export function chartPatterns(): string {
  return (
    '<svg width="0" height="0" aria-hidden="true" style="position:absolute"><defs>' +
    `<pattern id="pat-stock" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="${PALETTE.stock}"/></pattern>` +
    '<pattern id="pat-edited" width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
    `<rect width="3" height="3" fill="${PALETTE.editedBg}"/><rect width="1.4" height="3" fill="${PALETTE.edited}"/></pattern>` +
    `<pattern id="pat-chrome" width="2" height="2" patternUnits="userSpaceOnUse"><rect width="2" height="2" fill="${PALETTE.chromeBg}"/>` +
    `<circle cx="1" cy="1" r="0.45" fill="${PALETTE.chrome}"/></pattern>` +
    '</defs></svg>'
  );
}

/** Donut with one arc per label; a label with no characters draws nothing. */
export function labelDonut(chars: Record<Label, number>): string {
  const total = LABELS.reduce((sum, label) => sum + chars[label], 0);
  let offset = 25; // start at 12 o'clock
  const arcs: string[] = [];
  for (const label of LABELS) {
    const share = total > 0 ? (chars[label] / total) * 100 : 0;
    if (share <= 0) continue;
    arcs.push(
      `<circle class="arc arc-${label}" cx="21" cy="21" r="${RADIUS}" fill="none" stroke="${FILLS[label]}" stroke-width="7" ` +
        `stroke-dasharray="${share.toFixed(3)} ${(100 - share).toFixed(3)}" stroke-dashoffset="${offset.toFixed(3)}">` +
        `<title>${LABEL_NAMES[label]}: ${chars[label]} (${formatPercent(share / 100)})</title></circle>`,
    );
    offset -= share;
  }
  return (
    `<svg class="donut" viewBox="0 0 42 42" width="132" height="132" role="img" aria-label="characters by sentence label">` +
    `<circle cx="21" cy="21" r="${RADIUS}" fill="none" stroke="${PALETTE.rule}" stroke-width="7"/>` +
    arcs.join('') +
    `<circle cx="21" cy="21" r="${RADIUS + 3.5}" fill="none" stroke="${PALETTE.ink}" stroke-width="0.25"/>` +
    `<circle cx="21" cy="21" r="${RADIUS - 3.5}" fill="none" stroke="${PALETTE.ink}" stroke-width="0.25"/>` +
    `</svg>`
  );
}

/** A legend swatch drawn with the same pattern as the chart. */
export function swatch(label: Label): string {
  return `<svg class="swatch" viewBox="0 0 10 10" width="12" height="12" aria-hidden="true"><rect width="10" height="10" fill="${FILLS[label]}" stroke="${PALETTE.ink}" stroke-width="0.8"/></svg>`;
}
