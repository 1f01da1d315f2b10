import { describe, expect, it } from 'vitest';
import { deriveTemplate } from '../../src/match/templates.js';

describe('deriveTemplate', () => {
  it('returns the text of a single member', () => {
    expect(deriveTemplate(['坚持以人民为中心的发展思想'])).toBe('坚持以人民为中心的发展思想');
    expect(deriveTemplate(['同一句话', '同一句话'])).toBe('同一句话');
    expect(deriveTemplate([])).toBe('');
  });

  it('turns varying place names into {X} slots', () => {
    expect(
      deriveTemplate(['在县委、县政府的正确领导下', '在市委、市政府的正确领导下', '在区委、区政府的正确领导下']),
    ).toBe('在{X}委、{X}政府的正确领导下');
  });

  it('turns varying numbers into one {NUM} slot, keeping the percent sign', () => {
    expect(deriveTemplate(['入学率达到99.9%', '入学率达到95%'])).toBe('入学率达到{NUM}%');
    expect(deriveTemplate(['入学率达到99.9%', '入学率达到99%'])).toBe('入学率达到{NUM}%');
    expect(
      deriveTemplate(['全年完成投资12.5亿元，同比增长8.3%', '全年完成投资3亿元，同比增长10%', '全年完成投资7.25亿元，同比增长0.5%']),
    ).toBe('全年完成投资{NUM}亿元，同比增长{NUM}%');
  });

  it('uses {X} when some member has no number there', () => {
    expect(deriveTemplate(['完成率为98%', '完成率为百分之百%'])).toBe('完成率为{X}%');
  });

  it('merges adjacent varying runs into one slot', () => {
    // 正確領導 vs 正确领导: three differing characters side by side → one slot.
    expect(deriveTemplate(['在县委、县政府的正确领导下', '在縣委、縣政府的正確領導下'])).toBe('在{X}委、{X}政府的正{X}下');
  });

  it('widens slots to whole English words', () => {
    expect(
      deriveTemplate(['The committee approved the plan.', 'The council approved the plan.', 'The board approved the plan.']),
    ).toBe('The {X} approved the plan.');
    expect(deriveTemplate(['Revenue grew by 12.5 percent in 2023.', 'Revenue grew by 3 percent in 2021.'])).toBe(
      'Revenue grew by {NUM} percent in {NUM}.',
    );
  });

  it('handles insertions and wholly different members', () => {
    expect(deriveTemplate(['深入学习贯彻会议精神', '深入学习贯彻全会精神']).includes('{X}')).toBe(true);
    expect(deriveTemplate(['abc', 'xyz'])).toBe('{X}');
  });

  it('is deterministic and fast for clusters of hundreds of members', () => {
    const members = Array.from(
      { length: 800 },
      (_, i) => `${['县', '市', '区', '镇'][i % 4]}委${i}号文件要求，全年完成目标任务的${(i * 7) % 100}%以上`,
    );
    const started = performance.now();
    const template = deriveTemplate(members);
    expect(performance.now() - started).toBeLessThan(500);
    expect(template).toBe('{X}委{NUM}号文件要求，全年完成目标任务的{NUM}%以上');
    expect(deriveTemplate(members)).toBe(template);
  });
});
