// A small version of bench/serve-load.ts: 50 concurrent checks of 5,000-character drafts on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedAnswers, loadDrafts, mb, runLoad } from '../../bench/serve-load.js';
import { startServer, type Started } from '../../src/server/index.js';
import { CORPUS, corpusIndex } from './fixture.js';

describe('taohua serve under load', () => {
  let server: Started;

  beforeAll(async () => {
    server = await startServer({ index: await corpusIndex(), port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers 100 requests, 50 at a time, each like a single check', async () => {
    const drafts = loadDrafts(CORPUS, 5, 5000);
    const expected = await expectedAnswers(server.url, drafts);
    const before = process.memoryUsage().rss;
    const r = await runLoad(server.url, drafts, expected, { requests: 100, concurrency: 50 });
    const after = process.memoryUsage().rss;
    console.log(
      `load: ${r.ok}/${r.requests} ok, ${r.perSecond.toFixed(1)} req/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms; RSS ${mb(before)} → ${mb(after)}`,
    );
    expect(r).toMatchObject({ ok: 100, wrong: 0, failed: 0 });
    expect(after - before).toBeLessThan(512 * 1024 * 1024);
    expect((await fetch(new URL('/healthz', server.url))).status).toBe(200);
  });
});
