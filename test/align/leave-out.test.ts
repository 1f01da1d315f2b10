import { describe, expect, it } from 'vitest';
import { dropShortStock, quoteMask } from '../../src/align/leave-out.js';
import type { Span } from '../../src/types.js';

/** The quoted characters, read back from the mask. */
const quoted = (text: string): string => [...quoteMask(text)].map((m, i) => (m ? text[i] : '')).join('');

describe('quoteMask', () => {
  it('marks text inside every kind of quotation mark, the marks included', () => {
    expect(quoted('坚持“绿水青山就是金山银山”的理念')).toBe('“绿水青山就是金山银山”');
    expect(quoted('他说「要『实事求是』」。')).toBe('「要『实事求是』」');
    expect(quoted('the "stock" phrase')).toBe('"stock"');
  });

  it('ends a quotation left open at the paragraph end', () => {
    const text = '“没有收尾的引文\r\n\r\n下一段“引文”';
    expect(quoted(text)).toBe('“引文”');
  });
});

describe('dropShortStock', () => {
  it('turns short stock spans into original text and merges neighbours', () => {
    const text = '甲乙丙丁戊己庚辛壬癸子丑';
    const spans: Span[] = [
      { start: 0, end: 2, kind: 'original' },
      { start: 2, end: 4, kind: 'stock' },
      { start: 4, end: 6, kind: 'original' },
      { start: 6, end: 12, kind: 'stock' },
    ];
    expect(dropShortStock(text, spans, 3)).toEqual([
      { start: 0, end: 6, kind: 'original' },
      { start: 6, end: 12, kind: 'stock' },
    ]);
    expect(dropShortStock(text, spans, 0)).toBe(spans);
  });
});
