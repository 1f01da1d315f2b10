// Sources of a check, each linked to its matched passages beside the draft's (like compare, per source).
import type { CheckResult, SentenceResult, Span } from '../types.js';
import { escapeHtml } from './escape.js';
import { formatCount, formatPercent, rankedSources, TIER_MARKS } from './format.js';
import { diffMarkup } from './html-diff.js';

/** Full text of a corpus document by path, when the caller has the corpus at hand. */
export type SourceTexts = (doc: string) => string | undefined;

interface Pair {
  sentence: SentenceResult;
  span: Span;
}

function pairsByDoc(r: CheckResult): Map<string, Pair[]> {
  const out = new Map<string, Pair[]>();
  for (const sentence of r.sentences) {
    for (const span of sentence.spans) {
      if (span.kind !== 'stock' || !span.source || span.leftOut) continue;
      const list = out.get(span.source.doc) ?? [];
      list.push({ sentence, span });
      out.set(span.source.doc, list);
    }
  }
  return out;
}

function pairRow(p: Pair, texts: SourceTexts | undefined, index: number): string {
  const { sentence: s, span } = p;
  const draft = s.text.slice(span.start - s.start, span.end - s.start);
  const src = span.source!;
  const full = texts?.(src.doc);
  const source = full?.slice(src.start, src.end) ?? s.matches.find((m) => m.doc === src.doc)?.text ?? '';
  const diff = diffMarkup(draft, source);
  const mark = span.tier ? `<span class="tm">${TIER_MARKS[span.tier]}</span>` : '';
  return (
    `<tr><td class="num"><a href="#s-${index}">${span.start}</a></td><td>${mark}</td><td class="pair-text">${diff.draft}</td>` +
    `<td class="pair-text">${diff.source}</td><td class="num">${src.start}</td></tr>`
  );
}

export function sourcesSection(r: CheckResult, texts?: SourceTexts): string {
  const sources = rankedSources(r);
  if (sources.length === 0) return '<section class="card sources"><h2>来源 Sources</h2><p class="muted">No sources.</p></section>';
  const most = Math.max(1, sources[0].stockChars);
  const pairs = pairsByDoc(r);
  const sentenceIndex = new Map(r.sentences.map((s, i) => [s, i]));
  const rows = sources
    .map((source, i) => {
      const width = Math.max(1, Math.round((source.stockChars / most) * 160));
      const name = pairs.has(source.doc) ? `<a href="#src-${i + 1}">${escapeHtml(source.doc)}</a>` : escapeHtml(source.doc);
      return (
        `<tr><td class="num">${i + 1}</td><td class="doc-name">${name}</td>` +
        `<td><span class="bar" style="width:${width}px"></span></td>` +
        `<td class="num">${formatCount(source.stockChars)}</td><td class="num">${formatPercent(r.chars > 0 ? source.stockChars / r.chars : 0)}</td><td class="num">${source.sentences}</td></tr>`
      );
    })
    .join('');
  const views = sources
    .map((source, i) => {
      const list = pairs.get(source.doc);
      if (!list) return '';
      const body = list.map((p) => pairRow(p, texts, sentenceIndex.get(p.sentence) ?? 0)).join('');
      return (
        `<details class="source-view" id="src-${i + 1}"><summary>${i + 1}. <span class="doc-name">${escapeHtml(source.doc)}</span> · ${list.length} passages</summary>` +
        '<table class="pairs"><thead><tr><th class="num">draft at</th><th></th><th>草稿 draft</th><th>来源 source</th><th class="num">source at</th></tr></thead>' +
        `<tbody>${body}</tbody></table></details>`
      );
    })
    .join('');
  return (
    '<section class="card sources"><h2>来源 Sources <span class="muted">ranked by how much of the draft they cover · click one for its passages beside the draft’s</span></h2>' +
    '<table><thead><tr><th class="num">#</th><th>document</th><th></th><th class="num">chars</th><th class="num">of draft</th><th class="num">sentences</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>${views}</section>`
  );
}
