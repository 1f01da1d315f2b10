// The editor's toggles through the API: the same result as the library with the same options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowIndex, check, textDocument } from '../../src/index.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';
import { startServer, type Started } from '../../src/server/index.js';
import type { CheckResult } from '../../src/types.js';
import { corpusIndex, corpusSentences } from './fixture.js';

describe('taohua serve: editor fields', () => {
  let index: CorpusIndex;
  let server: Started;
  beforeAll(async () => {
    index = await corpusIndex();
    server = await startServer({ index, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  const url = (path: string): string => new URL(path, server.url).href;
  const [first, second] = corpusSentences();
  const text = `一、工作回顾\n“${first}”\n${second}\n`;

  it('JSON fields give what check gives with the same options', async () => {
    const res = await fetch(url('/api/check'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, name: 'draft.txt', noQuotes: true, noHeadings: true, minMatch: 4, allow: second }),
    });
    expect(res.status).toBe(200);
    const got = (await res.json()) as CheckResult;
    const allow = allowIndex([{ path: 'allowed.txt', text: second, format: 'txt', encoding: 'utf-8' }], index);
    const want = await check(textDocument(text, 'draft.txt'), index, { noQuotes: true, noHeadings: true, minMatch: 4, allow });
    expect(got).toEqual(JSON.parse(JSON.stringify(want)));
    expect(got.panel!.leftOutChars.quote).toBeGreaterThan(0);
    expect(got.panel!.leftOutChars.allowed).toBeGreaterThan(0);
  });

  it('multipart form fields work with an uploaded file, and bad values are 400', async () => {
    const form = new FormData();
    form.append('noQuotes', 'true');
    form.append('file', new Blob([text], { type: 'text/plain' }), 'draft.txt');
    const res = await fetch(url('/api/check'), { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const got = (await res.json()) as CheckResult;
    expect(got.panel!.leftOutChars.quote).toBeGreaterThan(0);
    const bad = await fetch(url('/api/check'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, minMatch: -1 }),
    });
    expect(bad.status).toBe(400);
  });

  it('the report fragment carries the panel', async () => {
    const res = await fetch(url('/api/report'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    const html = await res.text();
    expect(html).toContain('id="panel-total"');
    expect(html).toContain('data-tier=');
  });
});
