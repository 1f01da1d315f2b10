// A synthetic document that touches the hot paths (normalise tables, segmenter, shingles, MinHash)
// so that a worker is compiled and its caches are filled before real batches arrive.
import { COMMON_HANZI } from '../io/hanzi.js';
import type { SourceDoc } from '../types.js';

export function warmUpDocument(): SourceDoc {
  const hanzi = Array.from(COMMON_HANZI, (cp) => String.fromCodePoint(cp));
  const lines: string[] = [];
  for (let i = 0; i < hanzi.length; i += 24) {
    const run = hanzi.slice(i, i + 24).join('');
    lines.push(`${i / 24 + 1}、${run.slice(0, 9)}，${run.slice(9, 17)}，20${i % 100}年增长${i % 97}.5%；${run.slice(17)}。`);
  }
  lines.push('The quick brown fox jumps over the lazy dog, e.g. twice. ＡＢＣ１２３××县');
  const text = Array.from({ length: 4 }, () => lines.join('\n')).join('\n\n');
  return { path: '<warm-up>', text, format: 'txt', encoding: 'utf-8' };
}
