// A request body → the draft to check: JSON {text, name?}, text/plain, or multipart with a `file`
// (and optionally `text` / `name` fields). Every mistake is an HttpError with a 4xx status.

import type { FastifyRequest } from 'fastify';
import type { SourceDoc } from '../types.js';
import { extensionOf, extractText, TEXT_EXTENSIONS } from '../io/extract.js';
import { HttpError, statusOf } from './http-errors.js';
import { checkFields, FIELD_NAMES, type CheckFields } from './check-fields.js';

export const DEFAULT_NAME = 'draft.txt';
const MAX_NAME = 200;

/** The accept attribute of the page's file picker and the extensions uploads may have. */
export const UPLOAD_EXTENSIONS: readonly string[] = TEXT_EXTENSIONS;

export async function readDraft(request: FastifyRequest): Promise<SourceDoc> {
  return (await readDraftAndFields(request)).doc;
}

/** The draft and the editor's toggles sent with it (JSON keys or form fields, see check-fields.ts). */
export async function readDraftAndFields(request: FastifyRequest): Promise<{ doc: SourceDoc; fields: CheckFields }> {
  if (request.isMultipart()) return readMultipart(request);
  const body: unknown = request.body;
  if (typeof body === 'string') return { doc: textDraft(body, DEFAULT_NAME), fields: {} };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'BAD_REQUEST', 'send a JSON object {"text": "…", "name": "draft.txt"}');
  }
  const { text, name } = body as { text?: unknown; name?: unknown };
  if (typeof text !== 'string') throw new HttpError(400, 'BAD_REQUEST', '"text" must be a string');
  if (name !== undefined && typeof name !== 'string') throw new HttpError(400, 'BAD_REQUEST', '"name" must be a string');
  return { doc: textDraft(text, cleanName(name ?? DEFAULT_NAME)), fields: checkFields(body as Record<string, unknown>) };
}

function textDraft(text: string, name: string): SourceDoc {
  if (text.trim() === '') throw new HttpError(400, 'EMPTY', 'the draft is empty: paste some text or choose a file');
  return { path: name, text, format: 'txt', encoding: 'utf-8' };
}

async function readMultipart(request: FastifyRequest): Promise<{ doc: SourceDoc; fields: CheckFields }> {
  const extra: Record<string, unknown> = {};
  let text: string | undefined;
  let name: string | undefined;
  let file: { name: string; bytes: Buffer } | undefined;
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
  const fields = checkFields(extra);
  if (file !== undefined) return { doc: await fileDraft(cleanName(name ?? file.name), file.bytes), fields };
  if (text !== undefined) return { doc: textDraft(text, cleanName(name ?? DEFAULT_NAME)), fields };
  throw new HttpError(400, 'EMPTY', 'no file (field "file") and no text (field "text") in the form');
}

export async function fileDraft(name: string, bytes: Uint8Array): Promise<SourceDoc> {
  const ext = extensionOf(name);
  if (!UPLOAD_EXTENSIONS.includes(ext)) {
    throw new HttpError(415, 'UNSUPPORTED', `unsupported file type ${ext === '' ? '(no extension)' : ext}: use ${UPLOAD_EXTENSIONS.join(' ')}`);
  }
  if (bytes.length === 0) throw new HttpError(400, 'EMPTY', `${name}: the file is empty`);
  const r = await extractText(name, bytes);
  if (!r.ok) throw new HttpError(statusOf(r.code), r.code, `${name}: ${r.message}`);
  if (r.text.trim() === '') throw new HttpError(400, 'EMPTY', `${name}: no text (only white space)`);
  return { path: name, text: r.text, format: r.format, encoding: r.encoding };
}

/** A file name as shown in the report: the base name, no control characters, bounded length. */
export function cleanName(raw: string): string {
  const base = raw.slice(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, MAX_NAME);
  return clean === '' ? DEFAULT_NAME : clean;
}
