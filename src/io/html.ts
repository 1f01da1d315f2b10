// HTML → plain text: the visible text of the page, one block element per line.

import { Tokenizer } from 'htmlparser2';

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
  const text = new VisibleText();
  const tree = new OpenElements(text);
  let current = '';
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        current = tree.open(tagName(html.slice(start, end), tree.inForeignContext()));
      },
      onselfclosingtag() {
        if (tree.inForeignContext()) tree.closeTop(current); // "/>" closes an element only in SVG and MathML
      },
      onclosetag(start, end) {
        tree.close(tagName(html.slice(start, end), tree.inForeignContext()));
      },
      ontext(start, end) {
        text.add(html.slice(start, end));
      },
      ontextentity(codePoint) {
        text.add(String.fromCodePoint(codePoint));
      },
      isInForeignContext: () => tree.inForeignContext(),
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onopentagend() {},
      onprocessinginstruction() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return tidyLines(text.result());
}

function tagName(raw: string, foreign: boolean): string {
  const name = raw.toLowerCase();
  return name === 'image' && !foreign ? 'img' : name;
}

/** What the elements opened and closed make of the text: dropped, kept as is (<pre>), or line-broken. */
class VisibleText {
  private readonly out: string[] = [];
  private dropDepth = 0;
  private preDepth = 0;

  opened(name: string): void {
    if (DROPPED.has(name)) this.dropDepth++;
    else if (name === 'pre') this.preDepth++;
    if (BLOCK.has(name)) this.out.push('\n');
  }

  closed(name: string): void {
    if (DROPPED.has(name)) this.dropDepth = Math.max(0, this.dropDepth - 1);
    else if (name === 'pre') this.preDepth = Math.max(0, this.preDepth - 1);
    if (BLOCK.has(name) && name !== 'br') this.out.push('\n');
  }

  add(data: string): void {
    if (this.dropDepth > 0) return;
    this.out.push(this.preDepth > 0 ? data : data.replace(/[ \t\n\r\f]+/g, ' '));
  }

  result(): string {
    return this.out.join('');
  }
}

/**
 * The open elements, as htmlparser2's parser keeps them (implied closes, end tags that close what
 * they enclose, void elements, SVG and MathML), but in linear time: the parser's stack costs time
 * per open element at every tag, so 200,000 unclosed tags took minutes. Here the stack grows at its
 * end and a count per name says at once whether an end tag closes anything.
 */
class OpenElements {
  private readonly stack: string[] = [];
  private readonly counts = new Map<string, number>();
  /** For each svg, math or integration point open, whether it starts foreign content. */
  private readonly foreign: boolean[] = [];

  constructor(private readonly text: VisibleText) {}

  inForeignContext(): boolean {
    return this.foreign.length > 0 && this.foreign[this.foreign.length - 1];
  }

  /** Opens an element; returns its name, or '' when it is ignored (a second <form>). */
  open(name: string): string {
    if (name === 'form' && this.count('form') > 0) return '';
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes) while (this.stack.length > 0 && closes.has(this.stack[this.stack.length - 1])) this.pop();
    this.text.opened(name);
    if (VOID.has(name)) {
      this.text.closed(name);
      return name;
    }
    this.stack.push(name);
    this.counts.set(name, this.count(name) + 1);
    if (name === 'svg' || name === 'math') this.foreign.push(true);
    else if (INTEGRATION.has(name)) this.foreign.push(false);
    return name;
  }

  close(name: string): void {
    if (VOID.has(name)) {
      if (name === 'br') this.text.opened('br'); // </br> is read as <br>
      return;
    }
    if (this.count(name) > 0) {
      while (this.pop() !== name);
    } else if (name === 'p') {
      this.text.opened('p'); // </p> alone is an empty paragraph
      this.text.closed('p');
    }
  }

  closeTop(name: string): void {
    if (name !== '' && this.stack[this.stack.length - 1] === name) this.pop();
  }

  private pop(): string {
    const name = this.stack.pop() as string;
    this.counts.set(name, this.count(name) - 1);
    if (name === 'svg' || name === 'math' || INTEGRATION.has(name)) this.foreign.pop();
    this.text.closed(name);
    return name;
  }

  private count(name: string): number {
    return this.counts.get(name) ?? 0;
  }
}

const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);

/** Elements inside SVG or MathML whose content is HTML again. */
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** Opening the key closes open elements of the set on top of the stack (htmlparser2's table). */
const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const p = new Set(['p']);
  const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
  const form = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
  const table: [string, ReadonlySet<string>][] = [
    ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
    ['body', new Set(['head', 'link', 'script'])], ['a', new Set(['a'])], ['li', new Set(['li'])],
    ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])],
    ['dd', new Set(['dd', 'dt'])], ['dt', new Set(['dd', 'dt'])], ['rt', new Set(['rt', 'rp'])], ['rp', new Set(['rt', 'rp'])],
    ['tbody', new Set(['thead', 'tbody'])], ['tfoot', new Set(['thead', 'tbody'])],
  ];
  for (const h of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) table.push([h, headings]);
  for (const f of ['select', 'input', 'output', 'button', 'datalist', 'textarea']) table.push([f, form]);
  for (const b of ['p', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul']) {
    table.push([b, p]);
  }
  return new Map(table);
})();

/** Trims each line (ASCII spaces and the no-break space) and drops blank lines: one line per block. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/g, ''))
    .filter((l) => l !== '')
    .join('\n');
}
