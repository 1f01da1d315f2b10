// Slow and silent clients are cut off by the socket timeouts, and connections are capped, so that
// a few thousand idle sockets cannot use up the server's descriptors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Started } from '../../src/server/index.js';
import { corpusIndex } from './fixture.js';
import { silentSocket } from './hostile.js';

const HEADERS_MS = 600;
const REQUEST_MS = 1_200;
const CONNECTIONS = 4;

describe('taohua serve: slow clients', () => {
  let server: Started;

  beforeAll(async () => {
    server = await startServer({
      index: await corpusIndex(),
      port: 0,
      warmUp: false,
      limits: { headersTimeoutMs: HEADERS_MS, requestTimeoutMs: REQUEST_MS, idleTimeoutMs: 2 * REQUEST_MS, connections: CONNECTIONS },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('closes a connection that sends no headers, after the headers timeout', async () => {
    const { closed } = silentSocket(server.url);
    const after = await closed;
    expect(after).toBeGreaterThanOrEqual(HEADERS_MS - 50);
    expect(after).toBeLessThan(HEADERS_MS + 2_000);
  });

  it('answers 408 to a body that trickles in slower than the request timeout', async () => {
    const { socket, closed } = silentSocket(server.url);
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    const host = new URL(server.url).host;
    socket.write(`POST /api/check HTTP/1.1\r\nHost: ${host}\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n今天`);
    const drip = setInterval(() => socket.write('天'), 100); // one character every 100 ms: never done in time
    const after = await closed;
    clearInterval(drip);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(after).toBeLessThan(REQUEST_MS + 2_000);
  });

  it('caps connections; when the silent ones time out, requests are served again', async () => {
    const silent = Array.from({ length: CONNECTIONS }, () => silentSocket(server.url));
    await new Promise((r) => setTimeout(r, 100));
    const refused = silentSocket(server.url);
    const refusedAfter = await refused.closed;
    expect(refusedAfter).toBeLessThan(HEADERS_MS); // closed at once, not by a timeout
    await Promise.all(silent.map((s) => s.closed));
    const res = await fetch(new URL('/healthz', server.url));
    expect(res.status).toBe(200);
  });
});
