// Random Unicode (astral characters, controls, lone surrogates, corpus fragments) through
// normalising, segmenting and matching: nothing throws and every offset invariant holds.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, textDocument, type CorpusIndex } from '../../src/index.js';
import { normaliseOptions } from '../../src/options.js';
import { checkDocument } from '../../src/pipeline.js';
import { normalise } from '../../src/text/normalise.js';
import { segment } from '../../src/text/segment.js';

const corpusText = readFileSync('corpus/000_1d961a0082aa0431.txt', 'utf8');
const fragment = fc
  .tuple(fc.nat(corpusText.length - 1), fc.integer({ min: 1, max: 80 }))
  .map(([at, n]) => corpusText.slice(at, at + n));
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 20 }),
  fc.constantFrom('。', '，', '\n', '\r\n', '\n\n', '20xx', '××', '👉', '\u200b', '\ufeff', '“', '”', '一、', '(三)', ' e.g. ', '3.14', '\ud800'),
  fragment,
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const options = normaliseOptions();

let index: CorpusIndex;
beforeAll(async () => {
  index = (await buildIndex(['corpus'])).index;
});

describe('fuzz', () => {
  it('normalise keeps a monotonic map inside the original text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const n = normalise(t, options.normalise);
        expect(n.starts.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          if (!(n.starts[i] < n.ends[i] && n.ends[i] <= t.length)) return false;
          if (i && (n.starts[i] < n.starts[i - 1] || n.ends[i] < n.ends[i - 1])) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('segment gives ordered, non-overlapping units inside their sentences', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { text: s } = normalise(t, options.normalise);
        const seg = segment(s);
        let last = 0;
        for (let i = 0; i < seg.sentences.length; i += 2) {
          if (seg.sentences[i] < last || seg.sentences[i + 1] <= seg.sentences[i] || seg.sentences[i + 1] > s.length) return false;
          last = seg.sentences[i + 1];
        }
        for (let j = 0; j < seg.clauseSentence.length; j++) {
          const o = seg.clauseSentence[j];
          if (seg.clauses[2 * j] < seg.sentences[2 * o] || seg.clauses[2 * j + 1] > seg.sentences[2 * o + 1]) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('check never throws, and spans tile every sentence with its own text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const r = checkDocument(textDocument(t, 'fuzz.txt'), index, options);
        for (const s of r.sentences) {
          if (t.slice(s.start, s.end) !== s.text) return false;
          if (s.spans[0].start !== s.start || s.spans[s.spans.length - 1].end !== s.end) return false;
          for (let i = 1; i < s.spans.length; i++) if (s.spans[i].start !== s.spans[i - 1].end) return false;
        }
        return r.stockChars <= r.chars && r.stockRatio >= 0 && r.stockRatio <= 1;
      }),
      { numRuns: 150 },
    );
  });
});
