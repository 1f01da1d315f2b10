// Paths given by the user → documents. The only module here that touches the file system.

import { constants as fsConstants, promises as fsp, type Stats } from 'node:fs';

import type { ErrorCode } from '../errors.js';
import type { InputProblem, SourceDoc } from '../types.js';
import { decodeBytes } from './decode.js';
import { extensionOf, extractText, TEXT_EXTENSIONS } from './extract.js';

/** The largest document taohua reads (file or standard input): beyond it, memory runs out first. */
export const MAX_INPUT_BYTES = 32 * 2 ** 20;

/** Node decodes command-line arguments as UTF-8, so a name given there that is not UTF-8 is lost. */
const NOT_UTF8_NAME =
  'no such file (the name is not valid UTF-8, so it cannot be passed on the command line: rename the file, or name its folder)';

type FsPath = string | Buffer;

export interface ReadOptions {
  /** Reads all of standard input; defaults to process.stdin. */
  stdin?: () => Promise<Uint8Array>;
  /** Called with each document as soon as it is read (in the order reads finish). */
  onDoc?: (doc: SourceDoc) => void;
}

/** A problem with one input; its code is always one of ErrorCode. */
export type IoProblem = InputProblem & { code: ErrorCode };

export interface ReadResult {
  docs: SourceDoc[];
  problems: IoProblem[];
}

export type ReadOneResult = { ok: true; doc: SourceDoc } | { ok: false; problem: IoProblem };

/**
 * Reads files and folders (recursively: .txt .md .html .htm .docx .pdf, hidden entries and a
 * folder's README/LICENSE skipped,
 * symlinks followed, loops cut) and `-` for standard input. Documents come in argument order,
 * folder contents sorted by name; the same file reached twice is read once. Look-ups and reads
 * overlap (IO_CONCURRENCY at a time); the order of documents and problems does not depend on it.
 */
export async function readInputs(paths: string[], opts: ReadOptions = {}): Promise<ReadResult> {
  const found = (await mapInOrder(paths, resolveArgument)).flat();
  // The same file (or standard input, keyed '') reached twice is read once, where first reached.
  const seen = new Set<string>();
  const kept = found.filter((f) => {
    if (f.kind === 'problem') return true;
    const key = f.kind === 'stdin' ? '' : f.real;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const read = await mapInOrder(kept, async (f): Promise<ReadOneResult> => {
    if (f.kind === 'problem') return { ok: false, problem: f.problem };
    const r = f.kind === 'stdin' ? await readStdin(opts) : await readFileDoc(f.shown, f.raw);
    if (r.ok) opts.onDoc?.(r.doc);
    return r;
  });
  const docs: SourceDoc[] = [];
  const problems: IoProblem[] = [];
  for (const r of read) {
    if (r.ok) docs.push(r.doc);
    else problems.push(r.problem);
  }
  return { docs, problems };
}

/** What a path names, in reading order: files to read, problems met, or standard input. */
type Found = { kind: 'file'; shown: string; raw: FsPath; real: string } | { kind: 'problem'; problem: IoProblem } | { kind: 'stdin' };

/** Files and folders are looked up this many at a time: each look-up waits on the file system. */
const IO_CONCURRENCY = 16;

/** fn over items, at most IO_CONCURRENCY at a time; results in the items' order. */
async function mapInOrder<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IO_CONCURRENCY, items.length) }, lane));
  return out;
}

async function resolveArgument(p: string): Promise<Found[]> {
  if (p === '-') return [{ kind: 'stdin' }];
  const st = await statOrProblem(p, p);
  if (!st.ok) return [st.found];
  if (st.stats.isDirectory()) return walk(p, p, new Set([await realpathOr(p)]));
  if (!st.stats.isFile()) return [{ kind: 'problem', problem: notRegular(p, st.stats) }];
  return [{ kind: 'file', shown: p, raw: p, real: await realpathOr(p) }];
}

async function walk(shown: string, raw: FsPath, ancestors: Set<string>): Promise<Found[]> {
  let names: Buffer[];
  try {
    // Names as bytes: a name that is not valid UTF-8 is still opened by its bytes.
    names = await fsp.readdir(raw, { encoding: 'buffer' });
  } catch (e) {
    return [{ kind: 'problem', problem: fsProblem(shown, e) }];
  }
  const kept = names.filter((n) => {
    const name = n.toString('utf8');
    return !name.startsWith('.') && !isFolderDoc(name);
  });
  kept.sort(Buffer.compare); // UTF-8 byte order is code-point order
  const children = await mapInOrder(kept, async (bytes): Promise<Found[]> => {
    const name = bytes.toString('utf8');
    const child = joinShown(shown, name);
    const childRaw = Buffer.from(name, 'utf8').equals(bytes) && typeof raw === 'string' ? child : joinRaw(raw, bytes);
    const st = await statOrProblem(child, childRaw);
    if (!st.ok) return [st.found];
    if (st.stats.isDirectory()) {
      const real = await realpathOr(childRaw);
      if (ancestors.has(real)) return []; // a symlink back up the tree
      return walk(child, childRaw, new Set([...ancestors, real]));
    }
    if (st.stats.isFile() && TEXT_EXTENSIONS.includes(extensionOf(name))) {
      return [{ kind: 'file', shown: child, raw: childRaw, real: await realpathOr(childRaw) }];
    }
    return [];
  });
  return children.flat();
}

/** Reads the one document `check` works on: a file, or `-` for standard input. */
export async function readOneFile(path: string, opts: ReadOptions = {}): Promise<ReadOneResult> {
  if (path === '-') return readStdin(opts);
  let st: Stats;
  try {
    st = await fsp.stat(path);
  } catch (e) {
    return { ok: false, problem: fsProblem(path, e) };
  }
  if (st.isDirectory()) return { ok: false, problem: problem(path, 'NOT_A_FILE', 'is a directory, not a file') };
  if (!st.isFile()) return { ok: false, problem: notRegular(path, st) };
  return readFileDoc(path, path);
}

async function readFileDoc(path: string, raw: FsPath): Promise<ReadOneResult> {
  let bytes: Uint8Array;
  try {
    const read = await readRegularFile(path, raw);
    if (!read.ok) return read;
    bytes = read.bytes;
  } catch (e) {
    return { ok: false, problem: fsProblem(path, e) };
  }
  const r = await extractText(path, bytes);
  if (!r.ok) return { ok: false, problem: problem(path, r.code, r.message) };
  if (!hasWords(r.text)) return { ok: false, problem: problem(path, 'EMPTY', emptiness(bytes.length, r.text)) };
  return { ok: true, doc: { path, text: r.text, format: r.format, encoding: r.encoding } };
}

async function readStdin(opts: ReadOptions): Promise<ReadOneResult> {
  let bytes: Uint8Array;
  try {
    bytes = await (opts.stdin ?? readProcessStdin)();
  } catch (e) {
    return { ok: false, problem: fsProblem('-', e) };
  }
  const r = decodeBytes(bytes);
  if (!r.ok) return { ok: false, problem: problem('-', r.code, r.message) };
  if (!hasWords(r.text)) return { ok: false, problem: problem('-', 'EMPTY', `standard input: ${emptiness(bytes.length, r.text)}`) };
  return { ok: true, doc: { path: '-', text: r.text, format: 'stdin', encoding: r.encoding } };
}

async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of process.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += b.length;
    if (bytes > MAX_INPUT_BYTES) throw Object.assign(new Error(tooLarge(bytes, true)), { code: 'TOO_LARGE' });
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * A regular file's bytes, refused above MAX_INPUT_BYTES before anything is read. The type and
 * size are checked again on the open handle: the path may have been swapped since stat.
 */
async function readRegularFile(path: string, raw: FsPath): Promise<{ ok: true; bytes: Buffer } | { ok: false; problem: IoProblem }> {
  const fh = await fsp.open(raw, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, problem: notRegular(path, st) };
    if (st.size > MAX_INPUT_BYTES) return { ok: false, problem: problem(path, 'TOO_LARGE', tooLarge(st.size, false)) };
    return { ok: true, bytes: await fh.readFile() };
  } finally {
    await fh.close();
  }
}

function tooLarge(bytes: number, stdin: boolean): string {
  const mb = (n: number): string => `${Math.round(n / 2 ** 20)} MB`;
  return `${stdin ? 'standard input' : 'file'} is too large (${stdin ? 'over ' : ''}${mb(bytes)}; taohua reads documents up to ${mb(MAX_INPUT_BYTES)})`;
}

function notRegular(path: string, st: Stats): IoProblem {
  const kind = st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device' : st.isFIFO() ? 'a named pipe' : st.isSocket() ? 'a socket' : 'special';
  return problem(path, 'NOT_A_FILE', kind === 'special' ? 'is not a regular file' : `is ${kind}, not a regular file`);
}

async function statOrProblem(path: string, raw: FsPath): Promise<{ ok: true; stats: Stats } | { ok: false; found: Found }> {
  try {
    return { ok: true, stats: await fsp.stat(raw) };
  } catch (e) {
    return { ok: false, found: { kind: 'problem', problem: fsProblem(path, e) } };
  }
}

/** The real path as a string key (a name that is not UTF-8 keeps its bytes in latin1 form). */
async function realpathOr(path: FsPath): Promise<string> {
  try {
    return typeof path === 'string' ? await fsp.realpath(path) : (await fsp.realpath(path, { encoding: 'buffer' })).toString('latin1');
  } catch {
    return typeof path === 'string' ? path : path.toString('latin1');
  }
}

function joinRaw(dir: FsPath, name: Buffer): Buffer {
  const d = typeof dir === 'string' ? Buffer.from(dir, 'utf8') : dir;
  const sep = d.length > 0 && d[d.length - 1] === 0x2f ? Buffer.alloc(0) : Buffer.from('/');
  return Buffer.concat([d, sep, name]);
}

function fsProblem(path: string, e: unknown): IoProblem {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return problem(path, 'NOT_FOUND', path.includes('\ufffd') ? NOT_UTF8_NAME : 'no such file or directory');
    case 'TOO_LARGE':
      return problem(path, 'TOO_LARGE', (e as Error).message);
    case 'ENOTDIR':
      return problem(path, 'NOT_FOUND', 'a part of the path is not a directory');
    case 'EACCES':
    case 'EPERM':
      return problem(path, 'UNREADABLE', 'permission denied');
    case 'ELOOP':
      return problem(path, 'UNREADABLE', 'too many levels of symbolic links');
    case 'EISDIR':
      return problem(path, 'NOT_A_FILE', 'is a directory, not a file');
    default: {
      const msg = e instanceof Error ? e.message : String(e);
      return problem(path, 'UNREADABLE', `cannot read (${msg.replace(/\s+/g, ' ').trim()})`);
    }
  }
}

function problem(path: string, code: ErrorCode, message: string): IoProblem {
  return { path, code, message };
}

/** The user's spelling of a folder joined with a name inside it, with '/' as the separator. */
function joinShown(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
}

/** A folder's own README or LICENSE describes the corpus; it is not part of it (name it to read it). */
function isFolderDoc(name: string): boolean {
  return /^(readme|license|licence|copying)(\.[a-z]+)?$/i.test(name);
}

/** Letters or digits anywhere: a file of only punctuation and white space has nothing to match. */
function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function emptiness(bytes: number, text: string): string {
  if (bytes === 0) return 'empty file';
  return text.trim() === '' ? 'no text (only white space)' : 'no text (only punctuation and white space)';
}
