// Reading a saved index file whole, in pieces: readFileSync (and one read(2)) stop at 2 GiB, but
// an index may be larger. The buffer is allocated once at the file's size and filled in place,
// so the peak is the file size, as before.
import { constants as fsConstants, promises as fsp, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createChecksum } from './checksum.js';
import { constants as bufferConstants } from 'node:buffer';
import { TaohuaError } from '../errors.js';

/** The largest index this Node can hold in one buffer; saveIndex refuses to write a larger one. */
export const MAX_INDEX_BYTES = bufferConstants.MAX_LENGTH;

/** Bytes per read while hashing: each piece is hashed while the next one is read. */
export const HASHED_READ_BYTES = 32 << 20;

/**
 * A saved index file whole, and the checksum of all but its last `digestBytes`, computed on the
 * way: the reads run on the thread pool while this thread hashes the piece before (the two took
 * about the same time one after the other). The digest is only meaningful when the whole file was read.
 */
export async function readIndexFileHashed(path: string, digestBytes: number, chunkBytes = HASHED_READ_BYTES): Promise<{ buf: Buffer; digest: Buffer }> {
  let fh: FileHandle;
  try {
    fh = await fsp.open(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    throw readError(e, path);
  }
  try {
    const st = await fh.stat();
    checkIndexStats(st, path);
    const buf = Buffer.allocUnsafe(st.size);
    const end = Math.max(0, st.size - digestBytes);
    const hash = createChecksum();
    const readAt = (at: number): Promise<number> => fh.read(buf, at, Math.min(chunkBytes, st.size - at), at).then((r) => r.bytesRead);
    let at = 0;
    let next = st.size > 0 ? readAt(0) : undefined;
    while (next) {
      const n = await next;
      const from = at;
      at += n;
      next = n > 0 && at < st.size ? readAt(at) : undefined; // 0: the file shrank; the length check reports it
      if (from < end) hash.update(buf.subarray(from, Math.min(at, end)));
    }
    return { buf: at === st.size ? buf : buf.subarray(0, at), digest: hash.digest() };
  } catch (e) {
    throw e instanceof TaohuaError ? e : readError(e, path);
  } finally {
    await fh.close();
  }
}

function checkIndexStats(st: Stats, path: string): void {
  if (st.isDirectory()) throw new TaohuaError('NOT_A_FILE', 'is a directory, not an index file', path);
  if (!st.isFile()) throw new TaohuaError('NOT_A_FILE', 'is not a regular file, not an index file', path);
  if (st.size > MAX_INDEX_BYTES) {
    throw new TaohuaError('TOO_LARGE', `index file is ${gib(st.size)}, more than the ${gib(MAX_INDEX_BYTES)} this Node can load`, path);
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
