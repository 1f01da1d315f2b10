// Reading a saved index file whole, in pieces: readFileSync (and one read(2)) stop at 2 GiB, but
// an index may be larger. The buffer is allocated once at the file's size and filled in place,
// so the peak is the file size, as before.
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import { constants as bufferConstants } from 'node:buffer';
import { TaohuaError } from '../errors.js';

/** The largest index this Node can hold in one buffer; saveIndex refuses to write a larger one. */
export const MAX_INDEX_BYTES = bufferConstants.MAX_LENGTH;

/** Bytes per read(2): below the 2 GiB a single read may return. */
export const READ_CHUNK_BYTES = 1 << 30;

export function readIndexFile(path: string, chunkBytes = READ_CHUNK_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    throw readError(e, path);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new TaohuaError('NOT_A_FILE', 'is a directory, not an index file', path);
    if (!st.isFile()) throw new TaohuaError('NOT_A_FILE', 'is not a regular file, not an index file', path);
    if (st.size > MAX_INDEX_BYTES) {
      throw new TaohuaError('TOO_LARGE', `index file is ${gib(st.size)}, more than the ${gib(MAX_INDEX_BYTES)} this Node can load`, path);
    }
    const buf = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, buf, at, Math.min(chunkBytes, st.size - at), at);
      if (n === 0) break; // the file shrank while we read: the length check reports it as truncated
      at += n;
    }
    return at === st.size ? buf : buf.subarray(0, at);
  } catch (e) {
    throw e instanceof TaohuaError ? e : readError(e, path);
  } finally {
    closeSync(fd);
  }
}

export function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
}

function readError(e: unknown, path: string): TaohuaError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new TaohuaError('NOT_FOUND', 'index file not found', path);
  if (code === 'EISDIR') return new TaohuaError('NOT_A_FILE', 'is a directory, not an index file', path);
  return new TaohuaError('UNREADABLE', `cannot read index: ${(e as Error).message}`, path);
}
