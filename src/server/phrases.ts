// GET /api/phrases: the corpus's phrase table, scanned once (on first request, off the event loop)
// and cached; each request filters the cached table.

import type { Options } from '../options.js';
import type { ScanResult } from '../types.js';
import { filterPhrases, sortPhrases } from '../report/sort.js';
import type { Checker } from './checker.js';
import { HttpError, statusOf } from './http-errors.js';

export interface PhraseQuery {
  top?: number;
  minDocs?: number;
}

export class PhraseTable {
  private table: Promise<ScanResult> | undefined;

  constructor(
    private readonly checker: Checker,
    private readonly options: Options,
  ) {}

  /** The table, phrases found in most documents first; a failed scan is retried next time. */
  async get(query: PhraseQuery): Promise<ScanResult> {
    const floor = this.options.match.minDocs;
    if (query.minDocs !== undefined && query.minDocs < floor) {
      throw new HttpError(400, 'USAGE', `minDocs below ${floor} needs a new scan: start serve with --min-docs ${query.minDocs}`);
    }
    this.table ??= this.scan();
    let table: ScanResult;
    try {
      table = await this.table;
    } catch (e) {
      this.table = undefined;
      throw e;
    }
    return { ...table, phrases: filterPhrases(table.phrases, { top: query.top, minDocs: query.minDocs }) };
  }

  private async scan(): Promise<ScanResult> {
    const outcome = await this.checker.scan(this.options);
    if (!outcome.ok) throw new HttpError(statusOf(outcome.code), outcome.code, outcome.message);
    return { ...outcome.result, phrases: sortPhrases(outcome.result.phrases, 'docFreq') };
  }
}

const PHRASE_PARAMS = ['top', 'minDocs'];

/** ?top=N&minDocs=N → numbers; any other parameter or value is a 400. */
export function phraseQuery(raw: unknown): PhraseQuery {
  const q = (raw ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(q).find((k) => !PHRASE_PARAMS.includes(k));
  if (unknown !== undefined) throw new HttpError(400, 'USAGE', `unknown parameter ${JSON.stringify(unknown)} (phrases take ${PHRASE_PARAMS.join(', ')})`);
  return { top: whole(q.top, 'top'), minDocs: whole(q.minDocs, 'minDocs') };
}

function whole(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) {
    throw new HttpError(400, 'USAGE', `${name} must be a whole number (got ${JSON.stringify(v)})`);
  }
  return Number(v);
}
