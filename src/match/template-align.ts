// How the members of a phrase line up with one of them (the base): distinct forms, the base
// chosen as their weighted medoid, and each form's position at every cell of the base.

import { diffChars } from 'diff';
import { editScript } from './edit-script.js';
import { memberView, type MemberView } from './template-view.js';
import { wordCuts, type WordCuts, type WordTagger } from './word-boundaries.js';

/** Members that read the same in the view (script, width and white space aside). */
export interface Form {
  chars: string[];
  cuts: WordCuts;
  count: number;
  views: { view: MemberView; count: number }[];
}

/**
 * How one form lines up with the base. The base is read as cells: cell 2i is the gap before base
 * char i (where a member may insert), cell 2i+1 is char i; there are 2n+1 cells for n chars.
 */
export interface Alignment {
  form: Form;
  /** at[c]: the form position where cell c begins (at[2n+1]: the form's end). */
  at: Int32Array;
}

/** Distinct view texts with their members, most frequent first (first seen wins ties). */
export function formsOf(texts: readonly string[], tagger: WordTagger): Form[] {
  const originals = new Map<string, number>();
  for (const t of texts) originals.set(t, (originals.get(t) ?? 0) + 1);
  const forms = new Map<string, Form>();
  for (const [original, count] of originals) {
    const view = memberView(original);
    const form = forms.get(view.text) ?? { chars: view.chars, cuts: wordCuts(view.chars, tagger), count: 0, views: [] };
    form.count += count;
    form.views.push({ view, count });
    forms.set(view.text, form);
  }
  return [...forms.values()].sort((a, b) => b.count - a.count);
}

function editDistance(a: string, b: string): number {
  let distance = 0;
  for (const part of diffChars(a, b)) if (part.added || part.removed) distance += part.count;
  return distance;
}

/** The candidate with the least diff to the others, weighted by how often each occurs. */
export function medoid(candidates: Form[]): Form {
  const texts = candidates.map((f) => f.chars.join(''));
  const cost = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const d = editDistance(texts[i], texts[j]);
      cost[i] += d * candidates[j].count;
      cost[j] += d * candidates[i].count;
    }
  }
  let best = 0;
  for (let i = 1; i < candidates.length; i++) if (cost[i] < cost[best]) best = i;
  return candidates[best];
}

/** Lines one form up with the base, marking the cells it changes when `varies` is given. */
export function align(base: Form, form: Form, varies: Uint8Array | undefined): Alignment {
  const at = new Int32Array(base.chars.length * 2 + 2);
  let bi = 0;
  let fi = 0;
  for (const part of editScript(base.chars, form.chars, base.cuts.isBoundary, form.cuts.isBoundary)) {
    if (part.kind === 'added') {
      if (varies) varies[2 * bi] = 1;
      fi += part.chars.length;
      continue;
    }
    for (let k = 0; k < part.chars.length; k++) {
      at[2 * bi + 1] = fi;
      if (part.kind === 'equal') fi++;
      else if (varies) varies[2 * bi + 1] = 1;
      bi++;
      at[2 * bi] = fi;
    }
  }
  at[2 * bi + 1] = fi;
  return { form, at };
}
