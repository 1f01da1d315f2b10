import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import { deriveTemplate } from '../../src/match/templates.js';
import { isNumberWord, slotKind } from '../../src/match/slot-kinds.js';
import { simplify } from '../../src/text/char-table.js';
import type { Phrase, ScanResult } from '../../src/types.js';

const template = (texts: string[]): string => deriveTemplate(texts).template;

describe('deriveTemplate', () => {
  it('returns the text of a single member', () => {
    expect(template(['坚持以人民为中心的发展思想'])).toBe('坚持以人民为中心的发展思想');
    expect(template(['同一句话', '同一句话'])).toBe('同一句话');
    expect(deriveTemplate([])).toEqual({ template: '', slots: [] });
  });

  it('puts slots around whole jieba words, with the variants and their counts', () => {
    const r = deriveTemplate(['在县委、县政府的正确领导下', '在市委、市政府的正确领导下', '在县委、县政府的正确领导下']);
    expect(r.template).toBe('在{X}、{X}的正确领导下');
    expect(r.slots).toEqual([
      { kind: 'X', variants: [{ text: '县委', count: 2 }, { text: '市委', count: 1 }], others: 0 },
      { kind: 'X', variants: [{ text: '县政府', count: 2 }, { text: '市政府', count: 1 }], others: 0 },
    ]);
    expect(template(['坚持稳中求进工作总基调', '坚定稳中求进工作总基调'])).toBe('{X}稳中求进工作总基调');
    expect(template(['提高投资效益', '提高投资效果'])).toBe('提高投资{X}');
  });

  it('moves an insertion to word boundaries when the text allows', () => {
    // 扩大对[内对]外开放 and 扩大[对内]对外开放 are the same edit; only the second keeps words whole.
    expect(template(['扩大对外开放', '扩大对内对外开放', '扩大对外开放'])).toBe('扩大{X}对外开放');
  });

  it('turns varying numbers into {NUM}, Chinese numerals and units included', () => {
    expect(template(['入学率达到99.9%', '入学率达到95%'])).toBe('入学率达到{NUM}%');
    expect(template(['全年完成投资12.5亿元，同比增长8.3%', '全年完成投资3亿元，同比增长10%', '全年完成投资7.25亿元，同比增长0.5%'])).toBe(
      '全年完成投资{NUM}亿元，同比增长{NUM}%',
    );
    expect(template(['一、2006年工作回顾', '一、2007年工作回顾'])).toBe('一、{NUM}年工作回顾');
    expect(template(['一、2006年工作回顾', '一、二〇〇八年工作回顾'])).toBe('一、{NUM}工作回顾');
    expect(template(['第十届全国人民代表大会', '第十一届全国人民代表大会'])).toBe('{NUM}全国人民代表大会');
    expect(template(['比上年增加225亿元', '比上年增加3000万元'])).toBe('比上年增加{NUM}');
  });

  it('uses {X} when some member has no number there', () => {
    expect(template(['投资增长98%', '投资增长较快'])).toBe('投资增长{X}');
    expect(template(['完成率为98%', '完成率为百分之百%'])).toBe('完成率为{NUM}%');
  });

  it('names person names and place names as their own kinds', () => {
    const leaders = deriveTemplate(['以江泽民同志为核心的党中央', '以习近平同志为核心的党中央', '以习近平同志为核心的党中央']);
    expect(leaders.template).toBe('以{NAME}同志为核心的党中央');
    expect(leaders.slots[0].variants).toEqual([{ text: '习近平', count: 2 }, { text: '江泽民', count: 1 }]);
    expect(template(['北京和上海的代表', '广东和上海的代表'])).toBe('{PLACE}和上海的代表');
  });

  it('leaves out a prefix or suffix that only some members have, keeps one that all have', () => {
    expect(template(['国内生产总值增长8%左右，', '提出国内生产总值增长8%左右，', '国内生产总值增长7%。'])).toBe('国内生产总值增长{NUM}%');
    expect(template(['让我们紧密团结', '全国各族人民紧密团结'])).toBe('{X}紧密团结');
    const optional = deriveTemplate(['坚持稳中求进工作总基调', '坚持稳中求进的工作总基调', '坚持稳中求进工作总基调']);
    expect(optional.template).toBe('坚持稳中求进{X}工作总基调');
    expect(optional.slots[0].variants).toEqual([{ text: '', count: 2 }, { text: '的', count: 1 }]);
  });

  it('keeps the closing punctuation only when every member has it', () => {
    expect(template(['在党中央的领导下，', '在党中央的坚强领导下，'])).toBe('在党中央的{X}领导下，');
    expect(template(['城镇新增就业900万人，', '城镇新增就业1000万人。'])).toBe('城镇新增就业{NUM}万人');
  });

  it('reads traditional script, full-width forms and line breaks as the template does, variants as written', () => {
    const r = deriveTemplate(['在縣委、縣政府的正確領導下', '在县委、县政府的正确领导下']);
    expect(r).toEqual({ template: '在县委、县政府的正确领导下', slots: [] });
    const widths = deriveTemplate(['增长１４．７％', '增长9%', '增长\n10.5%']);
    expect(widths.template).toBe('增长{NUM}%');
    expect(widths.slots[0].variants.map((v) => v.text)).toEqual(['10.5', '9', '１４．７']);
  });

  it('widens slots to whole English words', () => {
    expect(template(['The committee approved the plan.', 'The council approved the plan.', 'The board approved the plan.'])).toBe(
      'The {X} approved the plan.',
    );
    expect(template(['Revenue grew by 12.5 percent in 2023.', 'Revenue grew by 3 percent in 2021.'])).toBe(
      'Revenue grew by {NUM} percent in {NUM}.',
    );
  });

  it('caps the variants listed and counts the rest as others', () => {
    const members = Array.from({ length: 30 }, (_, i) => `全年完成目标任务的${i + 50}%以上`);
    const r = deriveTemplate([...members, members[0]]);
    expect(r.template).toBe('全年完成目标任务的{NUM}%以上');
    expect(r.slots[0].variants).toHaveLength(20);
    expect(r.slots[0].variants[0]).toEqual({ text: '50', count: 2 });
    expect(r.slots[0].variants.reduce((n, v) => n + v.count, 0) + r.slots[0].others).toBe(31);
  });

  it('is deterministic for clusters of hundreds of members', () => {
    const members = Array.from(
      { length: 800 },
      (_, i) => `${['县', '市', '区', '镇'][i % 4]}委${i}号文件要求，全年完成目标任务的${(i * 7) % 100}%以上`,
    );
    const r = deriveTemplate(members);
    expect(r.template).toBe('{X}{NUM}号文件要求，全年完成目标任务的{NUM}%以上');
    expect(deriveTemplate(members)).toEqual(r);
    for (const slot of r.slots) expect(slot.variants.reduce((n, v) => n + v.count, 0) + slot.others).toBe(800);
  });
});

describe('slot kinds', () => {
  it('tells numbers from words that only contain numerals', () => {
    for (const w of ['2019', '12.5', '20xx', '二〇一九年', '一九五四年', '第十一届', '亿元', '一成', '两个', '百分之六点', '三百多']) {
      expect(isNumberWord(w), w).toBe(true);
    }
    for (const w of ['统一', '一些', '万一', '千万', '十分', '一起', '一切', '一点', '两岸关系']) expect(isNumberWord(w), w).toBe(false);
  });

  it('needs two different names before calling a slot NAME or PLACE', () => {
    const name = (word: string) => [{ word, tag: 'nr' }];
    expect(slotKind([name('胡锦涛'), name('习近平')])).toBe('NAME');
    expect(slotKind([name('努力实现'), []])).toBe('X');
    expect(slotKind([[{ word: '城市', tag: 'ns' }], [{ word: '北京', tag: 'ns' }]])).toBe('X');
  });
});

// ---- Real clusters: every phrase of a gwr scan, checked against its members' texts ----

const GWR = '../shared/gwr';
const jieba = createRequire(import.meta.url)('nodejs-jieba') as { cut(text: string, hmm: boolean): string[] };
const SLOT = /\{(?:NUM|NAME|PLACE|X)\}/;
const CLOSING = /[，。；：、！？,.;:!?…]+$/u;
const LATIN = /[\p{L}\p{N}]/u;
const HAN = /[\p{Script=Han}]/u;

/** The member as the template reads it: simplified, full-width ASCII narrowed, white space dropped between hanzi. */
function readAs(text: string): string {
  const narrowed = simplify(text).replace(/[０-９Ａ-Ｚａ-ｚ％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const spaced = (c: string | undefined): boolean => c !== undefined && LATIN.test(c) && !HAN.test(c);
  return narrowed
    .replace(/\s+/gu, (run, at: number, whole: string) => (spaced(whole[at - 1]) && spaced(whole[at + run.length]) ? ' ' : ''))
    .trim()
    .replace(CLOSING, '');
}

/** Code-point positions where jieba's words start or end. */
function wordBoundaries(text: string): Set<number> {
  const at = new Set([0]);
  let p = 0;
  for (const word of jieba.cut(text, true)) at.add((p += [...word].length));
  return at;
}

interface Placement {
  /** Code-point start and end of every literal piece in the member. */
  starts: number[];
  ends: number[];
}

/**
 * Places the template's literal pieces in the member, in order, with every edge of a piece on a
 * word boundary; text before the first piece must be non-empty when the template starts with a
 * slot (likewise at the end). Plain indexOf with backtracking.
 */
function place(pieces: string[], member: string, leadingSlot: boolean, trailingSlot: boolean): Placement | undefined {
  const chars = [...member];
  const boundaries = wordBoundaries(member);
  const cp = (utf16: number): number => [...member.slice(0, utf16)].length;
  const starts: number[] = [];
  const ends: number[] = [];
  const search = (k: number, from: number): boolean => {
    if (k === pieces.length) return !trailingSlot || ends[k - 1] < chars.length;
    for (let i = member.indexOf(pieces[k], from); i >= 0; i = member.indexOf(pieces[k], i + 1)) {
      const start = cp(i);
      const end = start + [...pieces[k]].length;
      if (k === 0 && leadingSlot && start === 0) continue;
      if (!boundaries.has(start) || !boundaries.has(end)) continue;
      starts[k] = start;
      ends[k] = end;
      if (search(k + 1, i + pieces[k].length)) return true;
    }
    return false;
  };
  return search(0, 0) ? { starts, ends } : undefined;
}

function literalPieces(p: Phrase): { pieces: string[]; leadingSlot: boolean; trailingSlot: boolean } {
  const body = p.template.replace(CLOSING, '');
  const parts = body.split(SLOT);
  return { pieces: parts.filter((s) => s !== ''), leadingSlot: parts[0] === '', trailingSlot: parts[parts.length - 1] === '' };
}

describe.skipIf(!existsSync(GWR))('templates of real clusters (gwr)', () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scan([GWR]);
  });

  it('places every template in every member with slot edges on jieba word boundaries', () => {
    const failures: string[] = [];
    for (const p of result.phrases) {
      const { pieces, leadingSlot, trailingSlot } = literalPieces(p);
      if (pieces.length === 0) continue;
      for (const text of new Set(p.members.map((m) => m.text))) {
        if (!place(pieces, readAs(text), leadingSlot, trailingSlot)) failures.push(`${p.template}  ←  ${text}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('starts or ends with a slot only where every member has text there, and not the same text', () => {
    const failures: string[] = [];
    for (const p of result.phrases) {
      const { pieces, leadingSlot, trailingSlot } = literalPieces(p);
      if (pieces.length === 0 || !(leadingSlot || trailingSlot)) continue;
      const heads = new Set<string>();
      const tails = new Set<string>();
      for (const text of new Set(p.members.map((m) => m.text))) {
        const member = readAs(text);
        const placed = place(pieces, member, leadingSlot, trailingSlot);
        if (!placed) continue; // reported by the test above
        const chars = [...member];
        heads.add(chars.slice(0, placed.starts[0]).join(''));
        tails.add(chars.slice(placed.ends[pieces.length - 1]).join(''));
      }
      if (leadingSlot && (heads.has('') || heads.size < 2)) failures.push(`${p.template}: heads ${[...heads].join(' / ')}`);
      if (trailingSlot && (tails.has('') || tails.size < 2)) failures.push(`${p.template}: tails ${[...tails].join(' / ')}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('has {NUM} in the template of every cluster whose members differ only in digits', () => {
    const digitsOnly = result.phrases.filter((p) => {
      const texts = new Set(p.members.map((m) => readAs(m.text)));
      return texts.size > 1 && new Set([...texts].map((t) => t.replace(/[0-9]+(?:\.[0-9]+)?/g, '#'))).size === 1;
    });
    expect(digitsOnly.length).toBeGreaterThan(10);
    expect(digitsOnly.filter((p) => !p.template.includes('{NUM}')).map((p) => p.template)).toEqual([]);
    // The one-number clause with the most different numbers ("比上年增加225亿元" and its kin): its
    // {NUM} slot lists exactly the numbers its members have.
    const numbers = (text: string): string[] => readAs(text).match(/[0-9]+(?:\.[0-9]+)?/g) ?? [];
    const numbersOf = (p: Phrase): Set<string> => new Set(p.members.map((m) => numbers(m.text).join(' ')));
    const oneNumber = (p: Phrase): boolean => p.template.split(SLOT).length === 2 && p.members.every((m) => numbers(m.text).length === 1);
    const single = digitsOnly.filter(oneNumber);
    const richest = single.reduce((a, b) => (numbersOf(b).size > numbersOf(a).size ? b : a));
    expect(numbersOf(richest).size).toBeGreaterThan(10);
    const listed = richest.slots[0].variants.map((v) => readAs(v.text));
    expect(listed.length).toBe(Math.min(20, numbersOf(richest).size));
    for (const n of listed) expect(numbersOf(richest).has(n)).toBe(true);
  });

  it('lists variants whose counts add up to the members, each found in that many members', () => {
    for (const p of result.phrases) {
      const texts = p.members.map((m) => m.text.replace(/\s+/g, ''));
      for (const slot of p.slots) {
        expect(slot.variants.reduce((n, v) => n + v.count, 0) + slot.others).toBe(p.count);
        for (const v of slot.variants) {
          const holders = texts.filter((t) => t.includes(v.text.replace(/\s+/g, ''))).length;
          expect(holders, `${p.template}: ${v.text}`).toBeGreaterThanOrEqual(v.count);
        }
      }
      expect(p.slots.length).toBe(p.template.split(SLOT).length - 1);
    }
  });

  it('shows the leaders named in one formula as a {NAME} slot', () => {
    const leaders = /以(江泽民|胡锦涛|习近平)同志为/;
    const named = (p: Phrase, pattern: RegExp): Set<string> =>
      new Set(p.members.map((m) => m.text.match(pattern)?.[1]).filter((n): n is string => n !== undefined));
    const phrase = result.phrases.find((p) => named(p, leaders).size >= 3);
    expect(phrase).toBeDefined();
    expect(phrase!.template).toContain('以{NAME}同志为');
    const names = named(phrase!, /以(.+?)同志为/);
    const slot = phrase!.slots[phrase!.template.split(SLOT).findIndex((s) => s.endsWith('以'))];
    expect(new Set(slot.variants.map((v) => v.text))).toEqual(names);
  });
});
