// `scan --html`: one self-contained page for researchers. The phrase table (searchable, sortable);
// each phrase opens its KWIC lines, a timeline of its documents per group and a dispersion plot;
// a document × phrase heatmap of the top phrases; each document's formulaicity. The data travels as
// one JSON block; the script is inline (allowed by its hash only) or, in `serve`, a same-origin file.
import { createHash } from 'node:crypto';
import { escapeHtml } from './escape.js';
import { formulaicityTable, formulaicityTimeline, heatmapSvg } from './scan-charts.js';
import { embedJson, pageData, type ScanPageInput } from './scan-page-data.js';
import { SCAN_PAGE_SCRIPT } from './scan-page-script.js';
import { SCAN_CSS } from './scan-page-styles.js';

export interface ScanHtmlOptions {
  title?: string;
  /** Load the script from this URL (serve) instead of inlining it. */
  scriptSrc?: string;
}

export function scanPageCsp(): string {
  const hash = createHash('sha256').update(SCAN_PAGE_SCRIPT).digest('base64');
  return `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
}

function shownNote(shown: number, total: number | undefined): string {
  return total !== undefined && total > shown ? `the first ${shown} of ${total} phrases (--top, --min-docs, --min-chars for others)` : `${shown} phrases`;
}

export function renderScanHtml(input: ScanPageInput, opts: ScanHtmlOptions = {}): string {
  const data = pageData(input);
  const title = opts.title ?? 'taohua · phrases';
  const groupNote = data.groupBy ? `${data.groups.length} ${escapeHtml(data.groupBy)} groups` : 'no groups (add --group-by COLUMN)';
  const script = opts.scriptSrc ? `<script src="${escapeHtml(opts.scriptSrc)}"></script>` : `<script>${SCAN_PAGE_SCRIPT}</script>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    opts.scriptSrc ? '' : `<meta http-equiv="Content-Security-Policy" content="${scanPageCsp()}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${SCAN_CSS}</style>`,
    '</head>',
    '<body>',
    '<div class="wrap">',
    `<header class="card"><h1>${escapeHtml(title)}</h1><p class="muted">${data.docs.length} documents · ${shownNote(data.phrases.length, input.total)} · ${groupNote}</p></header>`,
    '<div class="layout">',
    '<section class="card" aria-label="phrases"><h2>套话 Phrases</h2>',
    '<div class="search"><input id="q" type="search" placeholder="搜索 search phrases" aria-label="search phrases" autocomplete="off"> <span id="shown" class="muted"></span></div>',
    '<table class="phrases"><thead><tr>' +
      '<th class="num" data-key="f" title="documents">docs</th><th class="num" data-key="c" title="occurrences">count</th>' +
      '<th class="num" data-key="dp" title="Gries\' DP: 0 even, 1 in one document">DP</th>' +
      `<th data-key="a">${data.groupBy ? escapeHtml(data.groupBy) : 'groups'}</th><th data-key="t">phrase</th></tr></thead>`,
    '<tbody id="rows"></tbody></table>',
    '<button type="button" id="more" hidden>显示更多 show more</button>',
    '</section>',
    '<section id="detail" class="card" hidden aria-live="polite"></section>',
    '</div>',
    `<section class="card" aria-label="heatmap"><h2>文档 × 套话 Documents × top phrases</h2><div class="scroll">${heatmapSvg(data)}</div></section>`,
    `<section class="card" aria-label="formulaicity"><h2>套话占比 Formulaicity per document</h2>${formulaicityTimeline(data)}${formulaicityTable(data)}</section>`,
    '</div>',
    `<script type="application/json" id="scan-data">${embedJson(data)}</script>`,
    script,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
