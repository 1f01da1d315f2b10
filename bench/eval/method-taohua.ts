// taohua itself, through the library's pipeline.
import { normaliseOptions, textDocument, type PartialOptions } from '../../src/index.js';
import { checkDocument, indexDocuments } from '../../src/pipeline.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';
import type { SourceDoc } from '../../src/types.js';
import type { Detector } from './detector.js';
import type { Detection } from './score.js';

export async function buildTaohuaIndex(indexed: SourceDoc[], opts: PartialOptions): Promise<CorpusIndex> {
  return indexDocuments(indexed, normaliseOptions(opts));
}

/** A detector on an index already built (so that a threshold sweep reuses it). */
export function taohuaDetector(index: CorpusIndex, opts: PartialOptions): Detector {
  const o = normaliseOptions(opts);
  return (text: string): Detection => {
    const r = checkDocument(textDocument(text, '<draft>'), index, o);
    const stock = r.sentences.flatMap((s) => s.spans.filter((p) => p.kind === 'stock'));
    return {
      sentences: r.sentences.map((s) => ({
        start: s.start,
        end: s.end,
        flagged: s.label === 'stock' || s.label === 'edited',
        matches: s.matches.map((m) => m.doc),
      })),
      stock: stock.map((p): [number, number] => [p.start, p.end]),
      // issue 14 adds Span.tier; read it when present so that this runs before and after that change
      spans: stock.map((p) => ({ start: p.start, end: p.end, tier: (p as { tier?: string }).tier })),
      sources: r.sources.map((s) => ({ doc: s.doc, chars: s.stockChars })),
    };
  };
}
