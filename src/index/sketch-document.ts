// One document from decoded text to what the index stores: the same function runs on the main
// thread, in a pool worker, or in a distributed worker, so results never depend on where.
import { hashText } from './checksum.js';
import type { ChromeModel } from '../io/chrome.js';
import { chromeRanges } from '../io/chrome.js';
import type { PreparedDoc, SourceDoc } from '../types.js';
import { chromeMask } from '../text/chrome-mask.js';
import { prepare } from '../text/prepare.js';
import type { IndexedDoc, IndexParams } from './corpus-index.js';
import { sketchDoc, type DocSketch } from './doc-sketch.js';

export interface SketchedDocument {
  doc: IndexedDoc;
  sketch: DocSketch;
}

export interface PreparedWithChrome {
  prepared: PreparedDoc;
  chrome: Int32Array;
  mask: Uint8Array;
}

export function prepareWithChrome(doc: SourceDoc, model: ChromeModel, params: IndexParams): PreparedWithChrome {
  const prepared = prepare(doc, params.normalise);
  const chrome = params.chrome ? chromeRanges(doc.text, model) : new Int32Array(0);
  return { prepared, chrome, mask: chromeMask(prepared.norm, chrome) };
}

export function sketchDocument(doc: SourceDoc, model: ChromeModel, params: IndexParams): SketchedDocument {
  const { prepared, chrome, mask } = prepareWithChrome(doc, model, params);
  return {
    doc: {
      path: doc.path,
      hash: contentHash(doc.text),
      format: doc.format,
      encoding: doc.encoding,
      text: doc.text,
      norm: prepared.norm.text,
      chrome,
    },
    sketch: sketchDoc(prepared, mask, params.sketch, params.minChars),
  };
}

export function contentHash(text: string): string {
  return hashText(text);
}
