// What one request may cost the server. Every bound has a status: a body, text or report above its
// size → 413, a file that needs more work than the budget to extract → 422, a check that outlasts
// the budget → 503; slow clients are cut off by the socket timeouts below.

import type { ExtractLimits } from '../io/extract.js';

/** inflatedBytes and pdfPages bound each upload's extraction, as ExtractLimits does on the command line (tighter). */
export interface ServerLimits extends Pick<ExtractLimits, 'inflatedBytes' | 'pdfPages'> {
  /** Largest request body (JSON, text or uploaded file), bytes. */
  bodyBytes: number;
  /** Longest draft /api/check takes, in characters (UTF-16 code units) after decoding or extraction. */
  checkChars: number;
  /** Longest draft /api/report renders (the report's HTML is ~80 bytes per draft character). */
  reportChars: number;
  /** Wall-clock budget of one request's extraction and check, ms. */
  budgetMs: number;
  /** Heap of one extraction worker, MB (a file that needs more is refused, the server lives on). */
  extractHeapMb: number;
  /** Extractions running at once; more wait, and beyond `extractQueue` waiting → 503. */
  extractions: number;
  extractQueue: number;
  /** Open connections; beyond it new ones are closed at once. */
  connections: number;
  /** Time to receive the request headers, and the whole request, ms. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Idle time after which a keep-alive connection, or any socket without traffic, is closed, ms (at least the budget + 5 s). */
  keepAliveTimeoutMs: number;
  idleTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  bodyBytes: 20 * 1024 * 1024,
  checkChars: 1_000_000,
  reportChars: 200_000,
  inflatedBytes: 64 * 1024 * 1024,
  pdfPages: 5_000,
  budgetMs: 60_000,
  extractHeapMb: 512,
  extractions: 2,
  extractQueue: 16,
  connections: 256,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 65_000,
};

export function serverLimits(partial: Partial<ServerLimits> | undefined, bodyLimit?: number): ServerLimits {
  const limits = { ...DEFAULT_LIMITS, ...partial };
  if (bodyLimit !== undefined) limits.bodyBytes = bodyLimit;
  return limits;
}
