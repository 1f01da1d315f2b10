// Checks on the piscina pool: workers load the saved index (dist/src/server/check-worker.js, built by tsc).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, textDocument } from '../../src/index.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';
import { saveIndex } from '../../src/index/store.js';
import { workerPath } from '../../src/server/checker.js';
import { createServer, startServer, type Started } from '../../src/server/index.js';
import type { CheckResult, ScanResult } from '../../src/types.js';
import { corpusIndex, draftOfLength, mixedDraft } from './fixture.js';

describe('taohua serve: check workers', () => {
  let dir: string;
  let index: CorpusIndex;
  let indexPath: string;
  let server: Started;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'taohua-serve-'));
    index = await corpusIndex();
    indexPath = join(dir, 'corpus.taohua');
    await saveIndex(index, indexPath);
    server = await startServer({ index, indexPath, threads: 2, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const post = (base: string, text: string) =>
    fetch(new URL('/api/check', base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });

  it('finds the compiled worker from TypeScript source', () => {
    expect(workerPath()).toMatch(/dist\/src\/server\/check-worker\.js$/);
  });

  it('answers like an in-process check', async () => {
    const drafts = [mixedDraft(1), mixedDraft(2), mixedDraft(3)];
    const answers = await Promise.all(drafts.map(async (d) => (await post(server.url, d)).json() as Promise<CheckResult>));
    for (let i = 0; i < drafts.length; i++) expect(answers[i]).toEqual(await check(textDocument(drafts[i], 'draft.txt'), index));
  });

  it('scans the phrase table on a worker', async () => {
    const res = await fetch(new URL('/api/phrases?top=5', server.url));
    const table = (await res.json()) as ScanResult;
    expect(table.phrases.length).toBe(5);
  });

  it('reports a worker failure as a typed JSON error and keeps serving', async () => {
    const broken = join(dir, 'broken.taohua');
    await writeFile(broken, 'not an index');
    const { app, close } = await createServer({ index, indexPath: broken, threads: 1, warmUp: false });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/check', payload: { text: mixedDraft(1) } });
      expect(res.statusCode).toBe(500);
      const body = res.json() as { error: { code: string; message: string } };
      expect(body.error.code).toMatch(/^INDEX_/);
      expect(body.error.message).toContain('broken.taohua');
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await close();
    }
  });

  it('stops a check that outlasts the time budget (503 TIMEOUT); its worker is free for the next one at once', async () => {
    const budgetMs = 1_500;
    const short = await startServer({ index, indexPath, threads: 1, port: 0, limits: { budgetMs } });
    /** A small check, retried while the worker is still loading the index (each try within the budget). */
    const small = async (): Promise<Response> => {
      let res = await post(short.url, mixedDraft(1));
      for (let i = 0; i < 8 && res.status === 503; i++) res = await post(short.url, mixedDraft(1));
      return res;
    };
    try {
      expect((await small()).status).toBe(200);
      const t0 = performance.now();
      const res = await post(short.url, draftOfLength(900_000)); // seconds of work
      expect(await res.json()).toMatchObject({ error: { code: 'TIMEOUT' } });
      expect(res.status).toBe(503);
      expect(performance.now() - t0).toBeLessThan(budgetMs + 2_000);
      expect(short.busy()).toEqual({ requests: 0, extracting: 0 });
      // The stopped check ends at its next word segmentation: the worker is free again at once.
      const next = await post(short.url, mixedDraft(1));
      expect(await next.json()).toEqual(await check(textDocument(mixedDraft(1), 'draft.txt'), index));
    } finally {
      await short.close();
    }
  });
});
