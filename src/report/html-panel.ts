// The ratio panel of the HTML report: the figures a 查重 report gives, each with a data- hook.
import type { RatioPanel, Reuse, Tier } from '../types.js';
import { escapeHtml } from './escape.js';
import { formatCount, formatPercent, REUSE_MARKS, TIER_MARKS } from './format.js';

const TIER_NAMES: Record<Tier, string> = { verbatim: '原文 verbatim', figures: '改数字 figures', reworded: '改写 reworded' };
const REUSE_NAMES: Record<Reuse, string> = { formula: '公式 formula', copied: '抄录 copied' };

function figure(id: string, label: string, value: number, note = ''): string {
  return `<tr><th>${label}</th><td class="num" id="panel-${id}" data-value="${value}">${formatPercent(value)}</td><td class="muted">${note}</td></tr>`;
}

function sectionRows(p: RatioPanel): string {
  if (p.sections.length === 0) return '';
  const rows = p.sections
    .map(
      (s, i) =>
        `<tr data-section="${i}" data-stock-chars="${s.stockChars}" data-chars="${s.chars}"><td>${escapeHtml(s.heading || '（标题前）before the first heading')}</td>` +
        `<td class="num">${formatPercent(s.ratio)}</td><td class="num">${formatPercent(s.share)}</td>` +
        `<td class="doc-name">${s.largestSource ? `${escapeHtml(s.largestSource.doc)} · ${formatPercent(s.largestSource.ratio)}` : '—'}</td></tr>`,
    )
    .join('');
  return (
    '<table class="sections" aria-label="sections"><thead><tr><th>章节 section</th><th class="num">stock</th><th class="num">of draft</th><th>largest source</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`
  );
}

function tierRows(p: RatioPanel): string {
  const tiers = (Object.keys(TIER_MARKS) as Tier[])
    .map((t) => `<tr data-tier-count="${t}"><td><span class="tm">${TIER_MARKS[t]}</span> ${TIER_NAMES[t]}</td><td class="num">${p.tierCounts[t].sentences}</td><td class="num">${formatCount(p.tierCounts[t].chars)}</td></tr>`)
    .join('');
  const reuse = (Object.keys(REUSE_MARKS) as Reuse[])
    .map((r) => `<tr data-reuse-count="${r}"><td><span class="tm">${REUSE_MARKS[r]}</span> ${REUSE_NAMES[r]}</td><td class="num">${p.reuseCounts[r].sentences}</td><td class="num">${formatCount(p.reuseCounts[r].chars)}</td></tr>`)
    .join('');
  return `<table class="tiers" aria-label="tiers"><thead><tr><th>类型 tier</th><th class="num">sentences</th><th class="num">chars</th></tr></thead><tbody>${tiers}${reuse}</tbody></table>`;
}

export function panelSection(p: RatioPanel): string {
  const largest = p.largestSource;
  const leftOut = p.leftOutChars.quote + p.leftOutChars.heading + p.leftOutChars.allowed;
  const leftNote =
    leftOut > 0 || p.excludedDocs > 0
      ? `<p class="muted" id="panel-left-out">未计入 left out: quotations ${formatCount(p.leftOutChars.quote)} · headings ${formatCount(p.leftOutChars.heading)} · allowed ${formatCount(p.leftOutChars.allowed)} chars · ${p.excludedDocs} corpus documents excluded</p>`
      : '';
  return (
    '<section class="card panel" id="panel" aria-label="ratio panel"><h2>查重指标 Ratios</h2><div class="panel-grid">' +
    '<table class="figures"><tbody>' +
    figure('total', '总套话比 total stock', p.total) +
    figure('without-quotes', '去除引用 without quotations', p.withoutQuotes) +
    figure('copied-only', '去除公式 copied only', p.copiedOnly, 'formulas left out') +
    (largest
      ? `<tr><th>单篇最大 largest source</th><td class="num" id="panel-largest" data-value="${largest.ratio}">${formatPercent(largest.ratio)}</td><td class="doc-name">${escapeHtml(largest.doc)}</td></tr>`
      : '<tr><th>单篇最大 largest source</th><td class="num" id="panel-largest" data-value="0">—</td><td></td></tr>') +
    '</tbody></table>' +
    tierRows(p) +
    sectionRows(p) +
    `</div>${leftNote}</section>`
  );
}
