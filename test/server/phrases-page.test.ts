// GET /phrases: the scan page over the loaded index, under the server's CSP, its script same-origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from '../../src/server/server.js';
import { corpusIndex } from './fixture.js';

describe('GET /phrases', () => {
  let server: Server;
  beforeAll(async () => {
    const index = await corpusIndex();
    server = await createServer({ index, warmUp: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves the page with its data and no inline script, and the script beside it', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/phrases' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('<script src="/phrases.js"></script>');
    expect(page.body).not.toMatch(/<script>/);
    const data = JSON.parse(/<script type="application\/json" id="scan-data">([\s\S]*?)<\/script>/.exec(page.body)![1]);
    const api = (await server.app.inject({ method: 'GET', url: '/api/phrases' })).json();
    expect(data.phrases.map((p: { t: string }) => p.t)).toEqual(api.phrases.map((p: { text: string }) => p.text));
    const script = await server.app.inject({ method: 'GET', url: '/phrases.js' });
    expect(script.headers['content-type']).toContain('javascript');
  });

  it('refuses unknown parameters and a column no document has', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/phrases?top=3' })).statusCode).toBe(400);
    expect((await server.app.inject({ method: 'GET', url: '/phrases?groupBy=region' })).statusCode).toBe(400);
  });
});
