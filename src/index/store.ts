// Saving and loading a CorpusIndex.
//
// Why this format: the index is mostly large flat typed arrays (unit rows, uniques, the LSH
// table), so a binary file of raw little-endian sections loads with one read and one memcpy per
// section, where JSON would print and re-parse every number (measured on the gwr corpus by
// `npm run bench`: JSON of the unit layer alone is 38.5 MB and loads in 275 ms, the whole binary
// file with the span layer 33.2 MB in 53 ms). Small, irregular data (parameters, document
// metadata, chrome model) sits in a JSON header. Texts are
// UTF-16LE: offsets everywhere are UTF-16 indices, any JS string (even a lone surrogate) round-trips
// exactly, decoding is a copy, and CJK text takes 2 bytes a character rather than UTF-8's 3.
// Integrity: a fast non-cryptographic 256-bit digest over the whole file (checksum.ts: ~2.3 GB/s,
// computed while the file is read or written; it catches corruption, not an adversary); the recorded length tells truncation
// apart. Writes are atomic (temp file, fsync, rename, fsync of the directory).
import { promises as fsp } from 'node:fs';
import { endianness } from 'node:os';
import { dirname } from 'node:path';
import { createChecksum } from './checksum.js';
import { TaohuaError } from '../errors.js';
import type { CorpusIndex } from './corpus-index.js';
import { encodeIndex } from './store-encode.js';
import { decodeIndex } from './store-decode.js';
import { gib, MAX_INDEX_BYTES, readIndexFileHashed } from './store-read.js';
import { DIGEST_BYTES } from './store-layout.js';
import { removeOnSignal, removeStaleTemps, tempPathFor } from './store-cleanup.js';

export interface SaveOptions {
  /** Refuse to write a file larger than this (default: what loadIndex can read back). */
  maxBytes?: number;
}

function assertLittleEndian(path: string): void {
  if (endianness() !== 'LE') throw new TaohuaError('INTERNAL', 'saved indexes need a little-endian machine', path);
}

/** Writes the index to `path` atomically: a crash mid-write leaves any previous file intact. */
export async function saveIndex(index: CorpusIndex, path: string, o: SaveOptions = {}): Promise<void> {
  assertLittleEndian(path);
  const { chunks, totalBytes } = encodeIndex(index);
  const maxBytes = o.maxBytes ?? MAX_INDEX_BYTES;
  if (totalBytes > maxBytes) {
    // Never write what loadIndex would refuse: the previous file stays the user's good index.
    throw new TaohuaError('TOO_LARGE', `index would be ${gib(totalBytes)}, more than the ${gib(maxBytes)} taohua can load; the file was not written (split the corpus into several indexes)`, path);
  }
  removeStaleTemps(path);
  const tmp = tempPathFor(path);
  const forget = removeOnSignal(tmp);
  try {
    await writeAndSync(tmp, chunks);
    await fsp.rename(tmp, path);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw new TaohuaError('UNREADABLE', `cannot write index: ${(e as Error).message}`, path);
  } finally {
    forget();
  }
  await syncDirectory(dirname(path));
}

/** Writes the chunks and their checksum after them, then syncs. */
async function writeAndSync(file: string, chunks: Buffer[]): Promise<void> {
  const fh = await fsp.open(file, 'w');
  try {
    const hash = createChecksum();
    // writev takes at most IOV_MAX buffers at a time. Each group is hashed while the thread pool
    // writes it, so the checksum costs no wall time of its own.
    for (let i = 0; i < chunks.length; i += 512) {
      const group = chunks.slice(i, i + 512);
      const written = writeAll(fh, group);
      for (const c of group) hash.update(c);
      await written;
    }
    await writeAll(fh, [hash.digest()]);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function writeAll(fh: fsp.FileHandle, bufs: Buffer[]): Promise<void> {
  let rest = bufs;
  while (rest.length > 0) {
    let { bytesWritten } = await fh.writev(rest);
    // A short write: drop what was written and go on with the remainder.
    while (rest.length > 0 && bytesWritten >= rest[0].length) {
      bytesWritten -= rest[0].length;
      rest = rest.slice(1);
    }
    if (rest.length > 0 && bytesWritten > 0) rest = [rest[0].subarray(bytesWritten), ...rest.slice(1)];
  }
}

/** Makes the rename durable; some platforms cannot open a directory, which is not an error. */
async function syncDirectory(dir: string): Promise<void> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(dir, 'r');
    await fh.sync();
  } catch {
    // best effort
  } finally {
    await fh?.close();
  }
}

/** Reads and verifies a saved index; throws TaohuaError (INDEX_CORRUPT, INDEX_VERSION, NOT_FOUND …). */
export async function loadIndex(path: string): Promise<CorpusIndex> {
  assertLittleEndian(path);
  // Reads of 32 MB on the thread pool, each hashed while the next is read (fs.promises.readFile
  // goes in 512 KB pieces and took about half of the load time of a large index).
  const { buf, digest } = await readIndexFileHashed(path, DIGEST_BYTES);
  return decodeIndex(buf, path, digest);
}
