// Growing an index without re-reading what it already holds: the existing documents' sketches are
// recovered from the index (rows + band keys of their uniques), new documents are sketched, and
// the whole is rebuilt with CorpusIndex.fromSketches, so the result equals a fresh build of the
// same documents as long as the chrome model is the same.
//
// The chrome model is kept from the index, not relearned: relearning would change which lines of
// the old documents are chrome, which would mean re-sketching all of them. A few added documents
// with new site junk get the old model (their pattern-based chrome is still found).
import { TaohuaError } from '../errors.js';
import { sketchHere, type Progress, type Sketcher } from '../pipeline.js';
import type { SourceDoc } from '../types.js';
import { CorpusIndex, type IndexedDoc, type IndexParams } from './corpus-index.js';
import type { DocSketch } from './doc-sketch.js';
import { contentHash } from './sketch-document.js';

export interface AddOptions {
  sketcher?: Sketcher;
  onProgress?: (p: Progress) => void;
  /**
   * The identity of a document path: two paths with the same identity are the same document
   * (the CLI passes the resolved real path, so `./pc/x.txt` replaces `pc/x.txt`). Default: as spelt.
   */
  identity?: (path: string) => string;
}

export interface AddResult {
  index: CorpusIndex;
  /** Paths new to the index. */
  added: string[];
  /** Paths whose content changed. */
  replaced: string[];
  /** Paths whose content the index already holds (same text, whatever its path). */
  skipped: string[];
}

export async function addToIndex(index: CorpusIndex, docs: SourceDoc[], opts: AddOptions = {}): Promise<AddResult> {
  const identity = opts.identity ?? ((p: string): string => p);
  const { fresh, added, replaced, skipped } = classify(index, docs, identity);
  if (fresh.length === 0) return { index, added, replaced, skipped };
  const sketched = await (opts.sketcher ?? sketchHere)(fresh, index.chromeModel, index.params, opts.onProgress);
  const replacedPaths = new Set(replaced.map(identity));
  const keptDocs: IndexedDoc[] = [];
  const keptSketches: DocSketch[] = [];
  const bandKeys = index.uniqueBandKeys();
  index.docs.forEach((d, i) => {
    if (replacedPaths.has(identity(d.path))) return;
    keptDocs.push(d);
    keptSketches.push(index.sketchOf(i, bandKeys));
  });
  const next = CorpusIndex.fromSketches(
    index.params,
    [...keptDocs, ...sketched.map((s) => s.doc)],
    [...keptSketches, ...sketched.map((s) => s.sketch)],
    index.chromeModel,
  );
  return { index: next, added, replaced, skipped };
}

interface Classified {
  fresh: SourceDoc[];
  added: string[];
  replaced: string[];
  skipped: string[];
}

/** Skips content the index (or an earlier document of this batch) holds; later duplicates of a path win. */
function classify(index: CorpusIndex, docs: SourceDoc[], identity: (path: string) => string): Classified {
  const hashes = new Set(index.docs.map((d) => d.hash));
  const paths = new Set(index.docs.map((d) => identity(d.path)));
  const byPath = new Map<string, SourceDoc>();
  const out: Classified = { fresh: [], added: [], replaced: [], skipped: [] };
  for (const d of docs) {
    const h = contentHash(d.text);
    if (hashes.has(h)) {
      out.skipped.push(d.path);
      continue;
    }
    hashes.add(h);
    byPath.set(identity(d.path), d);
  }
  for (const [id, d] of byPath) {
    out.fresh.push(d);
    (paths.has(id) ? out.replaced : out.added).push(d.path);
  }
  return out;
}

/** Throws INDEX_MISMATCH unless a run's parameters are those the index was built with. */
export function assertSameParams(built: IndexParams, asked: IndexParams, path?: string): void {
  const a = describeParams(built);
  const b = describeParams(asked);
  if (a !== b) {
    throw new TaohuaError(
      'INDEX_MISMATCH',
      `index was built with ${a}; this run asks for ${b} (rebuild the index, or drop the options)`,
      path,
    );
  }
}

export function describeParams(p: IndexParams): string {
  const n = p.normalise;
  const flag = (on: boolean, name: string): string => `${name}=${on ? 'on' : 'off'}`;
  return [
    `mode=${p.sketch.mode}`,
    `n=${p.sketch.n}`,
    `bands=${p.sketch.bands}`,
    `rows=${p.sketch.rows}`,
    `min-chars=${p.minChars}`,
    flag(p.chrome, 'chrome'),
    flag(n.script, 'script'),
    flag(n.slots, 'slots'),
    flag(n.places, 'places'),
    flag(n.synonyms, 'synonyms'),
  ].join(' ');
}
