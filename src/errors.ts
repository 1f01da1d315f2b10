// User mistakes are values with a code; the CLI maps a code to one stderr line and an exit code.

export type ErrorCode =
  | 'USAGE' // unknown option, missing value, bad number
  | 'NOT_FOUND' // path does not exist
  | 'NOT_A_FILE' // a directory where a file is expected
  | 'UNREADABLE' // permission denied, I/O error
  | 'BINARY' // not text
  | 'UNDECODABLE' // no encoding fits
  | 'EMPTY' // nothing to work on
  | 'UNSUPPORTED' // file type taohua cannot read
  | 'NO_TEXT' // e.g. a scanned PDF
  | 'TOO_LARGE' // an input above the documented size limit
  | 'INDEX_CORRUPT' // checksum or structure wrong
  | 'INDEX_MISMATCH' // parameters differ from the index's
  | 'INDEX_VERSION' // written by another format version
  | 'INDEX_BUSY' // another taohua process holds the index's lock
  | 'REDIS' // distributed backend unreachable or failed
  | 'INTERNAL';

export const EXIT_CODES: Record<ErrorCode, number> = {
  USAGE: 2,
  NOT_FOUND: 3,
  NOT_A_FILE: 3,
  UNREADABLE: 3,
  BINARY: 4,
  UNDECODABLE: 4,
  EMPTY: 4,
  UNSUPPORTED: 4,
  NO_TEXT: 4,
  TOO_LARGE: 4,
  INDEX_CORRUPT: 5,
  INDEX_MISMATCH: 5,
  INDEX_VERSION: 5,
  INDEX_BUSY: 7,
  REDIS: 6,
  INTERNAL: 70,
};

export class TaohuaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'TaohuaError';
  }
}

export function isTaohuaError(e: unknown): e is TaohuaError {
  return e instanceof TaohuaError;
}
