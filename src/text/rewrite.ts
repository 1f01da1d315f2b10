import type { Normalised } from '../types.js';
import { MappedBuilder } from './mapped-builder.js';

/**
 * Replaces every match of a global pattern, keeping the offset map: a replacement of the same
 * length maps character by character, any other maps each new character to the whole match.
 */
export function rewrite(norm: Normalised, pattern: RegExp, replace: (match: string) => string): Normalised {
  pattern.lastIndex = 0;
  if (!pattern.test(norm.text)) return norm;
  pattern.lastIndex = 0;
  const out = new MappedBuilder(norm.text.length);
  let last = 0;
  for (const m of norm.text.matchAll(pattern)) {
    const a = m.index;
    const b = a + m[0].length;
    if (b === a) continue;
    out.copy(norm, last, a);
    const replacement = replace(m[0]);
    if (replacement.length === b - a) {
      for (let k = 0; k < replacement.length; k++) out.push(replacement[k], norm.starts[a + k], norm.ends[a + k]);
    } else {
      out.push(replacement, norm.starts[a], norm.ends[b - 1]);
    }
    last = b;
  }
  out.copy(norm, last, norm.text.length);
  return out.finish();
}
