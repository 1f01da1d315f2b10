// Test helpers: parse report HTML with htmlparser2 and pull out what the tests compare.

import { Parser } from 'htmlparser2';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export interface ParsedElement {
  name: string;
  attribs: Record<string, string>;
  /** Decoded text content. */
  text: string;
}

export interface ParsedHtml {
  /** Tag balance problems: implied closes, stray closes, unclosed elements. */
  problems: string[];
  elements: ParsedElement[];
  scripts: string[];
}

export function parseHtml(html: string): ParsedHtml {
  const problems: string[] = [];
  const elements: ParsedElement[] = [];
  const scripts: string[] = [];
  const stack: { element: ParsedElement; svg: boolean }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element = { name, attribs, text: '' };
        elements.push(element);
        const inSvg = name === 'svg' || (stack.length > 0 && stack[stack.length - 1].svg);
        if (!VOID.has(name) || inSvg) stack.push({ element, svg: inSvg });
      },
      ontext(text) {
        for (const open of stack) open.element.text += text;
      },
      onclosetag(name, isImplied) {
        if (VOID.has(name) && !stack.some((s) => s.svg)) return;
        const top = stack.pop();
        if (top === undefined) problems.push(`stray </${name}>`);
        else if (top.element.name !== name) problems.push(`</${name}> closes <${top.element.name}>`);
        else if (isImplied && !(top.svg && name !== 'svg')) problems.push(`<${name}> closed implicitly`);
        if (name === 'script' && top !== undefined) scripts.push(top.element.text);
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  for (const open of stack) problems.push(`<${open.element.name}> never closed`);
  return { problems, elements, scripts };
}
