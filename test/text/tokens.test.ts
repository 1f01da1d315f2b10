import { describe, expect, it } from 'vitest';
import { characters, tokenise, words } from '../../src/text/tokens.js';

describe('tokens', () => {
  it('cuts Chinese into jieba words that give the text back', () => {
    const text = '在市委、市政府的正确领导下，全县教育工作取得新进展。';
    const tokens = tokenise(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens).toContain('市政府');
    expect(words(text)).toEqual(expect.arrayContaining(['正确', '领导', '教育']));
    expect(words(text)).not.toContain('，');
  });

  it('keeps Latin words whole, and characters whole across surrogate pairs', () => {
    expect(words('The quick brown fox, 3.14!')).toEqual(['The', 'quick', 'brown', 'fox', '3', '14']);
    expect(tokenise('Hello, world').join('')).toBe('Hello, world');
    expect(characters('a👉b')).toEqual(['a', '👉', 'b']);
  });
});
