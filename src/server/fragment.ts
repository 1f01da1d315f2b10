// The editor's report, as the page shows it: the body of renderCheckHtml (the same markup as the
// standalone HTML report) without its script, which the page loads once from /report.js.

import type { CheckResult } from '../types.js';
import { renderCheckHtml, type CheckHtmlOptions } from '../report/html.js';

const BODY = /<body>\n?([\s\S]*)<\/body>/;
const LAST_SCRIPT = /<script>([\s\S]*?)<\/script>\s*$/;

interface Split {
  body: string;
  script: string;
}

/** Splits a rendered report into its body markup and its trailing inline script. */
export function splitReport(html: string): Split {
  const body = BODY.exec(html)?.[1];
  if (body === undefined) throw new Error('report has no <body>');
  const script = LAST_SCRIPT.exec(body.trimEnd());
  if (script === null) return { body, script: '' };
  return { body: body.trimEnd().slice(0, script.index), script: script[1] };
}

/** The report's markup for a check (user text escaped by the report renderer); the corpus gives the sources' passages. */
export function reportFragment(result: CheckResult, draftText: string, corpus?: CheckHtmlOptions['corpus']): string {
  return splitReport(renderCheckHtml(result, { draftText, title: `taohua · ${result.document}`, corpus })).body;
}

let cachedScript: string | undefined;

/** The report's click-to-open script, taken once from a rendered report. */
export function reportScript(): string {
  cachedScript ??= splitReport(renderCheckHtml(EMPTY_RESULT)).script;
  return cachedScript;
}

const EMPTY_RESULT: CheckResult = {
  schema: 'taohua.check/1',
  document: '',
  format: 'txt',
  encoding: 'utf-8',
  chars: 0,
  stockChars: 0,
  stockRatio: 0,
  counts: { stock: 0, edited: 0, original: 0, chrome: 0 },
  sentences: [],
  sources: [],
};
