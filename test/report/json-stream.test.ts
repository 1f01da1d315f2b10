// JSON written in pieces: byte for byte what JSON.stringify gives, for results no single JS
// string can hold (a 16 MB draft of short lines gives millions of sentences).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, toJson } from '../../src/report/json.js';
import type { CheckResult, Sentence } from '../../src/types.js';
import { workReportFixture } from './check-fixture.js';

const joined = (v: object): string => [...jsonChunks(v)].join('');

describe('jsonChunks', () => {
  it('gives exactly the text of toJson for a real check result', () => {
    const { result } = workReportFixture();
    expect(joined(result)).toBe(toJson(result));
  });

  it('gives exactly JSON.stringify(…, null, 2) for arbitrary values, undefined and empty containers included', () => {
    const key = fc.string().filter((k) => k !== '__proto__'); // toJson's ordered() cannot hold that key
    const value = fc.oneof(fc.jsonValue().filter((v) => !JSON.stringify(v ?? null).includes('"__proto__"')), fc.constant(undefined), fc.constant([]), fc.constant({}));
    const tree = fc.dictionary(key, fc.oneof(value, fc.array(value), fc.dictionary(key, fc.array(fc.dictionary(key, value)))));
    fc.assert(
      fc.property(tree, (t) => {
        // Keys are sorted by the schema ranking in both; compare with toJson, then with the parse.
        expect(joined(t)).toBe(toJson(t));
        expect(JSON.parse(joined(t))).toEqual(JSON.parse(JSON.stringify(t)));
      }),
      { numRuns: 100 },
    );
    expect(joined({ a: new Int32Array([1, 2]), b: [undefined, () => 1], c: undefined })).toBe(toJson({ a: new Int32Array([1, 2]), b: [undefined, () => 1], c: undefined }));
  });

  it('streams a result longer than the longest JS string, in small pieces', () => {
    const { result } = workReportFixture();
    const one: Sentence = { ...result.sentences[2], text: '在县委、县政府的正确领导下，'.repeat(1400) };
    const count = 30_000;
    const huge: CheckResult = { ...result, sentences: new Array<Sentence>(count).fill(one) };
    const element = toJson({ x: [one] }).split('\n').slice(2, -3).join('\n'); // one indented sentence
    let total = 0;
    let longest = 0;
    let pieces = 0;
    for (const piece of jsonChunks(huge)) {
      total += piece.length;
      longest = Math.max(longest, piece.length);
      pieces++;
    }
    expect(total).toBeGreaterThan(2 ** 29); // over V8's maximum string length: toJson cannot make this
    expect(total).toBeGreaterThan(count * element.length);
    expect(longest).toBeLessThan(element.length + 100);
    expect(pieces).toBeGreaterThan(count);
  }, 60_000);
});
