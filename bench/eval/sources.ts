// The corpora of the evaluation, split by documents into the indexed part and the held-out part,
// and the clean sentences (with their text as written) that drafts are made of.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS } from '../../src/options.js';
import type { SourceDoc } from '../../src/types.js';
import { UNIT_HEADING } from '../../src/types.js';
import { textDocument } from '../../src/index.js';
import { originalRange } from '../../src/text/normalise.js';
import { chromeShare } from '../../src/text/chrome-mask.js';
import { learnChrome, type ChromeModel } from '../../src/io/chrome.js';
import { prepareWithChrome } from '../../src/index/sketch-document.js';
import { indexParams } from '../../src/pipeline.js';
import type { Rng } from './prng.js';

export interface Corpus {
  name: string;
  indexed: SourceDoc[];
  heldOut: SourceDoc[];
}

/** The .txt files of a folder (sorted by name), or undefined when the folder is absent. */
export function readFolder(dir: string, limit = Infinity): SourceDoc[] | undefined {
  if (!existsSync(dir)) return undefined;
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit);
  return names.map((f) => textDocument(readFileSync(join(dir, f), 'utf8'), f));
}

/** A seeded split by documents: `share` of them (at least one, at most all but one) are indexed. */
export function splitCorpus(name: string, docs: readonly SourceDoc[], rng: Rng, share = 0.7): Corpus {
  const order = rng.shuffle(docs);
  const k = Math.min(docs.length - 1, Math.max(1, Math.ceil(docs.length * share)));
  const byPath = (x: SourceDoc, y: SourceDoc): number => (x.path < y.path ? -1 : 1);
  return { name, indexed: order.slice(0, k).sort(byPath), heldOut: order.slice(k).sort(byPath) };
}

const HAN = /\p{Script=Han}/gu;
const ENDS_WELL = /[。！？；!?;][”’」』）)]*$/;

/** The page-chrome model the engine learns from the indexed documents. */
export function chromeModel(corpus: Corpus): ChromeModel {
  return learnChrome(corpus.indexed);
}

/**
 * Body sentences as written: one line, 12–150 characters with ≥ 10 hanzi, ending in punctuation,
 * and not page chrome by the engine's own model (chrome is never indexed, so it cannot be "copied").
 */
export function cleanSentences(doc: SourceDoc, model: ChromeModel): string[] {
  const { prepared: p, mask } = prepareWithChrome(doc, model, indexParams(DEFAULTS));
  const { sentences, sentenceFlags } = p.segments;
  const out = new Set<string>();
  for (let s = 0; s < sentenceFlags.length; s++) {
    if (sentenceFlags[s] & UNIT_HEADING) continue;
    if (chromeShare(mask, p.norm.text, sentences[2 * s], sentences[2 * s + 1]) > 0) continue;
    const [start, end] = originalRange(p.norm, sentences[2 * s], sentences[2 * s + 1]);
    const text = doc.text.slice(start, end).trim();
    if (/[\n\r]/.test(text) || text.length < 12 || text.length > 150) continue;
    if ((text.match(HAN)?.length ?? 0) < 10 || !ENDS_WELL.test(text)) continue;
    if (/https?:|www\.|下载|点击|作者[:：]|时间[:：]/.test(text)) continue;
    out.add(text);
  }
  return [...out];
}
