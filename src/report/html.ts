// The editor's report: one self-contained HTML file (inline CSS, SVG and a small script).

import type { CheckResult, Label, SentenceResult } from '../types.js';
import { chartPatterns, LABEL_NAMES, labelDonut, swatch } from './chart.js';
import { draftBlocks, type DraftBlock, type SentencePiece } from './draft-pieces.js';
import { escapeHtml } from './escape.js';
import { pageHead } from './html-head.js';
import { bestMatch, charsByLabel, formatCount, formatPercent, LABELS, LEFT_OUT_MARKS, REUSE_MARKS, sentenceCoverage, sentenceMark, TIER_MARKS } from './format.js';
import { panelSection } from './html-panel.js';
import { sourcesSection, type SourceTexts } from './html-sources.js';
import { diffMarkup } from './html-diff.js';
import { CHECK_CSS } from './html-styles.js';

export { renderCompareHtml } from './html-compare.js';

export interface CheckHtmlOptions {
  title?: string;
  /** The draft's full text; when given, the text between sentences is shown exactly. */
  draftText?: string;
  /** The corpus, for the sources' full passages (otherwise the matched units' text is shown). */
  corpus?: { docs: ReadonlyArray<{ path: string; text: string }> };
}

function sourceTexts(corpus: CheckHtmlOptions['corpus']): SourceTexts | undefined {
  if (!corpus) return undefined;
  const byPath = new Map(corpus.docs.map((d) => [d.path, d.text]));
  return (doc) => byPath.get(doc);
}

/** Opens the match panel of a clicked sentence and follows #m-/#s- links into closed <details>. */
const CHECK_SCRIPT = `(function(){var hits=[];function mark(els){hits.forEach(function(e){e.classList.remove('hit')});hits=els;els.forEach(function(e){e.classList.add('hit')})}
function openMatch(id){var d=document.getElementById('m-'+id),s=document.getElementById('s-'+id);if(!d)return;d.open=true;mark([d,s]);d.scrollIntoView({block:'nearest'})}
document.addEventListener('click',function(e){var t=e.target;if(!(t instanceof Element)||t.closest('a'))return;var s=t.closest('.s[data-m]');if(s)openMatch(s.getAttribute('data-m'))});
function follow(){var h=location.hash.slice(1),el=h&&document.getElementById(h);if(el&&el.tagName==='DETAILS')el.open=true}
window.addEventListener('hashchange',follow);follow()})();`;

export function renderCheckHtml(r: CheckResult, opts: CheckHtmlOptions = {}): string {
  const title = opts.title ?? `taohua · ${r.document}`;
  const blocks = draftBlocks(r, opts.draftText);
  const refNumbers = matchNumbers(blocks);
  return [
    ...pageHead(title, CHECK_CSS),
    chartPatterns(),
    '<div class="wrap">',
    summarySection(r, title),
    r.panel ? panelSection(r.panel) : '',
    '<div class="layout">',
    `<section class="card" aria-label="draft"><h2>草稿 Draft</h2>${legend()}<div class="draft">${draftMarkup(blocks, refNumbers)}</div></section>`,
    `<aside class="card side" aria-label="sources of each sentence"><h2>来源比对 Matches <span class="muted">(${refNumbers.size})</span></h2>${matchPanel(blocks, refNumbers)}</aside>`,
    '</div>',
    sourcesSection(r, sourceTexts(opts.corpus)),
    `<p class="muted">taohua · ${escapeHtml(r.schema)} · ${escapeHtml(r.format)} · ${escapeHtml(r.encoding)}</p>`,
    '</div>',
    `<script>${CHECK_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function hasPanel(s: SentenceResult): boolean {
  return (s.label === 'stock' || s.label === 'edited') && s.matches.length > 0;
}

/** Sentence index → the number its reference mark shows (1, 2, … in reading order). */
function matchNumbers(blocks: DraftBlock[]): Map<number, number> {
  const numbers = new Map<number, number>();
  for (const block of blocks) {
    if (block.type === 'sentence' && hasPanel(block.sentence)) numbers.set(block.index, numbers.size + 1);
  }
  return numbers;
}

function summarySection(r: CheckResult, title: string): string {
  const chars = charsByLabel(r);
  const total = LABELS.reduce((sum, label) => sum + chars[label], 0);
  const rows = LABELS.map(
    (label: Label) =>
      `<tr><td>${swatch(label)}${LABEL_NAMES[label]}</td><td class="num" data-label-count="${label}">${r.counts[label] ?? 0}</td>` +
      `<td class="num">${formatCount(chars[label])}</td><td class="num">${formatPercent(total > 0 ? chars[label] / total : 0)}</td></tr>`,
  ).join('');
  return (
    `<header class="card summary">` +
    `<div><h1>${escapeHtml(title)}</h1>` +
    `<div id="stock-ratio" class="ratio" data-ratio="${r.stockRatio}">${formatPercent(r.stockRatio)}</div>` +
    `<div class="ratio-caption muted">套话占比 stock ratio · ${formatCount(r.stockChars)} / ${formatCount(r.chars)} 字 chars</div></div>` +
    labelDonut(chars) +
    `<table class="counts"><thead><tr><th>句子 sentences</th><th class="num">count</th><th class="num">chars</th><th class="num">share</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>` +
    `</header>`
  );
}

function legend(): string {
  return (
    '<ul class="legend" aria-label="legend">' +
    '<li><span class="k-stock">套话 stock span</span> (underlined)</li>' +
    `<li>tier mark: <span class="tm">${TIER_MARKS.verbatim}</span> verbatim (solid line) · <span class="tm">${TIER_MARKS.figures}</span> figures (double line) · <span class="tm">${TIER_MARKS.reworded}</span> reworded (wavy line); ` +
    `<span class="tm">${REUSE_MARKS.formula}</span> formula (dotted box) · <span class="tm">${REUSE_MARKS.copied}</span> copied</li>` +
    `<li><span class="k-stock left-out">未计入 left out</span> (<span class="tm">${LEFT_OUT_MARKS.quote}</span> quotation, <span class="tm">${LEFT_OUT_MARKS.heading}</span> heading, <span class="tm">${LEFT_OUT_MARKS.allowed}</span> allowed)</li>` +
    '<li><span class="s-edited">改写 edited sentence</span> (dashed box)</li>' +
    '<li>原创 original (plain)</li>' +
    '<li><span class="s-chrome">版式 chrome</span> (struck through)</li>' +
    '<li><span class="ref">1</span> click a sentence or number for its source</li>' +
    '</ul>'
  );
}

function pieceMarkup(piece: SentencePiece): string {
  const text = escapeHtml(piece.text);
  if (piece.kind === undefined) return text;
  let extra = '';
  let classes = `k k-${piece.kind}`;
  if (piece.kind === 'stock') {
    const mark = piece.leftOut ? LEFT_OUT_MARKS[piece.leftOut] : `${piece.tier ? TIER_MARKS[piece.tier] : ''}${piece.reuse ? REUSE_MARKS[piece.reuse] : ''}`;
    if (piece.tier) (classes += ` t-${piece.tier}`), (extra += ` data-tier="${piece.tier}"`);
    if (piece.reuse) (classes += ` r-${piece.reuse}`), (extra += ` data-reuse="${piece.reuse}"`);
    if (piece.leftOut) (classes += ' left-out'), (extra += ` data-left-out="${piece.leftOut}"`);
    if (mark) extra += ` data-mark="${mark}"`;
    if (piece.docFreq !== undefined) extra += ` data-doc-freq="${piece.docFreq}"`;
    const inDocs = piece.docFreq !== undefined ? `in ${piece.docFreq} corpus document${piece.docFreq === 1 ? '' : 's'}` : '';
    const title = [piece.sourceDoc, inDocs].filter(Boolean).join(' · ');
    if (title) extra += ` title="${escapeHtml(title)}"`;
  }
  return `<span class="${classes}" data-start="${piece.start}" data-end="${piece.end}" data-kind="${piece.kind}"${extra}>${text}</span>`;
}

function draftMarkup(blocks: DraftBlock[], refNumbers: Map<number, number>): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'gap') {
      out.push(escapeHtml(block.text));
      continue;
    }
    const { sentence: s, index } = block;
    const number = refNumbers.get(index);
    const classes = `s s-${s.label}${s.heading ? ' heading' : ''}`;
    const panel = number === undefined ? '' : ` data-m="${index}"`;
    out.push(
      `<span class="${classes}" id="s-${index}" data-label="${s.label}" data-start="${s.start}" data-end="${s.end}"${panel}>` +
        block.pieces.map(pieceMarkup).join('') +
        '</span>',
    );
    if (number !== undefined) out.push(`<a class="ref" href="#m-${index}">${number}</a>`);
  }
  return out.join('');
}

function matchPanel(blocks: DraftBlock[], refNumbers: Map<number, number>): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type !== 'sentence') continue;
    const number = refNumbers.get(block.index);
    const best = bestMatch(block.sentence);
    if (number === undefined || best === undefined) continue;
    const s = block.sentence;
    const diff = diffMarkup(s.text, best.text);
    const others = s.matches
      .filter((m) => m !== best)
      .map((m) => `<li><span class="doc-name">${escapeHtml(m.doc)}</span> · ${formatPercent(m.similarity, 0)}</li>`)
      .join('');
    out.push(
      `<details class="match" id="m-${block.index}">` +
        `<summary><span class="muted">${number}</span> <span class="tag tag-${s.label}">${LABEL_NAMES[s.label]}</span>` +
        (sentenceMark(s) ? `<span class="tm" data-sentence-tier="${s.tier}">${sentenceMark(s)}</span> ` : '') +
        `<span title="stock share of the sentence">${formatPercent(sentenceCoverage(s), 0)}</span> · <span class="doc-name">${escapeHtml(s.source ?? best.doc)}</span></summary>` +
        `<dl class="diff"><dt>草稿 draft · ${s.start}–${s.end}</dt><dd>${diff.draft}</dd>` +
        `<dt>来源 source · <span class="doc-name">${escapeHtml(best.doc)}</span> · ${best.start}–${best.end} · similarity ${formatPercent(best.similarity, 0)}</dt>` +
        `<dd>${diff.source}</dd></dl>` +
        (others === '' ? '' : `<ul class="others">${others}</ul>`) +
        `<a class="muted" href="#s-${block.index}">↩ 回到草稿 back to draft</a>` +
        `</details>`,
    );
  }
  return out.length > 0 ? out.join('') : '<p class="muted">没有套话 No stock sentences.</p>';
}
