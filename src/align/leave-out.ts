// What the editor may leave out of the ratio: quotations, headings, allowed text, short matches.
import type { CorpusIndex } from '../index/corpus-index.js';
import type { LeftOut, PreparedDoc, Span, SourceDoc } from '../types.js';
import { sketchDocument } from '../index/sketch-document.js';
import { CorpusIndex as Index } from '../index/corpus-index.js';
import { UnitMatcher } from '../match/verify.js';
import { contentLength, isContentChar } from '../text/content.js';
import { markStock } from './align.js';

const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’', '"': '"', '＂': '＂' };

/**
 * quoted[i] = 1 for the characters of `text` inside quotation marks, the marks included. A quotation
 * left open ends at its paragraph's end.
 */
export function quoteMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const stack: Array<{ close: string; at: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (top && c === top.close) {
      stack.pop();
      mask.fill(1, top.at, i + 1);
    } else if (PAIRS[c] !== undefined) stack.push({ close: PAIRS[c], at: i });
    else if (c === '\n' && /^[ \t\r\u3000]*\n/.test(text.slice(i + 1, i + 8))) stack.length = 0;
  }
  return mask;
}

/** Texts the office may reuse, indexed like the corpus so that their copies are found the same way. */
export function allowIndex(docs: SourceDoc[], corpus: CorpusIndex): CorpusIndex {
  const params = { ...corpus.params, chrome: false };
  const sketched = docs.map((d) => sketchDocument(d, { lines: [] }, params));
  return Index.fromSketches(params, sketched.map((s) => s.doc), sketched.map((s) => s.sketch), { lines: [] });
}

/** allowed[i] = 1 for original offsets of the draft that match allowed text (sentence or clause). */
export function allowedMask(p: PreparedDoc, allow: CorpusIndex, threshold: number, minChars: number): Uint8Array {
  const matcher = new UnitMatcher(allow, threshold);
  const norm = new Uint8Array(p.norm.text.length);
  const { sentences, clauses } = p.segments;
  for (const ranges of [sentences, clauses]) {
    for (let k = 0; k < ranges.length; k += 2) {
      const [a, b] = [ranges[k], ranges[k + 1]];
      if (contentLength(p.norm.text, a, b) < minChars) continue;
      const best = matcher.match(p.norm.text, a, b)[0];
      if (best) markStock(p.norm.text, a, b, allow.unitNorm(allow.uniqueFirst[best.unique]), norm);
    }
  }
  const out = new Uint8Array(p.doc.text.length);
  for (let i = 0; i < norm.length; i++) if (norm[i]) out.fill(1, p.norm.starts[i], p.norm.ends[i]);
  return out;
}

/** Splits a span where `key(offset)` changes; white space keeps the key of what precedes it. */
export function splitSpan<K>(text: string, span: Span, key: (offset: number) => K, apply: (s: Span, k: K) => Span): Span[] {
  const out: Span[] = [];
  let runStart = span.start;
  let current = key(span.start);
  for (let i = span.start + 1; i < span.end; i++) {
    if (/\s/.test(text[i])) continue;
    const k = key(i);
    if (k === current) continue;
    out.push(apply({ ...span, start: runStart, end: i }, current));
    runStart = i;
    current = k;
  }
  out.push(apply({ ...span, start: runStart, end: span.end }, current));
  return out;
}

/** Stock spans shorter than `minMatch` content characters become original; neighbours of one kind merge. */
export function dropShortStock(text: string, spans: Span[], minMatch: number): Span[] {
  if (minMatch <= 0) return spans;
  const out: Span[] = [];
  for (const span of spans) {
    const short = span.kind === 'stock' && contentChars(text, span.start, span.end) < minMatch;
    const s: Span = short ? { start: span.start, end: span.end, kind: 'original' } : span;
    const last = out[out.length - 1];
    if (last && s.kind !== 'stock' && last.kind === s.kind && last.end === s.start) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

function contentChars(text: string, start: number, end: number): number {
  let n = 0;
  for (const ch of text.slice(start, end)) if (isContentChar(ch)) n++;
  return n;
}

export interface LeaveOut {
  quotes: Uint8Array;
  allowed?: Uint8Array;
  noQuotes: boolean;
  noHeadings: boolean;
}

/** Marks stock spans that lie in quotations (`quoted`) and those left out of the ratio (`leftOut`). */
export function markLeftOut(text: string, spans: Span[], heading: boolean, lo: LeaveOut): Span[] {
  const out: Span[] = [];
  const reason = (i: number): LeftOut | undefined =>
    lo.allowed?.[i] ? 'allowed' : heading && lo.noHeadings ? 'heading' : lo.quotes[i] && lo.noQuotes ? 'quote' : undefined;
  const key = (i: number): string => `${lo.quotes[i]}${reason(i) ?? ''}`;
  for (const span of spans) {
    if (span.kind !== 'stock') {
      out.push(span);
      continue;
    }
    out.push(
      ...splitSpan(text, span, key, (s) => {
        const r = reason(s.start);
        const marked: Span = { ...s };
        delete marked.quoted;
        delete marked.leftOut;
        if (lo.quotes[s.start]) marked.quoted = true;
        if (r) marked.leftOut = r;
        return marked;
      }),
    );
  }
  return out;
}
