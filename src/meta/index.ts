export { metaForDocs, parseMetaTable, unmatchedRows, yearFromName, type DocMeta, type MetaTable } from './doc-meta.js';
export { loadMetaTable } from './load-meta.js';
