// PDF → text through pdfjs-dist's text layer. Items are joined in content order; a line break is
// put where pdfjs marks an end of line or where the baseline moves; pages are separated by a blank line.

interface TextItemLike {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
}

export type PdfResult =
  | { ok: true; text: string }
  | { ok: false; code: 'NO_TEXT' | 'UNSUPPORTED'; message: string; tooLarge?: boolean };

export interface PdfLimits {
  /** Most pages read; a longer page list is refused before any page is read. */
  pages: number;
  /** Reading stops (and the PDF is refused) once the text passes this many characters. */
  chars: number;
}

export async function pdfToText(bytes: Uint8Array, limits: PdfLimits = { pages: 5_000, chars: Number.POSITIVE_INFINITY }): Promise<PdfResult> {
  let pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  } catch (e) {
    return { ok: false, code: 'UNSUPPORTED', message: `PDF reader unavailable (${oneLine(e)})` };
  }
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']> | undefined;
  try {
    // pdfjs takes ownership of the buffer it is given, so it gets a copy.
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
    if (doc.numPages > limits.pages) {
      return { ok: false, code: 'UNSUPPORTED', message: `${doc.numPages} pages, more than ${limits.pages}: refused`, tooLarge: true };
    }
    const pages: string[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const text = joinItems(content.items as TextItemLike[]);
      pages.push(text);
      page.cleanup();
      chars += text.length;
      if (chars > limits.chars) {
        return { ok: false, code: 'UNSUPPORTED', message: `the text is longer than ${limits.chars} characters`, tooLarge: true };
      }
    }
    const text = pages.join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
    if (text.trim() === '') return { ok: false, code: 'NO_TEXT', message: 'no text layer (scanned PDF?)' };
    return { ok: true, text };
  } catch (e) {
    return { ok: false, code: 'UNSUPPORTED', message: `cannot read PDF (${oneLine(e)})` };
  } finally {
    if (doc !== undefined) await doc.destroy().catch(() => undefined);
  }
}

function joinItems(items: TextItemLike[]): string {
  let out = '';
  let lastY: number | null = null;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = item.transform?.[5];
    if (lastY !== null && y !== undefined && Math.abs(y - lastY) > 2 && out !== '' && !out.endsWith('\n')) out += '\n';
    out += item.str;
    if (item.hasEOL === true && !out.endsWith('\n')) out += '\n';
    if (y !== undefined) lastY = y;
  }
  return out.replace(/[ \t]+\n/g, '\n').trim();
}

export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/\s+/g, ' ').trim().slice(0, 200);
}
