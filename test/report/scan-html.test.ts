// The scan page as markup: one inline script allowed by its hash, data that cannot break out of its
// JSON block, and the static charts naming every document.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderScanHtml } from '../../src/report/scan-html.js';
import { spreadScan } from '../../src/meta/phrase-groups.js';
import type { DocumentStats, Phrase } from '../../src/types.js';

const HOSTILE = '</script><script>alert(1)</script><!--';
const texts = new Map([
  ['a/2001.txt', `开头${HOSTILE}坚持稳中求进工作总基调。`],
  ['a/2002.txt', '我们坚持稳中求进工作总基调，推动发展。'],
]);
const documents: DocumentStats[] = [...texts.keys()].map((path) => ({ path, chars: texts.get(path)!.length, stockChars: 10, stockRatio: 0.5, phrases: 1 }));
const meta = new Map([...texts.keys()].map((p) => [p, { year: p.slice(2, 6) }]));
const at = (doc: string, s: string) => ({ doc, start: texts.get(doc)!.indexOf(s), end: texts.get(doc)!.indexOf(s) + s.length, text: s });
const phrase: Phrase = {
  kind: 'cluster',
  text: `坚持稳中求进工作总基调${HOSTILE}`,
  template: '坚持稳中求进工作总基调',
  slots: [],
  docFreq: 2,
  count: 2,
  meanChars: 11,
  docs: [...texts.keys()],
  members: [at('a/2001.txt', '坚持稳中求进工作总基调'), at('a/2002.txt', '坚持稳中求进工作总基调')],
};

describe('scan page markup', () => {
  const html = renderScanHtml({ ...spreadScan(documents, [phrase], meta, 'year'), texts });

  it('has exactly one executable script, allowed by its hash, and loads nothing', () => {
    const scripts = [...html.matchAll(/<script(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0][1]).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('keeps hostile text inside the JSON block, and the data reads back', () => {
    const block = /<script type="application\/json" id="scan-data">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(block).not.toContain('</script');
    expect(block).not.toContain('<!--');
    const data = JSON.parse(block);
    expect(data.phrases[0].t).toBe(phrase.text);
    expect(data.groups).toEqual(['2001', '2002']);
    expect(data.phrases[0].k.map((k: [number, number, string, number, string]) => k[2])).toEqual([`开头${HOSTILE}`.slice(-24), '我们']);
    expect(html.split(HOSTILE).length - 1).toBe(0); // escaped in the heatmap and titles too
  });

  it('draws a heatmap cell per document holding the phrase and a bar per document', () => {
    expect(html.match(/<rect [^>]*data-open="0"/g)).toHaveLength(2);
    expect(html.match(/<span class="bar"/g)).toHaveLength(2);
    expect(html.match(/<circle class="dot"/g)).toHaveLength(2); // years: stock ratio over time
  });
});
