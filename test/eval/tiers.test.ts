// Tiers on the eval's labelled drafts (corpus/ only, small): copies of each kind get their tier.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../bench/eval/generate.js';
import { buildTaohuaIndex } from '../../bench/eval/method-taohua.js';
import { Rng } from '../../bench/eval/prng.js';
import { readFolder, splitCorpus } from '../../bench/eval/sources.js';
import { scoreTiers } from '../../bench/eval/tiers.js';
import { normaliseOptions, textDocument } from '../../src/index.js';
import { checkDocument } from '../../src/pipeline.js';

describe('tiers on the labelled drafts', () => {
  it('verbatim and script-converted copies are verbatim, renumbered ones figures, spun ones reworded', async () => {
    const corpus = readFolder(join(__dirname, '..', '..', 'corpus'))!;
    const set = generate(splitCorpus('corpus', corpus, new Rng(11)), { seed: 11, perKind: 6, originals: 4, draftSize: 20 });
    const index = await buildTaohuaIndex(set.indexed, {});
    const scores = scoreTiers([set], (_s, text) => checkDocument(textDocument(text, '<draft>'), index, normaliseOptions({})));
    const share = (kind: string): number => scores.find((s) => s.kind === kind)?.share ?? -1;
    expect(scores.reduce((n, s) => n + s.flagged, 0)).toBeGreaterThan(30);
    for (const kind of ['verbatim', 'script', 'renumbered', 'spun-known-1', 'spun-known-2', 'spun-known-4', 'spun-heldout-2']) expect(share(kind)).toBe(1);
  });
});
