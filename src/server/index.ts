// `taohua serve`: what the CLI and library users need.

export { createServer, startServer, DEFAULT_BODY_LIMIT, DEFAULT_HOST, DEFAULT_PORT } from './server.js';
export type { Server, ServerOptions, Started, StartOptions } from './server.js';
export type { ApiErrorBody, ApiErrorCode } from './http-errors.js';
