// The labelled set: drafts that mix sentences copied (and disguised) from the indexed documents
// with original sentences, each with its truth as character ranges in the draft. Seeded: the same
// seed and corpus always give the same drafts.
import type { SourceDoc } from '../../src/types.js';
import { COPY_KINDS, type CopyKind, type Draft, type Item, type Kind, type Piece } from './kinds.js';
import { insertedPieces, mergedPieces, SourceFinder, splitPieces, strippedPieces, twoSourcePieces, type Pool } from './combine.js';
import { OriginalityCheck, sampledSentence } from './originals.js';
import { Rng } from './prng.js';
import { chromeModel, cleanSentences, type Corpus } from './sources.js';
import { spin } from './spin.js';
import { clausesOf, convertScript, isTraditional, renumber, reorder } from './transforms.js';

export interface GenerateOptions {
  seed: number;
  /** Sentences per copy kind (fewer when the corpus has too few that fit). */
  perKind: number;
  /** Sentences per original kind. */
  originals: number;
  /** Sentences per draft. */
  draftSize: number;
}

/** A draft made wholly of sentences of one indexed document, for scoring `sources[0]`. */
export interface SingleSourceDraft {
  source: string;
  draft: Draft;
}

export interface LabelledSet {
  corpus: string;
  indexed: SourceDoc[];
  drafts: Draft[];
  singleSource: SingleSourceDraft[];
  /**
   * Candidate originals that passed the Jaccard test but hold a run of SHARED_RUN content characters
   * found verbatim in an indexed document: copied text, so not originals; kept to show what a
   * method does with them (not scored as false alarms).
   */
  refused: Draft[];
}

type Transform = (s: string, rng: Rng) => string | undefined;

const SPIN = (k: number, cls: 'known' | 'heldout'): Transform => (s, rng) => (isTraditional(s) ? undefined : spin(s, k, cls, rng));

type Combined = 'joined' | 'inserted' | 'stripped' | 'merged' | 'split' | 'two-sources';

const TRANSFORMS: Record<Exclude<CopyKind, Combined>, Transform> = {
  'spun-known-4': SPIN(4, 'known'),
  'spun-heldout-4': SPIN(4, 'heldout'),
  'spun-known-2': SPIN(2, 'known'),
  'spun-heldout-2': SPIN(2, 'heldout'),
  'spun-known-1': SPIN(1, 'known'),
  'spun-heldout-1': SPIN(1, 'heldout'),
  reordered: reorder,
  renumbered: renumber,
  script: (s) => convertScript(s),
  verbatim: (s) => s,
};

export function generate(corpus: Corpus, o: GenerateOptions): LabelledSet {
  const rng = new Rng(o.seed);
  const model = chromeModel(corpus);
  const perDoc = corpus.indexed.map((d) => cleanSentences(d, model));
  const sources = rng.shuffle(perDoc.flat());
  const find = new SourceFinder(corpus.indexed);
  const used = new Set<string>();
  const pieces: Piece[] = [];
  // scarce kinds first, so that they get the sentences that fit them
  for (const kind of Object.keys(TRANSFORMS) as Array<keyof typeof TRANSFORMS>) {
    let n = 0;
    for (const s of sources) {
      if (n >= o.perKind) break;
      if (used.has(s)) continue;
      const out = TRANSFORMS[kind](s, rng);
      if (out === undefined) continue;
      used.add(s);
      pieces.push({ kind, text: out, truth: [[0, out.length]], sources: [find.docsOf(s)] });
      n++;
    }
  }
  const check = new OriginalityCheck(corpus.indexed);
  const heldOut = rng.shuffle(corpus.heldOut.flatMap((d) => cleanSentences(d, model)));
  const originals = originalPieces(heldOut, sources, check, rng, o.originals);
  pieces.push(...originals);
  pieces.push(...joinedPieces(sources.filter((s) => !used.has(s)), originals, rng, o.perKind, find, used));
  const pool: Pool = { sentences: sources, used, find, rng };
  pieces.push(...insertedPieces(pool, originals.map((p) => p.text), o.perKind));
  pieces.push(...strippedPieces(pool, o.perKind));
  pieces.push(...mergedPieces(pool, perDoc, o.perKind));
  pieces.push(...splitPieces(pool, Math.ceil(o.perKind / 2)));
  pieces.push(...twoSourcePieces(pool, o.perKind));
  const drafts = assemble(corpus.name, rng.shuffle(pieces), o.draftSize);
  const singleSource = singleSourceDrafts(corpus, perDoc, rng, o.draftSize);
  const refused = assemble(`${corpus.name}-refused`, check.refused.map((r): Piece => ({ kind: r.kind, text: r.text, truth: [], sources: [] })), o.draftSize);
  return { corpus: corpus.name, indexed: corpus.indexed, drafts, singleSource, refused };
}

/** Up to `count` drafts, each of `size` sentences (in their order) of one indexed document. */
function singleSourceDrafts(corpus: Corpus, perDoc: string[][], rng: Rng, size: number, count = 5): SingleSourceDraft[] {
  const eligible = perDoc.map((_, i) => i).filter((i) => perDoc[i].length >= 10);
  return rng.sample(eligible, Math.min(count, eligible.length)).map((i) => {
    const source = corpus.indexed[i].path;
    const pieces = rng.sample(perDoc[i], Math.min(size, perDoc[i].length)).map((s): Piece => ({ kind: 'verbatim', text: s, truth: [[0, s.length]], sources: [[source]] }));
    return { source, draft: assemble(`${corpus.name}-single-${source}`, pieces, size)[0] };
  });
}

function originalPieces(heldOut: string[], sources: string[], check: OriginalityCheck, rng: Rng, n: number): Piece[] {
  const out: Piece[] = [];
  for (const s of heldOut) {
    if (out.length >= n) break;
    if (check.isOriginal(s, 'original-heldout')) out.push({ kind: 'original-heldout', text: s, truth: [], sources: [] });
  }
  const pool = sources.filter((s) => !isTraditional(s));
  for (let tries = 0, k = 0; k < n && tries < n * 10; tries++) {
    const s = sampledSentence(pool, rng);
    if (s.length < 14 || !check.isOriginal(s, 'original-sampled')) continue;
    out.push({ kind: 'original-sampled', text: s, truth: [], sources: [] });
    k++;
  }
  return out;
}

const bare = (c: string): string => c.replace(/[，,]$/, '');

/** A stock clause joined to an original clause; only the stock clause is truth. */
function joinedPieces(sources: string[], originals: Piece[], rng: Rng, n: number, find: SourceFinder, used: Set<string>): Piece[] {
  const own = rng.shuffle(originals.flatMap((p) => clausesOf(p.text).clauses.map(bare)).filter((c) => c.length >= 8));
  const out: Piece[] = [];
  for (const s of sources) {
    if (out.length >= n || out.length >= own.length) break;
    const clauses = clausesOf(s).clauses.map(bare).filter((c) => c.length >= 8 && c.length <= 40);
    if (clausesOf(s).clauses.length < 2 || clauses.length === 0) continue;
    const stock = rng.pick(clauses);
    const mine = own[out.length];
    used.add(s);
    const from = [find.docsOf(stock)];
    if (rng.next() < 0.5) out.push({ kind: 'joined', text: `${stock}，${mine}。`, truth: [[0, stock.length]], sources: from });
    else out.push({ kind: 'joined', text: `${mine}，${stock}。`, truth: [[mine.length + 1, mine.length + 1 + stock.length]], sources: from });
  }
  return out;
}

/** Pieces → drafts of `size` pieces, in paragraphs of five; a piece with cuts gives one item per part. */
function assemble(corpus: string, pieces: Piece[], size: number): Draft[] {
  const drafts: Draft[] = [];
  for (let d = 0; d * size < pieces.length; d++) {
    let text = '';
    const items: Item[] = [];
    pieces.slice(d * size, (d + 1) * size).forEach((p, i) => {
      if (i > 0 && i % 5 === 0) text += '\n\n';
      const at = text.length;
      text += p.text;
      const bounds = [0, ...(p.cuts ?? []), p.text.length];
      for (let j = 0; j + 1 < bounds.length; j++) {
        const [x, y] = [bounds[j], bounds[j + 1]];
        const truth = p.truth.flatMap(([a, b]): Array<[number, number]> => (Math.max(a, x) < Math.min(b, y) ? [[at + Math.max(a, x), at + Math.min(b, y)]] : []));
        items.push({ kind: p.kind, start: at + x, end: at + y, truth, sources: p.sources });
      }
    });
    drafts.push({ name: `${corpus}-draft-${String(d + 1).padStart(2, '0')}`, text, items });
  }
  return drafts;
}

/** How many sentences of each kind a set holds. */
export function kindCounts(set: LabelledSet): Partial<Record<Kind, number>> {
  const out: Partial<Record<Kind, number>> = {};
  for (const d of set.drafts) for (const it of d.items) out[it.kind] = (out[it.kind] ?? 0) + 1;
  return out;
}

export { COPY_KINDS };
