// The evaluation's own spinner: a template site's thesaurus, deliberately different from and larger
// than the engine's table (src/text/synonyms.ts). A pair is "known" when the engine's normalisation
// already maps both words to the same text, "held-out" otherwise, so the spun figures stay honest.
import { DEFAULTS } from '../../src/options.js';
import { normalise } from '../../src/text/normalise.js';
import type { Rng } from './prng.js';

/** Common word → what a spinner writes instead. */
export const SPIN_TABLE: Record<string, string[]> = {
  // the pairs the issue names
  发展: ['开展'],
  基础: ['根底'],
  服务: ['效劳'],
  广大: ['广阔'],
  加强: ['增强'],
  推进: ['推动'],
  提高: ['提升'],
  进行: ['停止'],
  // more of a template site's favourites
  重要: ['关键', '主要'],
  认真: ['仔细'],
  积极: ['踊跃', '主动'],
  目标: ['目的'],
  方面: ['层面'],
  能力: ['本领', '才能'],
  提供: ['供给'],
  问题: ['题目', '疑问'],
  建立: ['树立'],
  全面: ['周全'],
  工作: ['事情', '任务'],
  实现: ['完成'],
  改革: ['变革'],
  创新: ['立异'],
  质量: ['品质'],
  国家: ['国度'],
  政府: ['当局'],
  制定: ['拟定'],
  继续: ['连续'],
  规模: ['范围'],
  机制: ['体制'],
  重点: ['要点'],
  优化: ['改善'],
  保护: ['维护'],
  增长: ['增添'],
  提出: ['提议'],
  支持: ['支撑'],
  参与: ['介入'],
  稳定: ['稳固'],
  扩大: ['扩展'],
  协调: ['和谐'],
  加快: ['加速'],
  特色: ['特征'],
  成效: ['功效'],
  意识: ['认识'],
  困难: ['艰难'],
  各级: ['各层'],
  教师: ['老师'],
  思想: ['思维'],
  措施: ['举措'],
  方法: ['方式'],
  制度: ['轨制'],
  部门: ['部分'],
  保障: ['保证'],
  因此: ['因而'],
  使用: ['运用'],
  帮助: ['协助'],
  增加: ['添加'],
  目前: ['当前'],
  首先: ['起首'],
  已经: ['曾经'],
  特别: ['尤其'],
  意见: ['看法'],
  建设: ['扶植'],
  管理: ['办理'],
  安全: ['平安'],
  领导: ['指导'],
  落实: ['施行'],
  深入: ['深化'],
  完善: ['健全'],
  经验: ['阅历'],
  水平: ['程度'],
  不断: ['一直'],
  及时: ['实时'],
  情况: ['状况'],
  需要: ['需求'],
  努力: ['尽力'],
  取得: ['获得'],
  通过: ['经过'],
  坚持: ['坚守'],
  组织: ['构造'],
  明显: ['显著'],
  推动: ['促进'],
  人民: ['国民'],
  教育: ['教诲'],
  学生: ['学员'],
  学校: ['院校'],
  全国: ['天下'],
  结构: ['构造'],
  环境: ['氛围'],
  力度: ['力气'],
  资源: ['资本'],
  体系: ['系统'],
  核心: ['中心'],
  有效: ['有用'],
  开展: ['展开'],
  监督: ['监视'],
  检查: ['反省'],
  评价: ['评估'],
  培训: ['培育'],
  队伍: ['部队'],
  活动: ['运动'],
  先进: ['进步'],
  标准: ['规范'],
  责任: ['义务'],
  政策: ['方针'],
  统筹: ['兼顾'],
  保持: ['坚持'],
  有关: ['相关'],
  实施: ['执行'],
  全体: ['所有'],
  各项: ['各类'],
  进一步: ['更进一步'],
  群众: ['大众', '公众'],
  成绩: ['成果', '成效'],
  充分: ['充沛', '足够'],
};

export type SpinClass = 'known' | 'heldout';

const norm = (w: string): string => normalise(w, DEFAULTS.normalise).text;

/** Known: the engine's default normalisation makes the two words equal. */
export function spinClass(common: string, variant: string): SpinClass {
  return norm(common) === norm(variant) ? 'known' : 'heldout';
}

let classes: Map<SpinClass, Map<string, string[]>> | undefined;

/** The table split by class: common → variants of that class. */
export function spinTables(): Map<SpinClass, Map<string, string[]>> {
  if (classes) return classes;
  classes = new Map([
    ['known', new Map()],
    ['heldout', new Map()],
  ]);
  for (const [common, variants] of Object.entries(SPIN_TABLE)) {
    for (const v of variants) {
      const t = classes.get(spinClass(common, v))!;
      t.set(common, [...(t.get(common) ?? []), v]);
    }
  }
  return classes;
}

interface Site {
  at: number;
  word: string;
}

/** Non-overlapping occurrences of the class's common words, leftmost-longest. */
function sites(text: string, table: Map<string, string[]>): Site[] {
  const words = [...table.keys()].sort((a, b) => b.length - a.length);
  const out: Site[] = [];
  for (let i = 0; i < text.length; ) {
    const w = words.find((x) => text.startsWith(x, i));
    if (w) {
      out.push({ at: i, word: w });
      i += w.length;
    } else i++;
  }
  return out;
}

/** Exactly k substitutions of the class, or undefined when the sentence has fewer sites. */
export function spin(text: string, k: number, cls: SpinClass, rng: Rng): string | undefined {
  const table = spinTables().get(cls)!;
  const found = sites(text, table);
  if (found.length < k) return undefined;
  let out = text;
  for (const s of rng.sample(found, k).reverse()) {
    out = out.slice(0, s.at) + rng.pick(table.get(s.word)!) + out.slice(s.at + s.word.length);
  }
  return out;
}
