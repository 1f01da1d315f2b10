import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/options.js';
import { normalise, originalRange } from '../../src/text/normalise.js';

const opts = DEFAULTS.normalise;
const norm = (s: string) => normalise(s, opts).text;

describe('normalise', () => {
  it('gives traditional and simplified script the same text', () => {
    expect(norm('在市委、市政府的正確領導下')).toBe(norm('在市委、市政府的正确领导下'));
    expect(norm('義務教育均衡發展')).toBe(norm('义务教育均衡发展'));
  });

  it('folds full-width forms and case (NFKC)', () => {
    expect(norm('ＡＢＣ１２３，ｘｙｚ')).toBe(norm('abc123,xyz'));
  });

  it('maps numbers and placeholders to one slot', () => {
    expect(norm('我于2019年5月')).toBe(norm('我于20xx年12月'));
    expect(norm('入学率达到99.9%')).toBe(norm('入学率达到95%'));
    expect(norm('××县教育局')).toBe(norm('XX县教育局'));
    expect(norm('○○乡')).toBe(norm('12乡'));
    expect(norm('Exxon and Maxx')).toBe('exxon and maxx');
  });

  it('folds places and known spinner synonyms', () => {
    expect(norm('在县委、县政府的正确领导下')).toBe(norm('在区委、区政府的正确领导下'));
    expect(norm('为人民效劳，打好根底')).toBe(norm('为人民服务，打好基础'));
    expect(normalise('为人民效劳', { ...opts, synonyms: false }).text).not.toBe(norm('为人民服务'));
  });

  it('folds white space but keeps line and paragraph breaks', () => {
    expect(norm('a \t b')).toBe('a b');
    expect(norm('a\r\nb')).toBe('a\nb');
    expect(norm('a\n\n \nb')).toBe('a\n\nb');
    expect(norm('零\u200b宽\ufeff字')).toBe('零宽字');
  });

  it('maps every normalised character back to its origin, astral characters included', () => {
    const text = '👉 在２０２３年，我們加強了ＸＸ工作。\r\n第二行👍';
    const n = normalise(text, opts);
    expect(n.starts.length).toBe(n.text.length);
    for (let i = 0; i < n.text.length; i++) {
      expect(n.starts[i]).toBeLessThan(n.ends[i]);
      if (i) expect(n.starts[i]).toBeGreaterThanOrEqual(n.starts[i - 1]);
    }
    const at = n.text.indexOf('我们');
    expect(text.slice(...originalRange(n, at, at + 2))).toBe('我們');
    const slot = n.text.indexOf('#');
    expect(text.slice(...originalRange(n, slot, slot + 1))).toBe('２０２３');
    const emoji = n.text.indexOf('👉');
    expect(text.slice(...originalRange(n, emoji, emoji + 2))).toBe('👉');
  });

  it('keeps the map monotonic on every corpus file', () => {
    for (const f of readdirSync('corpus').filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(`corpus/${f}`, 'utf8');
      const n = normalise(text, opts);
      for (let i = 1; i < n.text.length; i++) expect(n.starts[i] >= n.starts[i - 1] && n.ends[i] >= n.ends[i - 1]).toBe(true);
      expect(n.ends[n.ends.length - 1]).toBeLessThanOrEqual(text.length);
    }
  });
});
