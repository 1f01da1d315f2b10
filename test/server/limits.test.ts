// What one request may cost: sizes (413), a .docx bomb, malformed multipart (400), cross-site
// posts (403), charsets of text/plain, the report's CSP. In-process index, small limits.
import { TextDecoder } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, textDocument } from '../../src/index.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';
import { startServer, type Started } from '../../src/server/index.js';
import type { CheckResult } from '../../src/types.js';
import { makeDocx } from './docx.js';
import { corpusIndex, corpusSentences, draftOfLength, mixedDraft } from './fixture.js';
import { docxBomb, rawRequest } from './hostile.js';

const CHECK_CHARS = 4_000;
const REPORT_CHARS = 2_000;
const INFLATED = 2 * 1024 * 1024;

describe('taohua serve: limits per request', () => {
  let index: CorpusIndex;
  let server: Started;

  beforeAll(async () => {
    index = await corpusIndex();
    server = await startServer({ index, port: 0, limits: { checkChars: CHECK_CHARS, reportChars: REPORT_CHARS, inflatedBytes: INFLATED } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const url = (path: string): string => new URL(path, server.url).href;
  const upload = (route: string, name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    return fetch(url(route), { method: 'POST', body: form });
  };
  const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; message: string } }).error });

  it('refuses a .docx that inflates past the cap with 413, after inflating no more than the cap', async () => {
    const bomb = await docxBomb(8 * INFLATED);
    expect(bomb.length).toBeLessThan(INFLATED / 20); // a bomb: small on the wire
    const t0 = performance.now();
    const e = await errorOf(await upload('/api/check', 'bomb.docx', bomb));
    expect(e).toMatchObject({ status: 413, code: 'TOO_LARGE' });
    expect(e.message).toContain('bomb.docx');
    expect(e.message).toContain(String(INFLATED));
    expect(performance.now() - t0).toBeLessThan(5_000);
    // A real .docx under the cap still reads.
    const paragraphs = corpusSentences().slice(0, 3);
    const ok = await upload('/api/check', 'ok.docx', await makeDocx(paragraphs));
    expect(ok.status).toBe(200);
    const expected = await check(textDocument(paragraphs.join('\n\n'), 'ok.docx'), index);
    expect(((await ok.json()) as CheckResult).sentences).toEqual(expected.sentences);
  });

  it('refuses text longer than the bound with 413: /api/report has a smaller bound than /api/check', async () => {
    const post = (route: string, text: string) =>
      fetch(url(route), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    const mid = draftOfLength(REPORT_CHARS + 1);
    expect(await errorOf(await post('/api/report', mid))).toMatchObject({ status: 413, code: 'TOO_LARGE' });
    expect((await post('/api/check', mid)).status).toBe(200);
    expect(await errorOf(await post('/api/check', draftOfLength(CHECK_CHARS + 1)))).toMatchObject({ status: 413, code: 'TOO_LARGE' });
    const plain = await fetch(url('/api/check'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: draftOfLength(CHECK_CHARS + 1) });
    expect(await errorOf(plain)).toMatchObject({ status: 413, code: 'TOO_LARGE' });
    // An uploaded file is bounded by the characters extracted from it.
    const file = await upload('/api/report', 'long.txt', new TextEncoder().encode(mid));
    expect(await errorOf(file)).toMatchObject({ status: 413, code: 'TOO_LARGE' });
  });

  it('sends /api/report with a Content-Security-Policy that runs no script', async () => {
    const res = await fetch(url('/api/report'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: mixedDraft(1) }) });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect((await fetch(url('/healthz'))).headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers truncated multipart and multipart without a boundary with 400', async () => {
    const host = `Host: ${new URL(server.url).host}`;
    const part = '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n今天天气很好';
    const truncated = await rawRequest(server.url, `POST /api/check HTTP/1.1\n${host}\nContent-Type: multipart/form-data; boundary=XyZ\nContent-Length: ${Buffer.byteLength(part)}\nConnection: close\n`, part);
    expect(truncated.status).toBe(400);
    expect(truncated.text).toContain('BAD_REQUEST');
    const body = `${part}\r\n--XyZ--\r\n`;
    const noBoundary = await rawRequest(server.url, `POST /api/check HTTP/1.1\n${host}\nContent-Type: multipart/form-data\nContent-Length: ${Buffer.byteLength(body)}\nConnection: close\n`, body);
    expect(noBoundary.status).toBe(400);
    expect(noBoundary.text).toContain('BAD_REQUEST');
    expect((await fetch(url('/healthz'))).status).toBe(200);
  });

  it('refuses POSTs a browser sends for another site (Origin, Sec-Fetch-Site) and takes its own', async () => {
    const text = mixedDraft(1);
    const post = (headers: Record<string, string>) =>
      fetch(url('/api/check'), { method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body: text });
    expect(await errorOf(await post({ origin: 'https://evil.example' }))).toMatchObject({ status: 403, code: 'FORBIDDEN_ORIGIN' });
    expect(await errorOf(await post({ origin: 'null' }))).toMatchObject({ status: 403, code: 'FORBIDDEN_ORIGIN' });
    expect(await errorOf(await post({ 'sec-fetch-site': 'cross-site' }))).toMatchObject({ status: 403, code: 'FORBIDDEN_ORIGIN' });
    const form = new FormData();
    form.append('text', text);
    const cross = await fetch(url('/api/report'), { method: 'POST', headers: { origin: 'http://attacker.test' }, body: form });
    expect(cross.status).toBe(403);
    expect((await post({ origin: new URL(server.url).origin })).status).toBe(200);
    expect((await post({})).status).toBe(200); // curl and scripts send no Origin
  });

  it('decodes text/plain in the charset it names (GB18030, Big5)', async () => {
    const text = mixedDraft(2);
    const gb = await fetch(url('/api/check'), { method: 'POST', headers: { 'content-type': 'text/plain; charset=gb18030' }, body: encode(text, 'gb18030') });
    expect(gb.status).toBe(200);
    expect(await gb.json()).toEqual(await check(textDocument(text, 'draft.txt'), index));
    const traditional = '政府工作報告：堅持穩中求進工作總基調，完整準確全面貫徹新發展理念。';
    const big5 = await fetch(url('/api/report'), { method: 'POST', headers: { 'content-type': 'text/plain; charset="Big5"' }, body: encode(traditional, 'big5') });
    expect(big5.status).toBe(200);
    expect(await big5.text()).toContain('堅持穩中求進工作總基調');
    const wrong = await fetch(url('/api/check'), { method: 'POST', headers: { 'content-type': 'text/plain; charset=big5' }, body: new Uint8Array([0xa4, 0x40, 0xff, 0xff, 0x81]) });
    expect(await errorOf(wrong)).toMatchObject({ status: 422, code: 'UNDECODABLE' });
    const unknown = await fetch(url('/api/check'), { method: 'POST', headers: { 'content-type': 'text/plain; charset=klingon' }, body: 'abc' });
    expect(unknown.status).toBe(415);
  });
});

/** Bytes of `text` in a two-byte CJK charset, from that charset's decoder (Node has no encoder for it). */
function encode(text: string, charset: 'gb18030' | 'big5'): Uint8Array {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number[]>();
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      const ch = decoder.decode(new Uint8Array([b1, b2]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [b1, b2]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (bytes === undefined) throw new Error(`${ch} has no ${charset} encoding`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
