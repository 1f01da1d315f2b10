import { promises as fsp, type Stats } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { TaohuaError } from '../errors.js';
import { removeOnSignal } from '../index/store-cleanup.js';

/**
 * Refuses to write `path` when it exists and is not a regular file (a device, pipe, folder or
 * symlink: a rename would replace the node itself), or when it is one of the inputs (same real
 * path): `check X --html X`, `index D -o D/a.txt`. Call it before writing, with every input read.
 */
export async function guardOutput(path: string, inputs: readonly string[], option: string): Promise<void> {
  let st: Stats;
  try {
    st = await fsp.lstat(path);
  } catch {
    return; // nothing there yet (or unreachable: the write will say why)
  }
  if (st.isSymbolicLink()) throw new TaohuaError('NOT_A_FILE', `${option} is a symbolic link; taohua only writes over regular files (give the real path or another name)`, path);
  if (!st.isFile()) throw new TaohuaError('NOT_A_FILE', `${option} is ${nodeKind(st)}, not a regular file; taohua will not write over it`, path);
  const real = await fsp.realpath(path);
  for (const input of inputs) {
    if (input === '-') continue;
    const other = await fsp.realpath(input).catch(() => null);
    if (other === real) throw new TaohuaError('USAGE', `${option} would overwrite an input (${input}); choose another output file`, path);
  }
}

function nodeKind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

/** Writes a whole file aside and renames it into place, so a reader never sees half of it. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  const forget = removeOnSignal(tmp);
  try {
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, path);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw new TaohuaError('UNREADABLE', `cannot write: ${(e as Error).message.split('\n')[0]}`, path);
  } finally {
    forget();
  }
}

/** Writes pieces to stdout in blocks of about 1 MB, waiting whenever the pipe is full. */
export async function writeStdoutChunks(chunks: Iterable<string>): Promise<void> {
  let block = '';
  const flush = async (): Promise<void> => {
    const ok = process.stdout.write(block);
    block = '';
    if (!ok) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  };
  for (const c of chunks) {
    block += c;
    if (block.length >= 1 << 20) await flush();
  }
  if (block.length > 0) await flush();
}

export function writeStdout(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function warn(line: string): void {
  process.stderr.write(`taohua: ${line}\n`);
}

export function useColor(flags: { 'no-color'?: boolean; color?: boolean }): boolean {
  if (flags['no-color'] || process.env.NO_COLOR) return false;
  return flags.color === true || process.stdout.isTTY === true;
}
