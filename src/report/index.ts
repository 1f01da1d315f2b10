// Reports: terminal text, JSON, CSV and self-contained HTML.

export { renderCheckTerminal, renderCompareTerminal, renderScanTerminal } from './terminal.js';
export type { CheckTerminalOptions, ScanTerminalOptions, TerminalOptions } from './terminal.js';
export { jsonChunks, toJson } from './json.js';
export { csvField, csvTable, documentsCsv, phrasesCsv, sentencesCsv } from './csv.js';
export type { CsvOptions } from './csv.js';
export { filterPhrases, sortPhrases } from './sort.js';
export type { PhraseFilter, PhraseSortKey } from './sort.js';
export { renderCheckHtml, renderCompareHtml } from './html.js';
export type { CheckHtmlOptions } from './html.js';
export { arrangeFind, findCsv, renderFindTerminal, FIND_COLUMNS, FIND_SORTS } from './find.js';
export type { FindArrangement, FindSort } from './find.js';
