// The inflated size of a zip's entries, measured by inflating them (never trusting the sizes the
// headers declare) and stopping as soon as a cap is passed: a .docx bomb is refused after at most
// `cap` bytes of work, before the .docx reader inflates it all into memory.

import { inflateRawSync } from 'node:zlib';

export type InflatedSize = { ok: true; bytes: number } | { ok: false; reason: 'over' | 'malformed'; message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Total inflated size of the entries `counted` accepts; `over` as soon as it passes `cap`. */
export function inflatedSize(zip: Uint8Array, cap: number, counted: (name: string) => boolean = () => true): InflatedSize {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfCentralDirectory(buf);
  if (end < 0) return malformed('no zip directory');
  const entries = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return malformed('broken zip directory');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (!counted(name)) continue;
    const size = entrySize(buf, local, method, compressed, cap - total);
    if (size === 'over') return { ok: false, reason: 'over', message: `inflates to more than ${cap} bytes` };
    if (size === 'malformed') return malformed(`broken zip entry ${name}`);
    total += size;
  }
  return { ok: true, bytes: total };
}

function entrySize(buf: Buffer, local: number, method: number, compressed: number, room: number): number | 'over' | 'malformed' {
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return 'malformed';
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(start, Math.min(buf.length, start + compressed));
  if (method === 0) return data.length > room ? 'over' : data.length;
  if (method !== 8) return 'malformed';
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, room) }).length;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : 'malformed';
  }
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function malformed(message: string): InflatedSize {
  return { ok: false, reason: 'malformed', message };
}
