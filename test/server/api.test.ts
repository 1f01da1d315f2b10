import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, textDocument } from '../../src/index.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';
import { startServer, type Started } from '../../src/server/index.js';
import type { CheckResult, ScanResult } from '../../src/types.js';
import { corpusIndex, mixedDraft } from './fixture.js';

const LIMIT = 64 * 1024;

describe('taohua serve: JSON API', () => {
  let index: CorpusIndex;
  let server: Started;

  beforeAll(async () => {
    index = await corpusIndex();
    server = await startServer({ index, port: 0, bodyLimit: LIMIT });
  });
  afterAll(async () => {
    await server?.close();
  });

  const url = (path: string): string => new URL(path, server.url).href;
  const postJson = (body: unknown) =>
    fetch(url('/api/check'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const postFile = (name: string, bytes: Uint8Array | string, type = 'application/octet-stream') => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    return fetch(url('/api/check'), { method: 'POST', body: form });
  };

  async function expectError(res: Response, status: number, code: string): Promise<string> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
    return body.error.message;
  }

  it('binds to loopback and reports health', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(url('/healthz'));
    expect(await res.json()).toEqual({ ok: true, docs: index.docs.length, units: index.units.count });
  });

  it('checks JSON text like the library does', async () => {
    const text = mixedDraft();
    const res = await postJson({ text, name: 'mixed.txt' });
    expect(res.status).toBe(200);
    const got = (await res.json()) as CheckResult;
    expect(got).toEqual(await check(textDocument(text, 'mixed.txt'), index));
    expect(got.schema).toBe('taohua.check/1');
    expect(got.counts.stock).toBeGreaterThan(0);
    expect(got.counts.original).toBeGreaterThan(0);
  });

  it('checks text/plain and an uploaded .txt file the same way', async () => {
    const text = mixedDraft(2);
    const expected = await check(textDocument(text, 'draft.txt'), index);
    const plain = await fetch(url('/api/check'), { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
    expect(await plain.json()).toEqual(expected);
    const file = await postFile('draft.txt', new TextEncoder().encode(text), 'text/plain');
    expect(file.status).toBe(200);
    expect(await file.json()).toEqual(expected);
    const form = new FormData();
    form.append('text', text);
    const field = await fetch(url('/api/check'), { method: 'POST', body: form });
    // Form fields travel with CRLF line ends (HTML spec); offsets refer to the text as received.
    expect(await field.json()).toEqual(await check(textDocument(text.replace(/\n/g, '\r\n'), 'draft.txt'), index));
  });

  it('takes the file name from a path without its folders', async () => {
    const res = await postFile('C:\\Users\\me\\报告.txt', mixedDraft(1));
    expect(((await res.json()) as CheckResult).document).toBe('报告.txt');
  });

  it('refuses empty text with 400', async () => {
    await expectError(await postJson({ text: '' }), 400, 'EMPTY');
    await expectError(await postJson({ text: ' \n\t ' }), 400, 'EMPTY');
    await expectError(await postFile('empty.txt', ''), 400, 'EMPTY');
  });

  it('refuses malformed JSON and wrong shapes with 400', async () => {
    const bad = await fetch(url('/api/check'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": "半截' });
    await expectError(bad, 400, 'MALFORMED_JSON');
    await expectError(await postJson({ text: 42 }), 400, 'BAD_REQUEST');
    await expectError(await postJson(['text']), 400, 'BAD_REQUEST');
    await expectError(await postJson({ text: '正文', name: 7 }), 400, 'BAD_REQUEST');
  });

  it('refuses bodies over the limit with 413', async () => {
    const big = '很'.repeat(LIMIT); // three bytes each in UTF-8
    await expectError(await postJson({ text: big }), 413, 'BODY_TOO_LARGE');
    await expectError(await postFile('big.txt', big), 413, 'BODY_TOO_LARGE');
  });

  it('refuses unknown file types with 415', async () => {
    await expectError(await postFile('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])), 415, 'UNSUPPORTED');
    await expectError(await postFile('notes.xyz', '文字'), 415, 'UNSUPPORTED');
    await expectError(await postFile('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])), 415, 'UNSUPPORTED');
    const form = await fetch(url('/api/check'), { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    await expectError(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses binary and undecodable files with 422', async () => {
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const message = await expectError(await postFile('draft.txt', binary), 422, 'BINARY');
    expect(message).toContain('draft.txt');
  });

  it('keeps serving after bad requests', async () => {
    const res = await postJson({ text: mixedDraft(1) });
    expect(res.status).toBe(200);
    expect((await fetch(url('/healthz'))).status).toBe(200);
  });

  it('answers unknown routes with a JSON 404', async () => {
    await expectError(await fetch(url('/nope')), 404, 'NOT_FOUND');
  });

  it('serves the phrase table, computed once and filtered per request', async () => {
    const res = await fetch(url('/api/phrases'));
    expect(res.status).toBe(200);
    const all = (await res.json()) as ScanResult;
    expect(all.schema).toBe('taohua.scan/1');
    expect(all.phrases.length).toBeGreaterThan(0);
    for (let i = 1; i < all.phrases.length; i++) expect(all.phrases[i - 1].docFreq).toBeGreaterThanOrEqual(all.phrases[i].docFreq);
    const top = (await (await fetch(url('/api/phrases?top=3&minDocs=2'))).json()) as ScanResult;
    expect(top.phrases).toEqual(all.phrases.filter((p) => p.docFreq >= 2).slice(0, 3));
    const many = (await (await fetch(url('/api/phrases?minDocs=99'))).json()) as ScanResult;
    expect(many.phrases).toEqual([]);
    await expectError(await fetch(url('/api/phrases?top=-1')), 400, 'USAGE');
    await expectError(await fetch(url('/api/phrases?top=abc')), 400, 'USAGE');
  });

  it('refuses other Host headers (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url('/healthz'), { headers: { host: 'evil.example:8080' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('renders the report markup for the page with the draft escaped', async () => {
    const text = `${mixedDraft(1)}<script>alert(1)</script>"'&`;
    const res = await fetch(url('/api/report'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('id="stock-ratio"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(html).not.toMatch(/<script/i);
    await expectError(await fetch(url('/api/report'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 400, 'BAD_REQUEST');
    const script = await fetch(url('/report.js'));
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(100);
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const res = await fetch(url('/'));
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('id="draft-text"');
    expect(html).not.toMatch(/<script>/);
    expect(html).not.toMatch(/https?:\/\//);
  });
});
