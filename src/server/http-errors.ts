// Every failure the server reports is `{ error: { code, message } }` with a status; this file maps codes to statuses.

import type { ErrorCode } from '../errors.js';

/** The API's error codes: the library's codes plus the HTTP-level ones. */
export type ApiErrorCode =
  | ErrorCode
  | 'BODY_TOO_LARGE'
  | 'MALFORMED_JSON'
  | 'BAD_REQUEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NOT_FOUND'
  | 'FORBIDDEN_HOST'
  | 'FORBIDDEN_ORIGIN'
  | 'TOO_LARGE'
  | 'EXTRACT_TIMEOUT'
  | 'TIMEOUT'
  | 'BUSY';

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** The status for a problem the library reports about an input or a run. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'USAGE':
    case 'EMPTY':
      return 400;
    case 'UNSUPPORTED':
      return 415;
    case 'BINARY':
    case 'UNDECODABLE':
    case 'NO_TEXT':
      return 422;
    default:
      return 500;
  }
}

/** Fastify's own errors (body parsing, limits) → an HttpError with our code. */
export function fromFastifyError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  const err = e as { statusCode?: unknown; code?: unknown; message?: unknown } | null;
  const status = typeof err?.statusCode === 'number' ? err.statusCode : 500;
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : 'internal error';
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new HttpError(400, 'BAD_REQUEST', 'send one file (field "file") per request');
  }
  if (status === 413 || code === 'FST_REQ_FILE_TOO_LARGE') {
    return new HttpError(413, 'BODY_TOO_LARGE', 'the request body is larger than the server accepts');
  }
  if (status === 415 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send JSON {"text": "…"}, text/plain or multipart/form-data with a file');
  }
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (status === 400 && e instanceof SyntaxError)) {
    return new HttpError(400, 'MALFORMED_JSON', `malformed JSON body (${oneLine(message)})`);
  }
  if (status >= 400 && status < 500) return new HttpError(status, 'BAD_REQUEST', oneLine(message));
  return new HttpError(500, 'INTERNAL', 'internal error');
}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 300);
}
