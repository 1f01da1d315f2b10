// The --meta file from disk (any encoding the corpus reader accepts: Excel writes GB18030 or UTF-16).
import { promises as fsp } from 'node:fs';
import { TaohuaError, type ErrorCode } from '../errors.js';
import { decodeBytes } from '../io/decode.js';
import { parseMetaTable, type MetaTable } from './doc-meta.js';

export async function loadMetaTable(file: string): Promise<MetaTable> {
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const [ec, message]: [ErrorCode, string] =
      code === 'ENOENT' ? ['NOT_FOUND', 'no such file'] : code === 'EISDIR' ? ['NOT_A_FILE', 'is a directory, not a file'] : ['UNREADABLE', 'cannot read'];
    throw new TaohuaError(ec, message, file);
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new TaohuaError(decoded.code, decoded.message, file);
  return parseMetaTable(decoded.text, file);
}
