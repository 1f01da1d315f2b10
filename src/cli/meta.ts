// --meta and file-name years onto a corpus's documents, with a warning for CSV rows that match nothing.
import type { IndexedDoc } from '../index/corpus-index.js';
import { loadMetaTable, metaForDocs, unmatchedRows, type DocMeta, type MetaTable } from '../meta/index.js';
import { warn } from './output.js';

/** The --meta table, read before any long work so that a bad file fails fast. */
export function readMetaFlag(metaFile: string | undefined): Promise<MetaTable | undefined> {
  return metaFile === undefined ? Promise.resolve(undefined) : loadMetaTable(metaFile);
}

/** Sets each document's `meta` (kept absent when empty) and returns path → metadata. */
export function attachMeta(docs: IndexedDoc[], table: MetaTable | undefined, quiet = false): Map<string, DocMeta> {
  const paths = docs.map((d) => d.path);
  const metas = metaForDocs(paths, table, docs.map((d) => d.meta));
  docs.forEach((d, i) => {
    if (Object.keys(metas[i]).length) d.meta = metas[i];
    else delete d.meta;
  });
  if (table && !quiet) {
    const missed = unmatchedRows(paths, table);
    if (missed.length) warn(`${table.file}: ${missed.length} row(s) match no document (${missed.slice(0, 3).join(', ')}${missed.length > 3 ? ', …' : ''})`);
  }
  return new Map(docs.map((d) => [d.path, d.meta ?? {}]));
}
