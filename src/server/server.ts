// `taohua serve`: one page for editors and a JSON API over one index loaded once.
//
//   GET  /              the page (text box, file picker, Check; the report under them)
//   POST /api/check     JSON {text, name?} | text/plain | multipart file → taohua.check/1
//   POST /api/report    the same input → the report's HTML markup (what the page shows)
//   GET  /api/phrases   the corpus's phrase table (taohua.scan/1), computed once; ?top=N&minDocs=N
//   GET  /phrases       the scan page over the index (phrases-page.ts); ?groupBy=COLUMN
//   GET  /healthz       { ok: true, docs, units }

import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { CorpusIndex } from '../index/corpus-index.js';
import { normaliseOptions, type Options, type PartialOptions } from '../options.js';
import type { CheckResult } from '../types.js';
import { createChecker, type Checker } from './checker.js';
import { reportFragment, reportScript } from './fragment.js';
import { fromFastifyError, HttpError, statusOf } from './http-errors.js';
import { readDraftAndFields } from './input.js';
import { APP_SCRIPT, PAGE_CSP, renderPage } from './page.js';
import { PhraseTable, phraseQuery } from './phrases.js';
import { registerPhrasesPage } from './phrases-page.js';

export const DEFAULT_BODY_LIMIT = 20 * 1024 * 1024;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export interface ServerOptions {
  /** The corpus index, loaded once and shared by every request. */
  index: CorpusIndex;
  /** The saved index file; when given, checks run on worker threads that each load it once. */
  indexPath?: string;
  /** Largest request body (JSON, text or uploaded file) in bytes; 20 MB by default. */
  bodyLimit?: number;
  /** Worker threads (with indexPath); 0 or undefined: one per core. */
  threads?: number;
  /** Matching options (thresholds, coverage, …); normalisation and sketch come from the index. */
  options?: PartialOptions;
  /** Host names the Host header may carry (against DNS rebinding); undefined: any. */
  allowedHosts?: string[];
  /** Fastify's request log. */
  logger?: boolean;
  /**
   * Runs one small check per thread before serving, so that the first editor does not wait for the
   * word segmenter's dictionary (several seconds). In-process this delays the start; with workers
   * it runs in the background. Default true.
   */
  warmUp?: boolean;
}

export interface Server {
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function createServer(opts: ServerOptions): Promise<Server> {
  const options = normaliseOptions(opts.options);
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const checker = createChecker({ index: opts.index, indexPath: opts.indexPath, threads: opts.threads ?? options.threads });
  const phrases = new PhraseTable(checker, options);
  if (opts.warmUp ?? true) {
    const warming = warmUp(checker, opts.index, options);
    if (checker.threads === 0) await warming;
  }
  const app = Fastify({ bodyLimit, logger: opts.logger ?? false });

  await app.register(multipart, {
    limits: { fileSize: bodyLimit, fieldSize: bodyLimit, files: 1, fields: 8, parts: 9 },
    throwFileSizeLimit: true,
  });

  app.setErrorHandler((error, request, reply) => {
    const e = fromFastifyError(error);
    if (e.status >= 500) request.log.error(error);
    return sendError(reply, e);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new HttpError(404, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
  if (opts.allowedHosts !== undefined) addHostCheck(app, opts.allowedHosts);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
  });

  const page = renderPage(opts.index.docs.length, opts.index.units.count);
  app.get('/', (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(page),
  );
  app.get('/app.js', (_request, reply) => reply.type('text/javascript; charset=utf-8').send(APP_SCRIPT));
  app.get('/report.js', (_request, reply) => reply.type('text/javascript; charset=utf-8').send(reportScript()));
  app.get('/healthz', async () => ({ ok: true, docs: opts.index.docs.length, units: opts.index.units.count }));

  app.post('/api/check', async (request) => (await checkRequest(request, checker, options)).result);
  app.post('/api/report', async (request, reply) => {
    const { result, text } = await checkRequest(request, checker, options);
    return reply.type('text/html; charset=utf-8').send(reportFragment(result, text, opts.index));
  });
  app.get('/api/phrases', async (request) => phrases.get(phraseQuery(request.query)));
  registerPhrasesPage(app, opts.index, phrases);

  return {
    app,
    close: async () => {
      await app.close();
      await checker.close();
    },
  };
}

export interface StartOptions extends ServerOptions {
  /** 127.0.0.1 by default: only this machine can reach the server. */
  host?: string;
  /** 8080 by default; 0 picks a free port. */
  port?: number;
}

export interface Started {
  url: string;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<Started> {
  const host = opts.host ?? DEFAULT_HOST;
  const port = opts.port ?? DEFAULT_PORT;
  const allowedHosts = opts.allowedHosts ?? (isLoopback(host) ? [...LOOPBACK_NAMES, host] : undefined);
  const server = await createServer({ ...opts, allowedHosts });
  try {
    await server.app.listen({ host, port });
  } catch (e) {
    await server.close();
    throw e;
  }
  const address = server.app.server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${bound}/`, close: server.close };
}

async function checkRequest(request: FastifyRequest, checker: Checker, options: Options): Promise<{ result: CheckResult; text: string }> {
  const { doc, fields } = await readDraftAndFields(request);
  if (checker.full()) throw new HttpError(503, 'BUSY', 'too many checks waiting; try again shortly');
  const outcome = await checker.check(doc, options, fields);
  if (!outcome.ok) throw new HttpError(statusOf(outcome.code), outcome.code, outcome.message);
  return { result: outcome.result, text: doc.text };
}

/** Checks a sentence of the corpus on every thread; failures surface on real requests, not here. */
async function warmUp(checker: Checker, index: CorpusIndex, options: Options): Promise<void> {
  if (index.units.count === 0) return;
  const doc = { path: 'warm-up.txt', text: index.unitText(0), format: 'txt' as const, encoding: 'utf-8' };
  await Promise.all(Array.from({ length: Math.max(1, checker.threads) }, () => checker.check(doc, options)));
}

function sendError(reply: FastifyReply, e: HttpError): FastifyReply {
  if (e.status === 503) reply.header('retry-after', '1');
  return reply.status(e.status).type('application/json; charset=utf-8').send(e.body());
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1', '[::1]'];

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Refuses requests whose Host header names another host: a page elsewhere cannot reach the API by DNS rebinding. */
function addHostCheck(app: FastifyInstance, allowed: string[]): void {
  const names = new Set(allowed.map((h) => h.toLowerCase()));
  app.addHook('onRequest', async (request, reply) => {
    const host = (request.headers.host ?? '').toLowerCase();
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
    if (!names.has(name)) return sendError(reply, new HttpError(403, 'FORBIDDEN_HOST', `host ${JSON.stringify(host)} is not served here`));
  });
}
