import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generate, type LabelledSet } from '../../bench/eval/generate.js';
import { readFolder, splitCorpus } from '../../bench/eval/sources.js';
import { Rng } from '../../bench/eval/prng.js';
import { measure, scoreDraft } from '../../bench/eval/score.js';
import { spinClass, SPIN_TABLE, spinTables } from '../../bench/eval/spin.js';
import { renumber, reorder, convertScript } from '../../bench/eval/transforms.js';
import { spinnerTable } from '../../src/text/synonyms.js';
import type { Draft } from '../../bench/eval/kinds.js';
import { sourceKey } from '../../bench/eval/combine.js';
import { simplified } from '../../bench/eval/transforms.js';

const corpus = readFolder(join(__dirname, '..', '..', 'corpus'))!;

function small(seed: number): LabelledSet {
  const c = splitCorpus('corpus', corpus, new Rng(seed));
  return generate(c, { seed, perKind: 2, originals: 4, draftSize: 10 });
}

describe('labelled set', () => {
  it('is deterministic: same seed, same drafts and truth', () => {
    const a = small(7);
    const b = small(7);
    expect(a.drafts.length).toBeGreaterThan(1);
    expect(b.drafts).toEqual(a.drafts);
    expect(b.indexed.map((d) => d.path)).toEqual(a.indexed.map((d) => d.path));
    expect(small(8).drafts).not.toEqual(a.drafts);
  });

  it('keeps truth inside its sentence, and none for originals', () => {
    const set = small(7);
    const kinds = new Set<string>();
    for (const d of set.drafts) {
      for (const it of d.items) {
        kinds.add(it.kind);
        for (const [s, e] of it.truth) expect(s >= it.start && e <= it.end && s < e).toBe(true);
        if (it.kind.startsWith('original')) expect(it.truth).toEqual([]);
        if (it.kind === 'verbatim') expect(it.truth).toEqual([[it.start, it.end]]);
      }
    }
    expect(kinds.has('joined')).toBe(true);
    expect(kinds.has('original-heldout')).toBe(true);
  });

  const content = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');
  const digitsAsSlot = (s: string): string => content(simplified(s)).replace(/\p{N}+/gu, '#');

  it('builds the span-layer kinds, each copied part found in the documents it names', () => {
    const set = small(7);
    const byPath = new Map(set.indexed.map((d) => [d.path, digitsAsSlot(d.text)]));
    const seen = new Set<string>();
    for (const d of set.drafts) {
      for (const it of d.items) {
        if (it.kind.startsWith('original')) continue;
        seen.add(it.kind);
        expect(it.sources.length).toBeGreaterThan(0);
        expect(it.sources.every((docs) => docs.length > 0)).toBe(true);
        if (['inserted', 'joined', 'merged', 'two-sources', 'stripped', 'verbatim'].includes(it.kind)) {
          // truth part i is held by every document of sources[i] (numbers aside)
          expect(it.truth.length).toBe(it.sources.length);
          it.truth.forEach(([a, b], i) => {
            for (const doc of it.sources[i]) expect(byPath.get(doc)!.includes(digitsAsSlot(d.text.slice(a, b)))).toBe(true);
          });
        }
        if (it.kind === 'two-sources') expect(it.sources[0].some((x) => it.sources[1].includes(x))).toBe(false);
        if (it.kind === 'stripped') expect(/[，、；：,;]/.test(d.text.slice(it.start, it.end - 1))).toBe(false);
      }
    }
    for (const k of ['inserted', 'stripped', 'merged', 'split', 'two-sources']) expect(seen.has(k)).toBe(true);
  });

  it('inserts a stock clause into an original sentence with no punctuation around it', () => {
    const set = small(7);
    const originals = new Set(set.drafts.flatMap((d) => d.items.filter((i) => i.kind.startsWith('original')).map((i) => d.text.slice(i.start, i.end))));
    const inserted = set.drafts.flatMap((d) => d.items.filter((i) => i.kind === 'inserted').map((i) => ({ d, i })));
    expect(inserted.length).toBeGreaterThan(0);
    for (const { d, i } of inserted) {
      const [[a, b]] = i.truth;
      expect(originals.has(d.text.slice(i.start, a) + d.text.slice(b, i.end))).toBe(true);
      expect(/[\p{L}\p{N}]/u.test(d.text[a - 1]) && /[\p{L}\p{N}]/u.test(d.text[b])).toBe(true);
    }
  });

  it('splits a copy into two scored sentences and keeps single-source drafts to one document', () => {
    const set = small(7);
    for (const d of set.drafts) {
      const split = d.items.filter((i) => i.kind === 'split');
      for (const i of split) expect(d.text.slice(i.start, i.end)).toMatch(/[。！？；!?;]$/);
    }
    expect(set.singleSource.length).toBeGreaterThan(0);
    for (const { source, draft } of set.singleSource) {
      const doc = set.indexed.find((x) => x.path === source)!;
      for (const i of draft.items) expect(doc.text.includes(draft.text.slice(i.start, i.end))).toBe(true);
    }
  });

  it('keeps as originals only sentences that share no 8 content characters with an indexed document', () => {
    const set = small(7);
    const docs = set.indexed.map((d) => content(d.text));
    for (const d of set.drafts) {
      for (const it of d.items.filter((i) => i.kind.startsWith('original'))) {
        const c = [...content(d.text.slice(it.start, it.end))];
        for (let i = 0; i + 8 <= c.length; i++) {
          const run = c.slice(i, i + 8).join('');
          expect(docs.some((x) => x.includes(run))).toBe(false);
        }
      }
    }
    expect(sourceKey('２０２４年，稳中求進。')).toBe('#年稳中求进');
  });
});

describe('transforms', () => {
  it('spin table is larger than, and different from, the engine table', () => {
    const engine = spinnerTable();
    const pairs = (t: Readonly<Record<string, readonly string[]>>): number => Object.values(t).reduce((n, v) => n + v.length, 0);
    expect(pairs(SPIN_TABLE)).toBeGreaterThan(pairs(engine));
    expect(spinClass('发展', '开展')).toBe('known');
    expect(spinClass('重要', '关键')).toBe('heldout');
    expect(spinTables().get('heldout')!.size).toBeGreaterThan(20);
  });

  it('renumbers, reorders and converts script', () => {
    const rng = new Rng(1);
    expect(renumber('2019年全县新建学校12所。', rng)).not.toBe('2019年全县新建学校12所。');
    expect(renumber('没有数字的句子。', rng)).toBeUndefined();
    expect(reorder('加强队伍建设，提高教学质量。', rng)).toBe('提高教学质量，加强队伍建设。');
    expect(convertScript('发展教育')).toBe('發展教育');
    expect(convertScript('發展教育')).toBe('发展教育');
  });
});

describe('scorer', () => {
  const draft: Draft = {
    name: 'd',
    text: '甲乙丙丁。戊己 庚辛。',
    items: [
      { kind: 'verbatim', start: 0, end: 5, truth: [[0, 5]], sources: [['a.txt']] },
      { kind: 'original-heldout', start: 5, end: 11, truth: [], sources: [] },
    ],
  };

  it('counts non-blank characters, PAN-style', () => {
    const scores = scoreDraft(draft, {
      sentences: [
        { start: 0, end: 5, flagged: true },
        { start: 5, end: 11, flagged: true },
      ],
      stock: [
        [0, 3],
        [6, 9],
      ],
    });
    const none = { attributed: null, tiered: 0, tierOk: 0 };
    expect(scores[0]).toEqual({ kind: 'verbatim', flagged: true, chars: 5, truthChars: 5, detectedChars: 3, hitChars: 3, ...none });
    // "己 庚": the blank is not counted
    expect(scores[1]).toEqual({ kind: 'original-heldout', flagged: true, chars: 5, truthChars: 0, detectedChars: 2, hitChars: 0, ...none });
    const m = measure(scores);
    const v = m.kinds.verbatim!;
    expect(v.recall).toBe(1);
    expect(v.precision).toBe(0.5);
    expect(v.charPrecision).toBeCloseTo(3 / 5);
    expect(v.charRecall).toBeCloseTo(3 / 5);
    expect(v.charF1).toBeCloseTo(0.6);
    expect(m.kinds['original-heldout']!.falseAlarm).toBe(1);
    expect(m.kinds['original-heldout']!.falseChars).toBeCloseTo(0.4);
    expect(m.all.falseAlarm).toBe(1);
    expect(m.meanCharF1).toBeCloseTo(0.6);
  });

  it('scores attribution on the first 3 matches and tiers when reported', () => {
    const det = (matches: string[], tier?: string) =>
      measure(
        scoreDraft(draft, {
          sentences: [
            { start: 0, end: 5, flagged: true, matches },
            { start: 5, end: 11, flagged: false, matches: [] },
          ],
          stock: [[0, 5]],
          spans: [{ start: 0, end: 5, tier }],
        }),
      );
    expect(det(['b.txt', 'c.txt', 'a.txt']).kinds.verbatim!.attribution).toBe(1);
    expect(det(['b.txt', 'c.txt', 'd.txt', 'a.txt']).kinds.verbatim!.attribution).toBe(0);
    expect(det(['a.txt'], 'verbatim').kinds.verbatim!.tier).toBe(1);
    expect(det(['a.txt'], 'reworded').kinds.verbatim!.tier).toBe(0);
    expect(det(['a.txt']).kinds.verbatim!.tier).toBeNull();
  });

  it('scores a perfect detection as 1 and a silent one as 0', () => {
    const perfect = measure(scoreDraft(draft, { sentences: [{ start: 0, end: 5, flagged: true }], stock: [[0, 5]] }));
    expect(perfect.kinds.verbatim!.charF1).toBe(1);
    expect(perfect.all.falseAlarm).toBe(0);
    const silent = measure(scoreDraft(draft, { sentences: [], stock: [] }));
    expect(silent.kinds.verbatim!.recall).toBe(0);
    expect(silent.kinds.verbatim!.charPrecision).toBeNull();
    expect(silent.kinds.verbatim!.charF1).toBeNull();
  });
});
