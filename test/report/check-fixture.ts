// Hand-built CheckResult fixtures: a draft string and a result whose offsets agree with it.

import type { CheckResult, Label, Match, SentenceResult, SourceCoverage, SpanKind } from '../../src/types.js';

/** A sentence as parts; a part with a kind becomes a JSON span. */
export interface SentenceSpec {
  parts: (string | [string, SpanKind])[];
  label: Label;
  similarity?: number;
  heading?: boolean;
  /** Source document and the text it has where the draft has this sentence. */
  source?: { doc: string; text: string; similarity?: number };
  others?: { doc: string; text: string; similarity: number }[];
  /** Text after the sentence and before the next one (default none). */
  after?: string;
}

export interface CheckFixture {
  draftText: string;
  result: CheckResult;
}

function nonBlank(text: string): number {
  return Array.from(text).filter((c) => !/\s/u.test(c)).length;
}

export function buildCheck(document: string, specs: SentenceSpec[]): CheckFixture {
  let draftText = '';
  const sentences: SentenceResult[] = [];
  const coverage = new Map<string, SourceCoverage>();
  let chars = 0;
  let stockChars = 0;
  for (const spec of specs) {
    const start = draftText.length;
    const spans: SentenceResult['spans'] = [];
    for (const part of spec.parts) {
      const [text, kind] = typeof part === 'string' ? [part, undefined] : part;
      if (kind !== undefined) spans.push({ start: draftText.length, end: draftText.length + text.length, kind });
      if (kind === 'stock') stockChars += nonBlank(text);
      draftText += text;
    }
    const end = draftText.length;
    const text = draftText.slice(start, end);
    if (spec.label !== 'chrome') chars += nonBlank(text);
    const matches: Match[] = [];
    if (spec.source !== undefined) {
      const similarity = spec.source.similarity ?? spec.similarity ?? 1;
      matches.push({ doc: spec.source.doc, start: 100 + start, end: 100 + start + spec.source.text.length, text: spec.source.text, similarity });
      const entry = coverage.get(spec.source.doc) ?? { doc: spec.source.doc, stockChars: 0, sentences: 0 };
      entry.stockChars += spans.filter((s) => s.kind === 'stock').reduce((n, s) => n + nonBlank(draftText.slice(s.start, s.end)), 0);
      entry.sentences += 1;
      coverage.set(spec.source.doc, entry);
    }
    for (const other of spec.others ?? []) matches.push({ doc: other.doc, start: 0, end: other.text.length, text: other.text, similarity: other.similarity });
    sentences.push({ start, end, text, label: spec.label, similarity: spec.similarity ?? 0, heading: spec.heading ?? false, spans, matches });
    draftText += spec.after ?? '';
  }
  const counts: Record<Label, number> = { stock: 0, edited: 0, original: 0, chrome: 0 };
  for (const s of sentences) counts[s.label]++;
  const result: CheckResult = {
    schema: 'taohua.check/1',
    document,
    format: 'txt',
    encoding: 'utf-8',
    chars,
    stockChars,
    stockRatio: chars > 0 ? stockChars / chars : 0,
    counts,
    sentences,
    sources: [...coverage.values()].sort((a, b) => a.doc.localeCompare(b.doc)),
  };
  return { draftText, result };
}

/** A county government work report with stock openings, edited numbers, original content and page chrome. */
export function workReportFixture(): CheckFixture {
  const a = '2022年某县政府工作报告.txt';
  const b = '2023年邻县政府工作报告.docx';
  const c = '市政府工作报告（2023）.pdf';
  return buildCheck('2024年县政府工作报告（征求意见稿）.txt', [
    { parts: [['政府工作报告', 'chrome']], label: 'chrome', heading: true, after: '\n' },
    { parts: [['——2024年1月12日在县第十八届人民代表大会第四次会议上', 'chrome']], label: 'chrome', after: '\n\n' },
    { parts: ['一、2023年工作回顾'], label: 'original', heading: true, after: '\n' },
    {
      parts: [['过去的一年，在县委的坚强领导下，在县人大、县政协的监督支持下，我们坚持以习近平新时代中国特色社会主义思想为指导，', 'stock'], ['全面贯彻党的二十大精神，', 'stock'], '扎实推进高质量发展。'],
      label: 'stock',
      similarity: 0.93,
      source: { doc: a, text: '过去的一年，在市委的坚强领导下，在市人大、市政协的监督支持下，我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。', similarity: 0.91 },
      others: [{ doc: c, text: '过去一年，在市委坚强领导下，我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。', similarity: 0.84 }],
    },
    {
      parts: [['全县地区生产总值增长', 'stock'], '6.2%', ['，一般公共预算收入增长', 'stock'], '8.1%', '。'],
      label: 'edited',
      similarity: 0.72,
      source: { doc: b, text: '全县地区生产总值增长5.5%，一般公共预算收入增长3.7%。' },
      after: '\n',
    },
    {
      parts: ['今年秋季，城关镇第二小学新校区投入使用，新增学位一千二百个，', '困扰老城区家长多年的“大班额”问题基本解决。'],
      label: 'original',
      after: '\n',
    },
    {
      parts: [['我们坚持把发展经济的着力点放在实体经济上，', 'stock'], ['深入实施创新驱动发展战略，', 'stock'], ['营商环境持续优化。', 'stock']],
      label: 'stock',
      similarity: 0.97,
      source: { doc: b, text: '我们坚持把发展经济的着力点放在实体经济上，深入实施创新驱动发展战略，营商环境持续优化。' },
    },
    {
      parts: ['全年新引进项目三十七个，其中食品加工项目十一个，', ['总投资', 'stock'], '达到四十八亿元。'],
      label: 'edited',
      similarity: 0.61,
      source: { doc: c, text: '全年新引进项目52个，总投资达到120亿元。' },
      after: '\n',
    },
    {
      parts: ['东河湿地修复工程完成清淤十二公里，候鸟监测点记录到白鹤二十一只，是十年来首次。'],
      label: 'original',
      after: '\n',
    },
    {
      parts: [['我们深刻认识到，发展不平衡不充分问题仍然突出，', 'stock'], ['民生领域还有不少短板，', 'stock'], ['我们一定直面问题，采取有力措施，认真加以解决。', 'stock']],
      label: 'stock',
      similarity: 1,
      source: { doc: a, text: '我们深刻认识到，发展不平衡不充分问题仍然突出，民生领域还有不少短板，我们一定直面问题，采取有力措施，认真加以解决。' },
      after: '\n',
    },
    { parts: [['— 3 —', 'chrome']], label: 'chrome', after: '\n' },
  ]);
}
