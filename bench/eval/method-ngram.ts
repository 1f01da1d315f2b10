// Baseline (b): what simple copy-finders do. A draft sentence is flagged when it shares at least
// one run of `n` consecutive normalised content characters with the corpus; the characters of the
// shared runs are the detected span.
import { normaliseOptions, textDocument, type PartialOptions } from '../../src/index.js';
import { prepare } from '../../src/text/prepare.js';
import { isContentChar } from '../../src/text/content.js';
import type { SourceDoc } from '../../src/types.js';
import type { Detector } from './detector.js';
import type { Detection } from './score.js';
import { draftSentences } from './units.js';

function windowKey(codes: number[], at: number, n: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x1b873593;
  for (let i = at; i < at + n; i++) {
    h1 = Math.imul(h1 ^ codes[i], 0x01000193);
    h2 = Math.imul(h2 ^ codes[i], 0x5bd1e995) ^ (h2 >>> 13);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) >>> 11);
}

function contentPositions(text: string, a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) if (isContentChar(text[i])) out.push(i);
  return out;
}

export function ngramDetector(indexed: SourceDoc[], opts: PartialOptions, n = 8): Detector {
  const o = normaliseOptions(opts);
  const keys = new Set<number>();
  for (const d of indexed) {
    const text = prepare(d, o.normalise).norm.text;
    const codes = contentPositions(text, 0, text.length).map((i) => text.charCodeAt(i));
    for (let i = 0; i + n <= codes.length; i++) keys.add(windowKey(codes, i, n));
  }
  return (draftText: string): Detection => {
    const det: Detection = { sentences: [], stock: [] };
    const { prepared, sentences } = draftSentences(textDocument(draftText, '<draft>'), o);
    const { text, starts, ends } = prepared.norm;
    for (const s of sentences) {
      const pos = contentPositions(text, s.a, s.b);
      const codes = pos.map((i) => text.charCodeAt(i));
      const hit = new Uint8Array(pos.length);
      for (let i = 0; i + n <= codes.length; i++) if (keys.has(windowKey(codes, i, n))) hit.fill(1, i, i + n);
      let flagged = false;
      hit.forEach((h, i) => {
        if (!h) return;
        flagged = true;
        det.stock.push([starts[pos[i]], ends[pos[i]]]);
      });
      det.sentences.push({ start: s.start, end: s.end, flagged });
    }
    return det;
  };
}
