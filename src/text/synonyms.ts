// Template sites "spin" copies with a fixed thesaurus to evade duplicate checks (发展→开展,
// 服务→效劳, even 进行→停止). Mapping every known variant to one common form makes a spun copy
// normalise to the same text as its source; both sides are normalised alike, so a legitimate use
// of a variant (开展工作) costs nothing but a slightly coarser vocabulary.
import type { Normalised } from '../types.js';
import { rewrite } from './rewrite.js';

/** Common form → the variants spinners put in its place. */
const SPINNER_SYNONYMS: Record<string, string[]> = {
  发展: ['开展'],
  基础: ['根底', '根基'],
  服务: ['效劳', '效力'],
  广大: ['广阔', '宽广'],
  加强: ['增强', '强化'],
  推进: ['推动', '促进'],
  提高: ['提升', '进步'],
  进行: ['停止', '实行'],
  积极: ['主动', '努力地'],
  认真: ['仔细', '当真'],
  重要: ['主要'],
  取得: ['获得', '博得'],
  通过: ['经过'],
  全面: ['片面', '周全'],
  今后: ['往后', '以后'],
  坚持: ['对峙', '坚守'],
  组织: ['构造'],
  措施: ['举措', '办法'],
  完善: ['完美', '健全'],
  明显: ['显著', '分明'],
  充分: ['充沛', '足够'],
  努力: ['尽力', '致力'],
  经验: ['阅历', '经历'],
  开始: ['末尾', '开端'],
  能力: ['才能', '才干'],
  需要: ['需求'],
  不断: ['一直', '持续', '不时'],
  特别: ['特殊', '尤其'],
  已经: ['曾经'],
  情况: ['状况', '情形'],
  制度: ['轨制'],
  水平: ['程度', '水准'],
  部门: ['部分'],
  保障: ['保证'],
  一定: ['肯定', '必定'],
  因此: ['因而', '所以'],
  使用: ['运用', '应用'],
  管理: ['办理'],
  安全: ['平安'],
  帮助: ['协助', '辅佐'],
  增加: ['添加', '增多'],
  思想: ['思维'],
  及时: ['实时'],
  领导: ['指导', '带领'],
  问题: ['疑问'],
  成绩: ['成果', '成效'],
  方法: ['方式'],
  建设: ['扶植'],
  深入: ['深化'],
  落实: ['施行', '实施'],
  工作: ['任务'],
  同志: ['同道'],
  教师: ['老师', '先生'],
  群众: ['大众', '公众'],
  意见: ['看法', '定见'],
  目前: ['当前', '眼前'],
  首先: ['起首'],
};

let pattern: RegExp | undefined;
let canonical: Map<string, string> | undefined;
/** Variants by first code unit, in the pattern's alternation order. */
let byFirst: Map<number, string[]> | undefined;
/** 1 where some variant starts with the code unit. */
const firstUnit = new Uint8Array(0x10000);

function build(): void {
  canonical = new Map();
  for (const [common, variants] of Object.entries(SPINNER_SYNONYMS)) {
    for (const v of variants) if (v !== common && !canonical.has(v)) canonical.set(v, common);
  }
  const alternatives = [...canonical.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  pattern = new RegExp(alternatives.join('|'), 'g');
  byFirst = new Map();
  for (const v of alternatives) {
    const c = v.charCodeAt(0);
    firstUnit[c] = 1;
    const list = byFirst.get(c);
    if (list) list.push(v);
    else byFirst.set(c, [v]);
  }
}

/**
 * rewrite(norm, synonymPattern(), canonicalSynonym), faster: a scan for the variants' first code
 * units instead of the regex (same leftmost, first-alternative-wins matches), and when every
 * replacement has its variant's length, only the text changes and the offset map is kept as is.
 */
export function replaceSynonyms(norm: Normalised): Normalised {
  if (!byFirst) build();
  const table = byFirst!;
  const names = canonical!;
  const text = norm.text;
  const n = text.length;
  let out = '';
  let last = 0;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (firstUnit[c] === 0) {
      i++;
      continue;
    }
    let hit = '';
    for (const v of table.get(c)!) {
      if (text.startsWith(v, i)) {
        hit = v;
        break;
      }
    }
    if (hit === '') {
      i++;
      continue;
    }
    const replacement = names.get(hit)!;
    if (replacement.length !== hit.length) return rewrite(norm, synonymPattern(), canonicalSynonym);
    out += text.slice(last, i) + replacement;
    i += hit.length;
    last = i;
  }
  if (last === 0) return norm;
  out += text.slice(last);
  return { text: out, starts: norm.starts, ends: norm.ends };
}

export function synonymPattern(): RegExp {
  if (!pattern) build();
  return pattern!;
}

export function canonicalSynonym(variant: string): string {
  if (!canonical) build();
  return canonical!.get(variant) ?? variant;
}

/** The table, for the evaluation's spinner and for documentation. */
export function spinnerTable(): Readonly<Record<string, readonly string[]>> {
  return SPINNER_SYNONYMS;
}
