// Document metadata: a --meta CSV (a `path` column plus any others) and, without a row for a
// document, the year in its file name (gwr's `2019.txt`, `1964-abstract.txt`).
import { basename, dirname, resolve } from 'node:path';
import { TaohuaError } from '../errors.js';
import { readCsv } from './csv-read.js';

/** Column → value, as written in the CSV (years stay strings: "1954"). */
export type DocMeta = Record<string, string>;

export interface MetaTable {
  /** Where the CSV was read from (its rows' relative paths are resolved against its folder). */
  file: string;
  columns: string[];
  rows: Array<{ path: string; meta: DocMeta }>;
}

/** The first 4-digit year 1800–2099 standing alone in a file name (not inside a longer number). */
export function yearFromName(path: string): string | undefined {
  return /(?:^|\D)((?:18|19|20)\d\d)(?!\d)/.exec(basename(path))?.[1];
}

export function parseMetaTable(text: string, file: string): MetaTable {
  const rows = readCsv(text);
  if (!rows) throw new TaohuaError('UNDECODABLE', 'metadata CSV has a quote that is never closed', file);
  const [header, ...body] = rows;
  const columns = (header ?? []).map((c) => c.trim());
  const at = columns.indexOf('path');
  if (at < 0) throw new TaohuaError('EMPTY', 'metadata CSV needs a "path" column in its first row', file);
  const dup = columns.find((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (dup !== undefined) throw new TaohuaError('EMPTY', `metadata CSV names column "${dup}" twice`, file);
  const out: MetaTable['rows'] = [];
  const seen = new Set<string>();
  body.forEach((r, n) => {
    const path = (r[at] ?? '').trim();
    if (!path) throw new TaohuaError('EMPTY', `metadata CSV row ${n + 2} has no path`, file);
    if (seen.has(path)) throw new TaohuaError('EMPTY', `metadata CSV lists ${path} twice`, file);
    seen.add(path);
    const meta: DocMeta = {};
    columns.forEach((c, i) => {
      if (i !== at && c !== '' && (r[i] ?? '').trim() !== '') meta[c] = r[i].trim();
    });
    out.push({ path, meta });
  });
  return { file, columns: columns.filter((c) => c !== 'path' && c !== ''), rows: out };
}

/**
 * Each document's metadata: its year from the file name, overlaid by what the index stored, overlaid
 * by its CSV row. A row matches a
 * document whose path resolves to the same file (row paths relative to the CSV's folder, document
 * paths to the working directory); failing that, a row whose file name equals the document's file
 * name, when exactly one row has that name.
 */
export function metaForDocs(paths: readonly string[], table?: MetaTable, stored: ReadonlyArray<DocMeta | undefined> = []): DocMeta[] {
  const byResolved = new Map<string, DocMeta>();
  const byName = new Map<string, DocMeta | null>();
  for (const r of table?.rows ?? []) {
    byResolved.set(resolve(dirname(table!.file), r.path), r.meta);
    const name = basename(r.path);
    byName.set(name, byName.has(name) ? null : r.meta);
  }
  return paths.map((p, i) => {
    const year = yearFromName(p);
    const row = byResolved.get(resolve(p)) ?? byName.get(basename(p)) ?? undefined;
    return { ...(year !== undefined ? { year } : {}), ...stored[i], ...row };
  });
}

/** Rows that match no document, so the CLI can say so (a typo in a path is otherwise silent). */
export function unmatchedRows(paths: readonly string[], table: MetaTable): string[] {
  const resolved = new Set(paths.map((p) => resolve(p)));
  const names = new Set(paths.map((p) => basename(p)));
  return table.rows.filter((r) => !resolved.has(resolve(dirname(table.file), r.path)) && !names.has(basename(r.path))).map((r) => r.path);
}
