// Formulas and find on the government work reports, against plain string search of the files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, find } from '../../src/index.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';
import { scanCorpus } from '../../src/pipeline.js';
import { normaliseOptions } from '../../src/options.js';
import type { ScanResult } from '../../src/types.js';

const GWR = '../shared/gwr';
const PHRASES = ['新质生产力', '稳中求进', '先立后破', '以人民为中心', '实事求是', '中国式现代化', '党中央决策部署'];

describe.skipIf(!existsSync(GWR))('formulas of the government work reports', () => {
  let index: CorpusIndex;
  let scan: ScanResult;
  const texts = new Map<string, string>();
  beforeAll(async () => {
    for (const f of readdirSync(GWR).filter((f) => f.endsWith('.txt'))) texts.set(join(GWR, f), readFileSync(join(GWR, f), 'utf8'));
    index = (await buildIndex([GWR])).index;
    scan = scanCorpus(index, normaliseOptions());
  });

  const filesWith = (phrase: string): string[] => [...texts].filter(([, t]) => t.includes(phrase)).map(([p]) => p);

  it('lists each set phrase as a formula with the document frequency plain search gives (±10 %)', () => {
    for (const phrase of PHRASES) {
      const truth = filesWith(phrase).length;
      expect(truth, phrase).toBeGreaterThan(1);
      const f = scan.phrases.find((p) => p.kind === 'formula' && p.text === phrase);
      expect(f, phrase).toBeDefined();
      expect(Math.abs(f!.docFreq - truth), phrase).toBeLessThanOrEqual(Math.ceil(truth * 0.1));
      expect(new Set(f!.members.map((m) => m.doc)).size).toBe(f!.docFreq);
    }
  });

  it('lists a shorter formula only where it occurs beyond the longer ones that contain it', () => {
    const formulas = scan.phrases.filter((p) => p.kind === 'formula');
    const own = formulas.find((p) => p.text === '党中央决策部署')!;
    const longer = formulas.filter((p) => p.text !== own.text && p.text.includes(own.text));
    expect(longer.length).toBeGreaterThan(0);
    for (const l of longer) expect(own.docFreq).toBeGreaterThanOrEqual(l.docFreq);
    const times = (outer: string, inner: string): number => outer.split(inner).length - 1;
    for (const a of formulas.slice(0, 500)) {
      for (const b of formulas) {
        if (b.text.length <= a.text.length || !b.text.includes(a.text)) continue;
        expect(a.count, `${a.text} inside ${b.text}`).toBeGreaterThan(b.count * times(b.text, a.text) - 1);
        expect(a.count > b.count * times(b.text, a.text) || a.docFreq > b.docFreq, `${a.text} only inside ${b.text}`).toBe(true);
      }
    }
  });

  it('find gives every occurrence with its offsets and context', async () => {
    const r = await find('稳中求进', index, { context: 10 });
    let truth = 0;
    for (const [path, t] of texts) {
      for (let i = t.indexOf('稳中求进'); i >= 0; i = t.indexOf('稳中求进', i + 1)) truth++;
      for (const o of r.occurrences.filter((x) => x.doc === path)) {
        expect(t.slice(o.start, o.end)).toBe(o.text);
        expect(t.slice(Math.max(0, o.start - 10), o.start)).toBe(o.left);
        expect(t.slice(o.end, o.end + 10)).toBe(o.right);
      }
    }
    expect(r.count).toBe(truth);
    expect(r.docFreq).toBe(filesWith('稳中求进').length);
  });
});
