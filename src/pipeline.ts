// The pipeline, top to bottom. Each step is one stage folder:
//
//   io      read files, decode bytes, extract docx/html/pdf, learn page chrome
//   text    normalise with an offset map, segment into sentences and clauses
//   sketch  shingles → MinHash → LSH band keys (on the worker pool for large corpora)
//   spans   each document's content stream (same pass as the sketches) → seed-gram postings;
//           seed-and-extend of a draft, formulas (maximal shared strings), find (KWIC)
//   index   packed units, identical units once, LSH band table, the span layer; save/load
//   match   candidates → exact-Jaccard verification → clusters → phrases and templates
//   align   exact runs and jsdiff against the nearest stock text → spans, labels, sources
//   report  terminal, JSON, CSV, HTML (called by the CLI and the server, not here)
import type { Options } from './options.js';
import type { CheckResult, CompareResult, FindResult, ScanResult, SourceDoc } from './types.js';
import { learnChrome, learnChromeOf, PATTERNS_ONLY, type ChromeModel } from './io/chrome.js';
import { CorpusIndex, type AssemblyHelper, type IndexParams } from './index/corpus-index.js';
import { prepareWithChrome, sketchDocument, type SketchedDocument } from './index/sketch-document.js';
import { checkDraft } from './align/check-draft.js';
import { excludeDocs, type Exclusion } from './align/doc-filter.js';
import { EDITOR_DEFAULTS, editorPass, type EditorOptions } from './align/editor.js';
import { scanIndex } from './match/scan.js';
import { compareWithIndex } from './match/compare.js';
import { findPhrase } from './spans/find.js';

export interface Progress {
  done: number;
  total: number;
  chars: number;
}

/** Sketches documents; the default runs here, the pool (pool/) plugs in its own. */
export type Sketcher = (
  docs: SourceDoc[],
  model: ChromeModel,
  params: IndexParams,
  onProgress?: (p: Progress) => void,
) => Promise<SketchedDocument[]>;

export function indexParams(o: Options): IndexParams {
  return { normalise: o.normalise, sketch: o.sketch, minChars: o.match.minChars, chrome: o.match.chrome };
}

export const sketchHere: Sketcher = async (docs, model, params, onProgress) => {
  const out: SketchedDocument[] = [];
  let chars = 0;
  for (const doc of docs) {
    out.push(sketchDocument(doc, model, params));
    chars += doc.text.length;
    onProgress?.({ done: out.length, total: docs.length, chars });
  }
  return out;
};

/**
 * Documents → index: learn chrome (io), then normalise, segment and sketch each (text, sketch),
 * then assemble (index; with a helper, partly on the pool's threads).
 */
export async function indexDocuments(
  docs: SourceDoc[],
  o: Options,
  sketcher: Sketcher = sketchHere,
  onProgress?: (p: Progress) => void,
  helper?: AssemblyHelper,
): Promise<CorpusIndex> {
  const params = indexParams(o);
  const sketchAll = !o.match.chrome ? sketchWithPatternsOnly : helper ? sketchWhileLearningChrome : sketchAfterLearningChrome;
  const { model, sketched } = await sketchAll(docs, params, sketcher, onProgress);
  const [indexed, sketches] = [sketched.map((s) => s.doc), sketched.map((s) => s.sketch)];
  if (helper) return CorpusIndex.assemble(params, indexed, sketches, model, helper);
  return CorpusIndex.fromSketches(params, indexed, sketches, model);
}

type Sketched = { model: ChromeModel; sketched: SketchedDocument[] };

async function sketchWithPatternsOnly(docs: SourceDoc[], params: IndexParams, sketcher: Sketcher, onProgress?: (p: Progress) => void): Promise<Sketched> {
  return { model: PATTERNS_ONLY, sketched: await sketcher(docs, PATTERNS_ONLY, params, onProgress) };
}

async function sketchAfterLearningChrome(docs: SourceDoc[], params: IndexParams, sketcher: Sketcher, onProgress?: (p: Progress) => void): Promise<Sketched> {
  const model = learnChrome(docs);
  return { model, sketched: await sketcher(docs, model, params, onProgress) };
}

/**
 * With other threads: they sketch every document as if chrome were only the form patterns while
 * this thread learns the corpus's chrome; the few documents the learned lines concern are then
 * sketched again. The result is the one sketchAfterLearningChrome gives.
 */
async function sketchWhileLearningChrome(docs: SourceDoc[], params: IndexParams, sketcher: Sketcher, onProgress?: (p: Progress) => void): Promise<Sketched> {
  const early = sketcher(docs, PATTERNS_ONLY, params, onProgress);
  const { model, touched } = learnChromeOf(docs);
  const sketched = await early;
  const again = docs.filter((_, i) => touched[i] === 1);
  if (again.length > 0) {
    const redone = await sketcher(again, model, params);
    let k = 0;
    touched.forEach((t, i) => t === 1 && (sketched[i] = redone[k++]));
  }
  return { model, sketched };
}

/** What an editor may leave out of a check (see README, "Leaving text out"). */
export interface CheckExtras extends Partial<EditorOptions> {
  /** Corpus documents to leave out for this check: paths, folders or globs. */
  exclude?: string[];
  /** Text that may be reused, indexed with allowIndex(). */
  allow?: CorpusIndex;
  /** Called between sentences; throws to stop the check (the server's time budget, a client gone). */
  interrupt?: () => void;
  /** Computed already (to warn about patterns that matched nothing). */
  exclusion?: Exclusion;
}

/** A draft against an index: prepare it like the corpus was prepared, then match, align and explain. */
export function checkDocument(draft: SourceDoc, index: CorpusIndex, o: Options, extras: CheckExtras = {}): CheckResult {
  const { prepared, mask } = prepareWithChrome(draft, index.chromeModel, index.params);
  const match = { ...o.match, chrome: index.params.chrome };
  const exclusion = extras.exclusion ?? (extras.exclude?.length ? excludeDocs(index, extras.exclude) : undefined);
  const found = checkDraft(prepared, mask, index, match, exclusion?.mask, extras.interrupt);
  const editor = { ...EDITOR_DEFAULTS, ...stripUndefined(extras) };
  return editorPass(found, { prepared, index, match, exclusion, allow: extras.allow, interrupt: extras.interrupt }, editor);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Every occurrence of a phrase in the corpus, in context. */
export function findInCorpus(index: CorpusIndex, phrase: string, context = 20): FindResult {
  return findPhrase(index, phrase, { context });
}

/** The corpus against itself. */
export function scanCorpus(index: CorpusIndex, o: Options): ScanResult {
  return scanIndex(index, o.match);
}

/** Two documents: index A alone, match B's units against it. */
export async function compareDocuments(a: SourceDoc, b: SourceDoc, o: Options): Promise<CompareResult> {
  const indexOfA = await indexDocuments([a], { ...o, match: { ...o.match, chrome: false } });
  const pb = prepareWithChrome(b, indexOfA.chromeModel, indexOfA.params).prepared;
  return compareWithIndex(a, pb, indexOfA, o.match);
}
