// Character diff of a draft sentence against its source, as two lines of markup.

import { diffChars, type ChangeObject } from 'diff';
import { escapeHtml } from './escape.js';

/** Past this many characters per side the diff is not attempted (marked as wholly different). */
const MAX_DIFF_CHARS = 4000;

export interface DiffMarkup {
  /** The draft sentence: shared text plain, text only in the draft in <ins>. */
  draft: string;
  /** The source text: shared text plain, text only in the source in <del>. */
  source: string;
}

function changes(sourceText: string, draftText: string): ChangeObject<string>[] {
  if (sourceText.length + draftText.length <= 2 * MAX_DIFF_CHARS) {
    const result = diffChars(sourceText, draftText, { maxEditLength: MAX_DIFF_CHARS });
    if (result !== undefined) return result;
  }
  return [
    { value: sourceText, removed: true, added: false, count: sourceText.length },
    { value: draftText, removed: false, added: true, count: draftText.length },
  ];
}

export function diffMarkup(draftText: string, sourceText: string): DiffMarkup {
  let draft = '';
  let source = '';
  for (const part of changes(sourceText, draftText)) {
    const text = escapeHtml(part.value);
    if (part.added) draft += `<ins>${text}</ins>`;
    else if (part.removed) source += `<del>${text}</del>`;
    else {
      draft += text;
      source += text;
    }
  }
  return { draft, source };
}
