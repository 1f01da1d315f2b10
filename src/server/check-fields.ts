// The editor's toggles as API fields: JSON keys or multipart form fields next to the draft.
import { HttpError } from './http-errors.js';

export interface CheckFields {
  noQuotes?: boolean;
  noHeadings?: boolean;
  minMatch?: number;
  /** Text that may be reused (pasted, or read from a file by the page). */
  allow?: string;
}

export const FIELD_NAMES = ['noQuotes', 'noHeadings', 'minMatch', 'allow'] as const;

function flag(name: string, v: unknown): boolean | undefined {
  if (v === undefined || typeof v === 'boolean') return v;
  if (v === 'true' || v === '1' || v === 'on') return true;
  if (v === 'false' || v === '0' || v === '') return false;
  throw new HttpError(400, 'BAD_REQUEST', `"${name}" must be true or false`);
}

function count(name: string, v: unknown): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 10_000) throw new HttpError(400, 'BAD_REQUEST', `"${name}" must be a whole number from 0 to 10000`);
  return n;
}

/** The fields from a JSON body or a multipart form's text fields. */
export function checkFields(o: Record<string, unknown>): CheckFields {
  const allow = o.allow;
  if (allow !== undefined && typeof allow !== 'string') throw new HttpError(400, 'BAD_REQUEST', '"allow" must be a string');
  const fields: CheckFields = {
    noQuotes: flag('noQuotes', o.noQuotes),
    noHeadings: flag('noHeadings', o.noHeadings),
    minMatch: count('minMatch', o.minMatch),
    allow: allow?.trim() ? allow : undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as CheckFields;
}
