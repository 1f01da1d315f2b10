// GET /phrases: the scan page (as `scan --html` writes it) over the loaded index, beside the check
// page. Its script is served from /phrases.js, so the page keeps the server's no-inline-script CSP.
// ?groupBy=COLUMN picks the metadata column (default: year when documents have one).
import type { FastifyInstance } from 'fastify';
import type { CorpusIndex } from '../index/corpus-index.js';
import { metaColumns, spreadScan } from '../meta/phrase-groups.js';
import type { DocMeta } from '../meta/doc-meta.js';
import { renderScanHtml } from '../report/scan-html.js';
import { PAGE_PHRASES } from '../report/scan-page-data.js';
import { SCAN_PAGE_SCRIPT } from '../report/scan-page-script.js';
import { HttpError } from './http-errors.js';
import { PAGE_CSP } from './page.js';
import type { PhraseTable } from './phrases.js';

export function registerPhrasesPage(app: FastifyInstance, index: CorpusIndex, table: PhraseTable): void {
  const meta = new Map<string, DocMeta>(index.docs.map((d) => [d.path, d.meta ?? {}]));
  const texts = new Map(index.docs.map((d) => [d.path, d.text]));
  const pages = new Map<string, Promise<string>>();
  const build = async (column: string | undefined): Promise<string> => {
    const scan = await table.get({});
    const spread = spreadScan(scan.documents, scan.phrases.slice(0, PAGE_PHRASES), meta, column);
    if (spread.grouping && !spread.grouping.groups.length) {
      throw new HttpError(400, 'USAGE', `groupBy ${column}: no document has it (columns: ${metaColumns(meta).join(', ') || 'none'})`);
    }
    return renderScanHtml({ ...spread, texts, total: scan.phrases.length }, { scriptSrc: '/phrases.js', title: `taohua · ${index.docs.length} documents · phrases` });
  };
  app.get('/phrases.js', (_request, reply) => reply.type('text/javascript; charset=utf-8').send(SCAN_PAGE_SCRIPT));
  app.get('/phrases', async (request, reply) => {
    const column = groupByParam(request.query) ?? (metaColumns(meta).includes('year') ? 'year' : undefined);
    const key = column ?? '';
    if (!pages.has(key)) pages.set(key, build(column).catch((e) => (pages.delete(key), Promise.reject(e))));
    const html = await pages.get(key)!;
    return reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(html);
  });
}

function groupByParam(raw: unknown): string | undefined {
  const q = (raw ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(q).find((k) => k !== 'groupBy');
  if (unknown !== undefined) throw new HttpError(400, 'USAGE', `unknown parameter ${JSON.stringify(unknown)} (the phrases page takes groupBy)`);
  const v = q.groupBy;
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.trim() === '' || v.length > 100) throw new HttpError(400, 'USAGE', 'groupBy must name one metadata column');
  return v;
}
