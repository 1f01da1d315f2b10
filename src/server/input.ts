// A request body → the draft to check: JSON {text, name?}, text/plain (in its charset), or
// multipart with a `file` (and optionally `text` / `name` fields). Every mistake is an HttpError
// with a 4xx status. Files are extracted by the Extractor, off this thread.

import { TextDecoder } from 'node:util';
import type { FastifyRequest } from 'fastify';
import type { SourceDoc } from '../types.js';
import { extensionOf, TEXT_EXTENSIONS } from '../io/extract.js';
import type { Extractor } from './extractor.js';
import { fromFastifyError, HttpError, oneLine, statusOf } from './http-errors.js';
import { stopReason } from './work.js';
import { checkFields, FIELD_NAMES, type CheckFields } from './check-fields.js';

export const DEFAULT_NAME = 'draft.txt';
const MAX_NAME = 200;

/** The accept attribute of the page's file picker and the extensions uploads may have. */
export const UPLOAD_EXTENSIONS: readonly string[] = TEXT_EXTENSIONS;

export interface DraftBounds {
  extractor: Extractor;
  /** Longest text accepted, characters. */
  chars: number;
  signal: AbortSignal;
}

export async function readDraft(request: FastifyRequest, bounds: DraftBounds): Promise<SourceDoc> {
  return (await readDraftAndFields(request, bounds)).doc;
}

/** The draft and the editor's toggles sent with it (JSON keys or form fields, see check-fields.ts). */
export async function readDraftAndFields(request: FastifyRequest, bounds: DraftBounds): Promise<{ doc: SourceDoc; fields: CheckFields }> {
  if (request.isMultipart()) return readMultipart(request, bounds);
  const body: unknown = request.body;
  if (typeof body === 'string') return { doc: textDraft(body, DEFAULT_NAME, bounds.chars), fields: {} };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'BAD_REQUEST', 'send a JSON object {"text": "…", "name": "draft.txt"}');
  }
  const { text, name } = body as { text?: unknown; name?: unknown };
  if (typeof text !== 'string') throw new HttpError(400, 'BAD_REQUEST', '"text" must be a string');
  if (name !== undefined && typeof name !== 'string') throw new HttpError(400, 'BAD_REQUEST', '"name" must be a string');
  return { doc: textDraft(text, cleanName(name ?? DEFAULT_NAME), bounds.chars), fields: checkFields(body as Record<string, unknown>) };
}

function textDraft(text: string, name: string, chars: number): SourceDoc {
  if (text.trim() === '') throw new HttpError(400, 'EMPTY', 'the draft is empty: paste some text or choose a file');
  if (text.length > chars) throw tooLong(name, text.length, chars);
  return { path: name, text, format: 'txt', encoding: 'utf-8' };
}

function tooLong(name: string, length: number | undefined, chars: number): HttpError {
  const got = length === undefined ? 'longer than' : `${length} characters, more than`;
  return new HttpError(413, 'TOO_LARGE', `${name}: ${got} ${chars} characters this request accepts`);
}

async function readMultipart(request: FastifyRequest, bounds: DraftBounds): Promise<{ doc: SourceDoc; fields: CheckFields }> {
  const extra: Record<string, unknown> = {};
  let text: string | undefined;
  let name: string | undefined;
  let file: { name: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Read every file part to the end, so that the request is consumed; keep the first.
        const bytes = await part.toBuffer();
        if (file === undefined && part.fieldname === 'file') file = { name: part.filename, bytes };
      } else if (part.fieldname === 'text' && typeof part.value === 'string') {
        text = part.value;
      } else if (part.fieldname === 'name' && typeof part.value === 'string') {
        name = part.value;
      } else if ((FIELD_NAMES as readonly string[]).includes(part.fieldname) && typeof part.value === 'string') {
        extra[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    // Limits keep their status; anything else the form parser throws (no boundary, a body that
    // ends mid-part) is a malformed request.
    const h = fromFastifyError(e);
    if (h.status < 500) throw h;
    throw new HttpError(400, 'BAD_REQUEST', `malformed multipart body (${oneLine(e instanceof Error ? e.message : String(e))})`);
  }
  const fields = checkFields(extra);
  if (file !== undefined) return { doc: await fileDraft(cleanName(name ?? file.name), file.bytes, bounds), fields };
  if (text !== undefined) return { doc: textDraft(text, cleanName(name ?? DEFAULT_NAME), bounds.chars), fields };
  throw new HttpError(400, 'EMPTY', 'no file (field "file") and no text (field "text") in the form');
}

export async function fileDraft(name: string, bytes: Uint8Array, bounds: DraftBounds): Promise<SourceDoc> {
  const ext = extensionOf(name);
  if (!UPLOAD_EXTENSIONS.includes(ext)) {
    throw new HttpError(415, 'UNSUPPORTED', `unsupported file type ${ext === '' ? '(no extension)' : ext}: use ${UPLOAD_EXTENSIONS.join(' ')}`);
  }
  if (bytes.length === 0) throw new HttpError(400, 'EMPTY', `${name}: the file is empty`);
  let r;
  try {
    r = await bounds.extractor.extract(name, bytes, bounds.chars, bounds.signal);
  } catch (e) {
    if (stopReason(e) === 'timeout') throw new HttpError(422, 'EXTRACT_TIMEOUT', `${name}: reading the file takes longer than this request's time budget`);
    if (e instanceof HttpError) throw new HttpError(e.status, e.code, `${name}: ${e.message}`);
    throw e;
  }
  if (!r.ok && r.tooLarge === true) throw new HttpError(413, 'TOO_LARGE', `${name}: ${r.message}`);
  if (!r.ok) throw new HttpError(statusOf(r.code), r.code, `${name}: ${r.message}`);
  if (r.text.trim() === '') throw new HttpError(400, 'EMPTY', `${name}: no text (only white space)`);
  return { path: name, text: r.text, format: r.format, encoding: r.encoding };
}

/** A text/plain body in the charset its Content-Type names (UTF-8 when it names none). */
export function decodePlainText(body: Buffer, contentType: string | undefined): string {
  const label = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: label !== 'utf-8' && label !== 'utf8' });
  } catch {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `unknown charset ${JSON.stringify(label)}`);
  }
  try {
    return decoder.decode(body);
  } catch {
    throw new HttpError(422, 'UNDECODABLE', `the body is not valid ${decoder.encoding}`);
  }
}

/** A file name as shown in the report: the base name, no control characters, bounded length. */
export function cleanName(raw: string): string {
  const base = raw.slice(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, MAX_NAME);
  return clean === '' ? DEFAULT_NAME : clean;
}
