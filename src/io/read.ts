// Paths given by the user → documents. The only module here that touches the file system.

import { promises as fsp, type Dirent, type Stats } from 'node:fs';

import type { ErrorCode } from '../errors.js';
import type { InputProblem, SourceDoc } from '../types.js';
import { decodeBytes } from './decode.js';
import { extensionOf, extractText, TEXT_EXTENSIONS } from './extract.js';

export interface ReadOptions {
  /** Reads all of standard input; defaults to process.stdin. */
  stdin?: () => Promise<Uint8Array>;
  /**
   * Reads and decodes one file; defaults to readFileDoc here. Files are started as the walk finds
   * them and may finish in any order (a worker pool decodes them in parallel); results keep the
   * walk's order.
   */
  readFile?: (path: string) => Promise<ReadOneResult>;
}

/** A problem with one input; its code is always one of ErrorCode. */
export type IoProblem = InputProblem & { code: ErrorCode };

export interface ReadResult {
  docs: SourceDoc[];
  problems: IoProblem[];
}

/** Files read at the same time by readInputs. */
const READS_IN_FLIGHT = 32;

export type ReadOneResult = { ok: true; doc: SourceDoc } | { ok: false; problem: IoProblem };

/**
 * Reads files and folders (recursively: .txt .md .html .htm .docx .pdf, hidden entries and a
 * folder's README/LICENSE skipped,
 * symlinks followed, loops cut) and `-` for standard input. Documents come in argument order,
 * folder contents sorted by name; the same file reached twice is read once.
 */
export async function readInputs(paths: string[], opts: ReadOptions = {}): Promise<ReadResult> {
  // Every input in walk order: a file being read, or a problem found while walking.
  const slots: (Promise<ReadOneResult> | ReadOneResult)[] = [];
  const problems = { push: (problem: IoProblem): number => slots.push({ ok: false, problem }) };
  const readFile = opts.readFile ?? readFileDoc;
  const seenFiles = new Set<string>();
  let waited = 0;
  let stdinRead = false;

  const addFile = async (shown: string, realPath: string | null): Promise<void> => {
    if (realPath !== null) {
      if (seenFiles.has(realPath)) return;
      seenFiles.add(realPath);
    }
    // At most READS_IN_FLIGHT files open at once (thousands would run out of file handles).
    if (slots.length - waited >= READS_IN_FLIGHT) await slots[waited++];
    const r = readFile(shown);
    r.catch(() => undefined); // awaited below, in order; this only keeps it from being unhandled meanwhile
    slots.push(r);
  };

  const walk = async (shown: string, ancestors: Set<string>): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fsp.readdir(shown, { withFileTypes: true });
    } catch (e) {
      problems.push(fsProblem(shown, e));
      return;
    }
    const names = entries.map((e) => e.name).filter((n) => !n.startsWith('.') && !isFolderDoc(n));
    names.sort(compareNames);
    for (const name of names) {
      const child = joinShown(shown, name);
      const st = await statOrProblem(child, problems);
      if (st === null) continue;
      if (st.isDirectory()) {
        const real = await realpathOr(child);
        if (ancestors.has(real)) continue; // a symlink back up the tree
        const next = new Set(ancestors);
        next.add(real);
        await walk(child, next);
      } else if (st.isFile() && TEXT_EXTENSIONS.includes(extensionOf(name))) {
        await addFile(child, await realpathOr(child));
      }
    }
  };

  for (const p of paths) {
    if (p === '-') {
      if (stdinRead) continue;
      stdinRead = true;
      slots.push(await readStdin(opts));
      continue;
    }
    const st = await statOrProblem(p, problems);
    if (st === null) continue;
    if (st.isDirectory()) {
      const real = await realpathOr(p);
      await walk(p, new Set([real]));
    } else {
      await addFile(p, await realpathOr(p));
    }
  }
  const docs: SourceDoc[] = [];
  const found: IoProblem[] = [];
  for (const r of await Promise.all(slots)) {
    if (r.ok) docs.push(r.doc);
    else found.push(r.problem);
  }
  return { docs, problems: found };
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
  return readFileDoc(path);
}

/** Reads, extracts and decodes one file (what a pool worker runs when it reads for readInputs). */
export async function readFileDoc(path: string): Promise<ReadOneResult> {
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(path);
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
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

async function statOrProblem(path: string, problems: { push(p: IoProblem): unknown }): Promise<Stats | null> {
  try {
    return await fsp.stat(path);
  } catch (e) {
    problems.push(fsProblem(path, e));
    return null;
  }
}

async function realpathOr(path: string): Promise<string> {
  try {
    return await fsp.realpath(path);
  } catch {
    return path;
  }
}

function fsProblem(path: string, e: unknown): IoProblem {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return problem(path, 'NOT_FOUND', 'no such file or directory');
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

/** Code-point order, so that the listing is the same on every platform and locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
