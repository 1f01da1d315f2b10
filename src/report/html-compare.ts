// Two documents side by side, shared passages highlighted and linked to their partners.

import type { CompareResult, SharedPassage } from '../types.js';
import { escapeHtml } from './escape.js';
import { pageHead } from './html-head.js';
import { formatCount, formatPercent } from './format.js';
import { COMPARE_CSS } from './html-styles.js';
import { sortedPassages } from './terminal.js';

type Side = 'a' | 'b';

const COMPARE_SCRIPT = `(function(){var hits=[];document.addEventListener('click',function(e){var t=e.target;if(!(t instanceof Element))return;var p=t.closest('a.p');if(!p)return;var n=p.getAttribute('data-passage'),o=document.getElementById(p.getAttribute('href').slice(1));hits.forEach(function(x){x.classList.remove('hit')});hits=[p,o].filter(Boolean);hits.forEach(function(x){x.classList.add('hit')});if(o){e.preventDefault();o.scrollIntoView({block:'center'});history.replaceState(null,'','#'+o.id)}})})();`;

interface Mark {
  number: number;
  start: number;
  end: number;
  similarity: number;
}

/** One side's passages in text order, clipped so they do not overlap. */
function marksFor(side: Side, passages: SharedPassage[], length: number): Mark[] {
  const marks = passages.map((p, i) => ({
    number: i + 1,
    start: side === 'a' ? p.aStart : p.bStart,
    end: side === 'a' ? p.aEnd : p.bEnd,
    similarity: p.similarity,
  }));
  marks.sort((x, y) => x.start - y.start || x.number - y.number);
  let cursor = 0;
  return marks.map((m) => {
    const start = Math.min(Math.max(m.start, cursor), length);
    const end = Math.min(Math.max(m.end, start), length);
    cursor = end;
    return { ...m, start, end };
  });
}

function sideMarkup(side: Side, text: string, passages: SharedPassage[]): string {
  const other: Side = side === 'a' ? 'b' : 'a';
  const out: string[] = [];
  let cursor = 0;
  for (const m of marksFor(side, passages, text.length)) {
    out.push(escapeHtml(text.slice(cursor, m.start)));
    out.push(
      `<a class="p${m.number % 2 === 0 ? ' alt' : ''}" id="${side}-${m.number}" href="#${other}-${m.number}" data-passage="${m.number}" ` +
        `data-start="${m.start}" data-end="${m.end}" title="#${m.number} · ${formatPercent(m.similarity, 0)}">` +
        `<sup class="pn">${m.number}</sup>${escapeHtml(text.slice(m.start, m.end))}</a>`,
    );
    cursor = m.end;
  }
  out.push(escapeHtml(text.slice(cursor)));
  return out.join('');
}

function column(side: Side, info: CompareResult['a'], text: string, passages: SharedPassage[]): string {
  const share = info.chars > 0 ? info.sharedChars / info.chars : 0;
  return (
    `<section class="col card" aria-label="document ${side.toUpperCase()}">` +
    `<h2>${side.toUpperCase()} · <span class="doc-name">${escapeHtml(info.path)}</span></h2>` +
    `<p class="muted">${formatCount(info.sharedChars)} / ${formatCount(info.chars)} chars shared (${formatPercent(share)})</p>` +
    `<div class="doc" lang="zh-CN">${sideMarkup(side, text, passages)}</div></section>`
  );
}

/** Side-by-side view; passage n is #a-n in A and #b-n in B, each linking to the other. */
export function renderCompareHtml(r: CompareResult, textA: string, textB: string): string {
  const passages = sortedPassages(r.passages);
  const title = `taohua compare · ${r.a.path} ↔ ${r.b.path}`;
  return [
    ...pageHead(title, COMPARE_CSS),
    '<div class="wrap">',
    `<header class="card summary"><div><div id="similarity" class="ratio" data-similarity="${r.similarity}">${formatPercent(r.similarity)}</div>` +
      `<div class="muted">相似度 similarity · ${passages.length} shared passages</div></div>` +
      `<div><h1>${escapeHtml(title)}</h1><p class="muted">Click a numbered passage to jump to its partner in the other document.</p></div></header>`,
    '<div class="cols">',
    column('a', r.a, textA, passages),
    column('b', r.b, textB, passages),
    '</div>',
    '</div>',
    `<script>${COMPARE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
