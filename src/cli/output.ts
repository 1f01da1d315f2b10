import { promises as fsp } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { TaohuaError } from '../errors.js';

/** Writes a whole file aside and renames it into place, so a reader never sees half of it. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, path);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw new TaohuaError('UNREADABLE', `cannot write: ${(e as Error).message.split('\n')[0]}`, path);
  }
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
