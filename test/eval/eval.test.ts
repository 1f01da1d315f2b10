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
      { kind: 'verbatim', start: 0, end: 5, truth: [[0, 5]] },
      { kind: 'original-heldout', start: 5, end: 11, truth: [] },
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
    expect(scores[0]).toEqual({ kind: 'verbatim', flagged: true, chars: 5, truthChars: 5, detectedChars: 3, hitChars: 3 });
    // "己 庚": the blank is not counted
    expect(scores[1]).toEqual({ kind: 'original-heldout', flagged: true, chars: 5, truthChars: 0, detectedChars: 2, hitChars: 0 });
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
