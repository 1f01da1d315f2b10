// `taohua serve`: one page for editors and a JSON API over one index loaded once.
//
//   GET  /              the page (text box, file picker, Check; the report under them)
//   POST /api/check     JSON {text, name?} | text/plain | multipart file → taohua.check/1
//   POST /api/report    the same input → the report's HTML markup (what the page shows)
//   GET  /api/phrases   the corpus's phrase table (taohua.scan/1), computed once; ?top=N&minDocs=N
//   GET  /phrases       the scan page over the index (phrases-page.ts); ?groupBy=COLUMN
//   GET  /healthz       { ok: true, docs, units }

import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { CorpusIndex } from '../index/corpus-index.js';
import { normaliseOptions, type Options, type PartialOptions } from '../options.js';
import type { SourceDoc } from '../types.js';
import { createChecker, type Checker } from './checker.js';
import { Extractor } from './extractor.js';
import { reportScript } from './fragment.js';
import { addHostCheck, addOriginCheck, addSecurityHeaders, REPORT_CSP } from './guards.js';
import { fromFastifyError, HttpError, statusOf } from './http-errors.js';
import { decodePlainText, readDraftAndFields } from './input.js';
import type { CheckFields } from './check-fields.js';
import { serverLimits, type ServerLimits } from './limits.js';
import { APP_SCRIPT, PAGE_CSP, renderPage } from './page.js';
import { PhraseTable, phraseQuery } from './phrases.js';
import { registerPhrasesPage } from './phrases-page.js';
import type { Failure } from './tasks.js';
import { stopReason, WorkRegistry, type Work } from './work.js';

export const DEFAULT_BODY_LIMIT = 20 * 1024 * 1024;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export interface ServerOptions {
  /** The corpus index, loaded once and shared by every request. */
  index: CorpusIndex;
  /** The saved index file; when given, checks run on worker threads that each load it once. */
  indexPath?: string;
  /** Largest request body (JSON, text or uploaded file) in bytes; 20 MB by default (same as limits.bodyBytes). */
  bodyLimit?: number;
  /** What one request may cost (sizes, time budget, timeouts, connections); see limits.ts for defaults. */
  limits?: Partial<ServerLimits>;
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
  limits: ServerLimits;
  /** Work in flight: requests being served, and uploads being extracted. */
  busy(): { requests: number; extracting: number };
  close(): Promise<void>;
}

export async function createServer(opts: ServerOptions): Promise<Server> {
  const options = normaliseOptions(opts.options);
  const limits = serverLimits(opts.limits, opts.bodyLimit);
  const checker = createChecker({ index: opts.index, indexPath: opts.indexPath, threads: opts.threads ?? options.threads });
  const extractor = new Extractor(limits);
  const work = new WorkRegistry(limits.budgetMs);
  const phrases = new PhraseTable(checker, options);
  const warmUpStop = new AbortController(); // a close during the warm-up stops it too
  if (opts.warmUp ?? true) {
    const warming = warmUp(checker, opts.index, options, warmUpStop.signal);
    if (checker.threads === 0) await warming;
  }
  const app = Fastify({
    bodyLimit: limits.bodyBytes,
    logger: opts.logger ?? false,
    serverFactory: (handler) => httpServer(handler, limits),
  });

  await app.register(multipart, {
    limits: { fileSize: limits.bodyBytes, fieldSize: limits.bodyBytes, files: 1, fields: 8, parts: 9 },
    throwFileSizeLimit: true,
  });
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, decodePlainText(body as Buffer, request.headers['content-type']));
    } catch (e) {
      done(e as Error, undefined);
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const e = fromFastifyError(error);
    if (e.status >= 500) request.log.error(error);
    return sendError(reply, e);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new HttpError(404, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
  if (opts.allowedHosts !== undefined) addHostCheck(app, opts.allowedHosts, sendError);
  addOriginCheck(app, sendError);
  addSecurityHeaders(app);
  // Answers sent while closing (the 503s of stopped work) end their connection, so that the close
  // does not wait for idle keep-alive connections to time out.
  let closing = false;
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  const page = renderPage(opts.index.docs.length, opts.index.units.count);
  app.get('/', (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(page),
  );
  app.get('/app.js', (_request, reply) => reply.type('text/javascript; charset=utf-8').send(APP_SCRIPT));
  app.get('/report.js', (_request, reply) => reply.type('text/javascript; charset=utf-8').send(reportScript()));
  app.get('/healthz', async () => ({ ok: true, docs: opts.index.docs.length, units: opts.index.units.count }));

  const draft = (request: FastifyRequest, w: Work, chars: number): Promise<{ doc: SourceDoc; fields: CheckFields }> =>
    readDraftAndFields(request, { extractor, chars, signal: w.signal });

  app.post('/api/check', { bodyLimit: textBodyLimit(limits.checkChars, limits) }, async (request, reply) =>
    within(work.start(reply), async (w) => {
      const { doc, fields } = await draft(request, w, limits.checkChars);
      const outcome = await runCheck(checker, () => checker.check(doc, options, fields, w.signal));
      return reply.type('application/json; charset=utf-8').send(outcome.json);
    }),
  );
  app.post('/api/report', { bodyLimit: textBodyLimit(limits.reportChars, limits) }, async (request, reply) =>
    within(work.start(reply), async (w) => {
      const { doc, fields } = await draft(request, w, limits.reportChars);
      const outcome = await runCheck(checker, () => checker.report(doc, options, fields, w.signal));
      return reply.type('text/html; charset=utf-8').header('content-security-policy', REPORT_CSP).send(outcome.html);
    }),
  );
  app.get('/api/phrases', async (request) => phrases.get(phraseQuery(request.query)));
  registerPhrasesPage(app, opts.index, phrases);

  return {
    app,
    limits,
    busy: () => ({ requests: work.size, extracting: extractor.active }),
    close: async () => {
      closing = true;
      work.stopAll();
      warmUpStop.abort();
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
  busy: Server['busy'];
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
  return { url: `http://${shownHost}:${bound}/`, busy: server.busy, close: server.close };
}

/**
 * The largest JSON or text/plain body that can hold `chars` characters (a character takes at most
 * 6 bytes in JSON, as \uXXXX, and 4 in UTF-8 or GB18030): a larger one is refused with 413 while
 * it arrives, before it is parsed on this thread. Uploads (multipart) keep the whole body limit.
 */
function textBodyLimit(chars: number, limits: ServerLimits): number {
  return Math.min(limits.bodyBytes, chars * 6 + 64 * 1024);
}

/** Node's HTTP server with the socket limits: slow or silent clients are cut off, connections capped. */
function httpServer(handler: Parameters<typeof createHttpServer>[1], limits: ServerLimits): HttpServer {
  const server = createHttpServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often the two timeouts above are checked (Node's default, 30 s, would let them run late).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    handler,
  );
  server.maxConnections = limits.connections;
  // A socket is silent while its check runs: the idle timeout never cuts a request within its budget.
  server.setTimeout(Math.max(limits.idleTimeoutMs, limits.budgetMs + 5_000), (socket) => socket.destroy());
  return server;
}

/** Runs a request's work; when it was stopped, answers for the reason (the client may be gone). */
async function within<T>(w: Work, run: (w: Work) => Promise<T>): Promise<T> {
  try {
    return await run(w);
  } catch (e) {
    const reason = stopReason(e);
    if (reason === 'timeout') throw new HttpError(503, 'TIMEOUT', `the check took longer than the time budget (${w.budgetMs / 1000} s)`);
    if (reason !== undefined) throw new HttpError(503, 'BUSY', reason === 'shutdown' ? 'the server is shutting down' : 'the client went away');
    throw e;
  }
}

/** A check's outcome, or its failure as an HttpError; 503 at once when too many checks wait. */
async function runCheck<T extends { ok: true }>(checker: Checker, run: () => Promise<T | Failure>): Promise<T> {
  if (checker.full()) throw new HttpError(503, 'BUSY', 'too many checks waiting; try again shortly');
  const outcome = await run();
  if (!outcome.ok) throw new HttpError(statusOf(outcome.code), outcome.code, outcome.message);
  return outcome;
}

/** Checks a sentence of the corpus on every thread; failures surface on real requests, not here. */
async function warmUp(checker: Checker, index: CorpusIndex, options: Options, signal: AbortSignal): Promise<void> {
  if (index.units.count === 0) return;
  const doc = { path: 'warm-up.txt', text: index.unitText(0), format: 'txt' as const, encoding: 'utf-8' };
  const runs = Array.from({ length: Math.max(1, checker.threads) }, () => checker.check(doc, options, undefined, signal));
  await Promise.all(runs).catch(() => undefined); // also when the pool closes before the warm-up ends
}

function sendError(reply: FastifyReply, e: HttpError): FastifyReply {
  if (e.status === 503) reply.header('retry-after', '1');
  return reply.status(e.status).type('application/json; charset=utf-8').send(e.body());
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1', '[::1]'];

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
