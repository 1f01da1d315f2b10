// Request guards: the Host header (against DNS rebinding), the Origin of POSTs (against cross-site
// form posts), and the headers every answer carries.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-errors.js';

/** What an answer without a policy of its own may do: nothing (JSON, scripts). */
const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The report fragment opened on its own: its inline styles apply, nothing else does. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', DEFAULT_CSP);
  });
}

/** Refuses requests whose Host header names another host: a page elsewhere cannot reach the API by DNS rebinding. */
export function addHostCheck(app: FastifyInstance, allowed: string[], send: (reply: FastifyReply, e: HttpError) => FastifyReply): void {
  const names = new Set(allowed.map((h) => h.toLowerCase()));
  app.addHook('onRequest', async (request, reply) => {
    const host = (request.headers.host ?? '').toLowerCase();
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
    if (!names.has(name)) return send(reply, new HttpError(403, 'FORBIDDEN_HOST', `host ${JSON.stringify(host)} is not served here`));
  });
}

/**
 * Refuses a POST that a browser sends on behalf of another site: its Origin header names another
 * origin than the one the request is addressed to (Host), or is "null" (sandboxed or local pages),
 * or Sec-Fetch-Site says cross-site. Clients that send no Origin (curl, scripts) are not browsers
 * acting for a web page, and pass.
 */
export function addOriginCheck(app: FastifyInstance, send: (reply: FastifyReply, e: HttpError) => FastifyReply): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    const problem = crossSite(request);
    if (problem !== undefined) return send(reply, new HttpError(403, 'FORBIDDEN_ORIGIN', problem));
  });
}

function crossSite(request: FastifyRequest): string | undefined {
  if (request.headers['sec-fetch-site'] === 'cross-site') return 'cross-site requests are refused';
  const origin = request.headers.origin;
  if (origin === undefined) return undefined;
  const host = (request.headers.host ?? '').toLowerCase();
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return `origin ${JSON.stringify(origin)} is refused`;
  }
  return originHost === host ? undefined : `origin ${JSON.stringify(origin)} is not this server (${host})`;
}
