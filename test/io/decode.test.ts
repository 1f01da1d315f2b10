import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { decodeBytes } from '../../src/io/decode.js';

const corpus = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../corpus/${name}`, import.meta.url)), 'utf8');

/**
 * Encodes `text` in a legacy double-byte encoding through a reverse table built by decoding the
 * whole two-byte code space; characters without a two-byte form are dropped.
 */
function legacyEncode(text: string, encoding: 'gbk' | 'big5'): { bytes: Uint8Array; text: string } {
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) pairs.push(lead, trail, 0x0a);
  const decoded = new TextDecoder(encoding).decode(Uint8Array.from(pairs)).split('\n');
  const table = new Map<string, [number, number]>();
  for (let i = 0; i < decoded.length - 1; i++) {
    const ch = decoded[i];
    if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [pairs[3 * i], pairs[3 * i + 1]]);
  }
  const out: number[] = [];
  let kept = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out.push(cp);
      kept += ch;
    } else {
      const b = table.get(ch);
      if (b !== undefined) {
        out.push(b[0], b[1]);
        kept += ch;
      }
    }
  }
  return { bytes: Uint8Array.from(out), text: kept };
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

const simplified = corpus('000_1d961a0082aa0431.txt');
const traditional = corpus('003_df5d0b2364c861bb.txt');

describe('decodeBytes', () => {
  it('decodes empty input to the empty string', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });

  it('decodes UTF-8 with and without a BOM, stripping the BOM', () => {
    const bytes = new TextEncoder().encode(simplified);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: simplified, encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeBytes(withBom)).toEqual({ ok: true, text: simplified, encoding: 'utf-8' });
  });

  it('keeps astral and zero-width characters and mixed line ends as they are', () => {
    const text = '请点击👉 mooonya 👈联系老师\r\n第二行\u200b零宽\n第三行\r\n\u{20000}';
    expect(decodeBytes(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const text = traditional.slice(0, 3000) + '👉';
    expect(decodeBytes(utf16(text, false))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(text, true))).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('decodes GBK text as gb18030', () => {
    const { bytes, text } = legacyEncode(simplified.slice(0, 3000), 'gbk');
    expect(text.length).toBeGreaterThan(2900);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text, encoding: 'gb18030' });
  });

  it('decodes Big5 text as big5 although it is also valid GB18030', () => {
    const { bytes, text } = legacyEncode(traditional.slice(0, 3000), 'big5');
    expect(text.length).toBeGreaterThan(2900);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toBe(text);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text, encoding: 'big5' });
  });

  it('tells short GBK and Big5 phrases apart', () => {
    const gbk = legacyEncode('县教育局年度工作总结', 'gbk');
    expect(decodeBytes(gbk.bytes)).toMatchObject({ ok: true, text: gbk.text, encoding: 'gb18030' });
    const big5 = legacyEncode('個人述職報告', 'big5');
    expect(decodeBytes(big5.bytes)).toMatchObject({ ok: true, text: big5.text, encoding: 'big5' });
  });

  it('keeps a UTF-8 file with a few invalid bytes in the middle as UTF-8', () => {
    const bytes = new TextEncoder().encode(simplified);
    const cut = bytes.indexOf(0x0a, 3000);
    const broken = new Uint8Array([...bytes.subarray(0, cut), 0xff, 0xfe, 0xc3, ...bytes.subarray(cut)]);
    const r = decodeBytes(broken);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain('\ufffd');
    expect(r.text.replace(/\ufffd/g, '')).toBe(simplified.replace(/\ufffd/g, ''));
  });

  it('rejects binary data with a one-line reason', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    const r = decodeBytes(png);
    expect(r).toEqual({ ok: false, code: 'BINARY', message: 'binary file (NUL bytes at offset 8)' });
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    const c = decodeBytes(controls);
    expect(c.ok).toBe(false);
    if (!c.ok) {
      expect(c.code).toBe('BINARY');
      expect(c.message).toMatch(/^binary file \(\d+\.\d% control characters\)$/);
    }
  });

  it('decodes a 50 MB single-line file in linear time', () => {
    const line = '坚持稳中求进工作总基调,abc '.repeat(1);
    const bytes = new TextEncoder().encode(line.repeat(Math.ceil(50e6 / 40)));
    const t = Date.now();
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(true);
    expect(Date.now() - t).toBeLessThan(10_000);
  });
});
