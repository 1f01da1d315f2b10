// Document metadata: the --meta CSV, years from file names, matching rows to documents, and the
// saved index carrying it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/meta/csv-read.js';
import { metaForDocs, parseMetaTable, unmatchedRows, yearFromName } from '../../src/meta/doc-meta.js';
import { indexDocuments } from '../../src/pipeline.js';
import { normaliseOptions } from '../../src/options.js';
import { loadIndex, saveIndex } from '../../src/index/store.js';
import { textDocument } from '../../src/index.js';

describe('metadata', () => {
  it('reads RFC 4180: quotes, doubled quotes, CRLF, a BOM, a last line without a break', () => {
    expect(readCsv('\ufeffpath,note\r\na.txt,"x, ""y"""\r\n"b\nc.txt",z')).toEqual([
      ['path', 'note'],
      ['a.txt', 'x, "y"'],
      ['b\nc.txt', 'z'],
    ]);
    expect(readCsv('path\n"open')).toBeUndefined();
  });

  it('takes a year standing alone in a file name, not one inside a longer number', () => {
    expect(yearFromName('../shared/gwr/2019.txt')).toBe('2019');
    expect(yearFromName('gwr/1964-abstract.txt')).toBe('1964');
    expect(yearFromName('2019/resolution-11-3.txt')).toBeUndefined();
    expect(yearFromName('report-20191.txt')).toBeUndefined();
    expect(yearFromName('note-1776.txt')).toBeUndefined();
  });

  it('matches rows by resolved path, else by a file name only one row has', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taohua-meta-'));
    const table = parseMetaTable('path,region,year\nsub/a.txt,北京,2001\nb.txt,上海,\nx/c.txt,广东,\ny/c.txt,广西,\n', join(dir, 'm.csv'));
    const docs = [join(dir, 'sub/a.txt'), 'elsewhere/b.txt', 'z/c.txt', 'other/a.txt', '2005-d.txt'];
    expect(metaForDocs(docs, table)).toEqual([
      { region: '北京', year: '2001' },
      { region: '上海' }, // an empty cell is no value
      {}, // c.txt is named by two rows: ambiguous, so neither
      { region: '北京', year: '2001' }, // by file name
      { year: '2005' },
    ]);
    expect(unmatchedRows(docs.slice(0, 2), table)).toEqual(['x/c.txt', 'y/c.txt']);
  });

  it('refuses a table without a path column, with a path twice or a column twice', () => {
    expect(() => parseMetaTable('file,year\na,1\n', 'm.csv')).toThrow(/"path" column/);
    expect(() => parseMetaTable('path,year\na,1\na,2\n', 'm.csv')).toThrow(/twice/);
    expect(() => parseMetaTable('path,year,year\na,1,2\n', 'm.csv')).toThrow(/twice/);
  });

  it('travels in the saved index', async () => {
    const docs = [textDocument('坚持稳中求进工作总基调，推动高质量发展。', '2019.txt'), textDocument('坚持稳中求进工作总基调。', 'b.txt')];
    const index = await indexDocuments(docs, normaliseOptions());
    index.docs[0].meta = { year: '2019', region: '全国' };
    const file = join(mkdtempSync(join(tmpdir(), 'taohua-meta-')), 'i.taohua');
    await saveIndex(index, file);
    const loaded = await loadIndex(file);
    expect(loaded.docs.map((d) => d.meta)).toEqual([{ year: '2019', region: '全国' }, undefined]);
  });
});
