// Saving and loading a CorpusIndex.
//
// Why this format: the index is mostly large flat typed arrays (unit rows, uniques, the LSH
// table), so a binary file of raw little-endian sections loads with one read and one memcpy per
// section, where JSON would print and re-parse every number (measured on the gwr corpus by
// `npm run bench`: JSON of the same data is 38.5 MB vs 20.4 MB and loads in 959 ms vs 102 ms). Small,
// irregular data (parameters, document metadata, chrome model) sits in a JSON header. Texts are
// UTF-16LE: offsets everywhere are UTF-16 indices, any JS string (even a lone surrogate) round-trips
// exactly, decoding is a copy, and CJK text takes 2 bytes a character rather than UTF-8's 3.
// Integrity: SHA-256 over the whole file (native, ~1.2 GB/s here, so ~0.1 s for a large index)
// catches any corruption, not just the burst errors a CRC is designed for; the recorded length
// tells truncation apart. Writes are atomic (temp file, fsync, rename, fsync of the directory).
import { promises as fsp, readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { dirname } from 'node:path';
import { createChecksum } from './checksum.js';
import { TaohuaError } from '../errors.js';
import type { CorpusIndex } from './corpus-index.js';
import { encodeIndex } from './store-encode.js';
import { decodeIndex } from './store-decode.js';

function assertLittleEndian(path: string): void {
  if (endianness() !== 'LE') throw new TaohuaError('INTERNAL', 'saved indexes need a little-endian machine', path);
}

/** Writes the index to `path` atomically: a crash mid-write leaves any previous file intact. */
export async function saveIndex(index: CorpusIndex, path: string): Promise<void> {
  assertLittleEndian(path);
  const { chunks } = encodeIndex(index);
  const hash = createChecksum();
  for (const c of chunks) hash.update(c);
  chunks.push(hash.digest());
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await writeAndSync(tmp, chunks);
    await fsp.rename(tmp, path);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw new TaohuaError('UNREADABLE', `cannot write index: ${(e as Error).message}`, path);
  }
  await syncDirectory(dirname(path));
}

async function writeAndSync(file: string, chunks: Buffer[]): Promise<void> {
  const fh = await fsp.open(file, 'w');
  try {
    // writev takes at most IOV_MAX buffers at a time.
    for (let i = 0; i < chunks.length; i += 512) await writeAll(fh, chunks.slice(i, i + 512));
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
  let buf: Buffer;
  try {
    // One blocking read: fs.promises.readFile goes through the thread pool in 512 KB pieces and
    // took about half of the load time of a large index.
    buf = readFileSync(path);
  } catch (e) {
    throw readError(e, path);
  }
  return decodeIndex(buf, path);
}

function readError(e: unknown, path: string): TaohuaError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new TaohuaError('NOT_FOUND', 'index file not found', path);
  if (code === 'EISDIR') return new TaohuaError('NOT_A_FILE', 'is a directory, not an index file', path);
  return new TaohuaError('UNREADABLE', `cannot read index: ${(e as Error).message}`, path);
}
