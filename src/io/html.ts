// HTML → plain text: the visible text of the page, one block element per line.

import { Parser } from 'htmlparser2';

import { decodeBytes, type DecodeResult } from './decode.js';

/** Elements whose content is never visible text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'canvas']);

/** Elements that start and end a line. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

/**
 * Decodes HTML bytes honouring a BOM, then a `<meta charset>` declaration, then detection. The
 * bytes win over the declaration: a page that is valid UTF-8 with non-ASCII text is UTF-8 whatever
 * its meta says (mislabelled pages are common), and a UTF-16 label on a page whose meta could be
 * read as ASCII is impossible, so it is ignored (as the HTML standard does).
 */
export function decodeHtml(bytes: Uint8Array): DecodeResult {
  const hasBom =
    (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)));
  if (!hasBom) {
    const label = metaCharset(bytes);
    if (label !== null && !/^(utf-?16|ucs-?2|unicode)/.test(label) && !isUtf8WithNonAscii(bytes)) {
      try {
        const decoder = new TextDecoder(label, { fatal: true });
        return { ok: true, text: decoder.decode(bytes), encoding: decoder.encoding };
      } catch {
        // unknown label or the declaration is wrong: fall back to detection
      }
    }
  }
  return decodeBytes(bytes);
}

function isUtf8WithNonAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The charset named in a meta tag within the first 4 KB, if any. */
export function metaCharset(bytes: Uint8Array): string | null {
  let head = '';
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]);
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/** The visible text of an HTML document (already decoded): one line per block element or <br>. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let dropDepth = 0;
  let preDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED.has(name)) dropDepth++;
        else if (name === 'pre') preDepth++;
        if (BLOCK.has(name)) out.push('\n');
      },
      onclosetag(name) {
        if (DROPPED.has(name)) dropDepth = Math.max(0, dropDepth - 1);
        else if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (BLOCK.has(name) && name !== 'br') out.push('\n');
      },
      ontext(data) {
        if (dropDepth > 0) return;
        out.push(preDepth > 0 ? data : data.replace(/[ \t\n\r\f]+/g, ' '));
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tidyLines(out.join(''));
}

/** Trims each line (ASCII spaces and the no-break space) and drops blank lines: one line per block. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/g, ''))
    .filter((l) => l !== '')
    .join('\n');
}
