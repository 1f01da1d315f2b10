// GET /api/phrases parameters: unknown ones and minDocs below the scan's own floor are refused.
import { describe, expect, it } from 'vitest';
import { normaliseOptions } from '../../src/options.js';
import { PhraseTable, phraseQuery } from '../../src/server/phrases.js';
import type { Checker } from '../../src/server/checker.js';

describe('phrase table parameters', () => {
  it('unknown or malformed parameters are 400s', () => {
    expect(phraseQuery({ top: '3', minDocs: '2' })).toEqual({ top: 3, minDocs: 2 });
    for (const q of [{ limit: '3' }, { top: ['1', '2'] }, { minDocs: '-1' }]) {
      expect(() => phraseQuery(q)).toThrow(expect.objectContaining({ status: 400 }));
    }
  });

  it('minDocs below the scanned floor is refused rather than answered as the floor', async () => {
    const never = { scan: () => Promise.reject(new Error('not scanned')) } as unknown as Checker;
    const table = new PhraseTable(never, normaliseOptions({ match: { minDocs: 2 } }));
    await expect(table.get({ minDocs: 1 })).rejects.toMatchObject({ status: 400 });
  });
});
