// Derive a template ("在{X}委、{X}政府的正确领导下") from a cluster of near-duplicate units.

import { diffChars } from 'diff';

/** Members diffed against the base at most; larger clusters are sampled. */
const MAX_DIFFED = 50;
/** Candidates for the base (medoid) at most. */
const MAX_BASE_CANDIDATES = 12;

/** How one member lines up with the base, as code-point boundaries. */
interface Alignment {
  chars: string[];
  /** leftMap[b]: member position just after base char b-1 (before insertions at b). */
  leftMap: Int32Array;
  /** rightMap[b]: member position just before base char b (after insertions at b). */
  rightMap: Int32Array;
}

interface Slot {
  start: number;
  end: number;
}

/**
 * The members' common text with every part that varies replaced by a slot:
 * {NUM} when every member has a number there, {X} otherwise. One member → its text.
 */
export function deriveTemplate(texts: string[]): string {
  const unique = [...new Set(texts)];
  if (unique.length === 0) return '';
  if (unique.length === 1) return unique[0];
  const sample = sampleOf(unique, MAX_DIFFED);
  const base = Array.from(medoid(sample.slice(0, MAX_BASE_CANDIDATES)));
  const baseText = base.join('');
  const others = sample.filter((t) => t !== baseText);
  const varies = new Uint8Array(base.length * 2 + 1); // cell 2i: gap before char i; 2i+1: char i
  const alignments = others.map((t) => align(base, t, varies));
  const slots = widenToWords(runsOf(varies), base, alignments);
  return renderTemplate(base, slots, alignments);
}

/** A fixed-seed random sample (partial Fisher–Yates), so results repeat run to run. */
function sampleOf(items: string[], max: number): string[] {
  if (items.length <= max) return items;
  const indices = Array.from(items, (_, i) => i);
  let seed = 0x9e3779b9;
  const next = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let k = 0; k < max; k++) {
    const pick = k + Math.floor(next() * (indices.length - k));
    [indices[k], indices[pick]] = [indices[pick], indices[k]];
  }
  return indices.slice(0, max).sort((a, b) => a - b).map((i) => items[i]);
}

function editDistance(a: string, b: string): number {
  let distance = 0;
  for (const part of diffChars(a, b)) if (part.added || part.removed) distance += part.count;
  return distance;
}

/** The candidate with the least total diff to the others (first wins ties). */
function medoid(candidates: string[]): string {
  let best = candidates[0];
  let bestCost = Infinity;
  const cost = new Array<number>(candidates.length).fill(0);
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const d = editDistance(candidates[i], candidates[j]);
      cost[i] += d;
      cost[j] += d;
    }
    if (cost[i] < bestCost) {
      bestCost = cost[i];
      best = candidates[i];
    }
  }
  return best;
}

/** Diffs one member against the base, marking the base cells it changes. */
function align(base: string[], memberText: string, varies: Uint8Array): Alignment {
  const chars = Array.from(memberText);
  const leftMap = new Int32Array(base.length + 1);
  const rightMap = new Int32Array(base.length + 1);
  let bi = 0;
  let mi = 0;
  for (const part of diffChars(base.join(''), memberText)) {
    if (part.added) {
      varies[2 * bi] = 1;
      mi += part.count;
      continue;
    }
    for (let k = 0; k < part.count; k++) {
      rightMap[bi] = mi;
      if (part.removed) varies[2 * bi + 1] = 1;
      else mi++;
      bi++;
      leftMap[bi] = mi;
    }
  }
  rightMap[base.length] = mi;
  return { chars, leftMap, rightMap };
}

/** Maximal runs of marked cells as base char ranges (empty for a pure insertion). */
function runsOf(varies: Uint8Array): Slot[] {
  const slots: Slot[] = [];
  let c = 0;
  while (c < varies.length) {
    if (!varies[c]) {
      c++;
      continue;
    }
    const first = c;
    while (c < varies.length && varies[c]) c++;
    slots.push({ start: Math.floor(first / 2), end: Math.floor(c / 2) });
  }
  return slots;
}

const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /[0-9０-９]/;

/** True for letters and digits of space-separated scripts, and a decimal point between digits. */
function isWordChar(chars: readonly string[], i: number): boolean {
  const c = chars[i];
  if (c === undefined) return false;
  if (c === '.' || c === ',' || c === '．') return DIGIT.test(chars[i - 1] ?? '') && DIGIT.test(chars[i + 1] ?? '');
  return LETTER_OR_DIGIT.test(c) && !IDEOGRAPHIC.test(c);
}

function memberSlice(a: Alignment, slot: Slot): string[] {
  return a.chars.slice(a.leftMap[slot.start], a.rightMap[slot.end]);
}

/**
 * A slot that cuts into a word or number grows to the whole word or number
 * ("co{X}i{X}" → "{X}", "9{NUM}" → "{NUM}"); slots that then touch merge.
 */
function widenToWords(slots: Slot[], base: string[], alignments: Alignment[]): Slot[] {
  const widened = slots.map((slot) => {
    const contents = alignments.map((a) => memberSlice(a, slot));
    const edgeIsWord = (pick: (chars: string[]) => number): boolean =>
      (slot.end > slot.start && isWordChar(base, pick(base.slice(slot.start, slot.end)) + slot.start)) ||
      contents.some((chars) => chars.length > 0 && isWordChar(chars, pick(chars)));
    let { start, end } = slot;
    if (edgeIsWord(() => 0)) while (start > 0 && isWordChar(base, start - 1)) start--;
    if (edgeIsWord((chars) => chars.length - 1)) while (end < base.length && isWordChar(base, end)) end++;
    return { start, end };
  });
  const merged: Slot[] = [];
  for (const slot of widened) {
    const last = merged[merged.length - 1];
    if (last !== undefined && slot.start <= last.end) last.end = Math.max(last.end, slot.end);
    else merged.push({ ...slot });
  }
  return merged;
}

const NUMBER = /^[0-9０-９]+(?:[.,．][0-9０-９]+)*$/;

function renderTemplate(base: string[], slots: Slot[], alignments: Alignment[]): string {
  let out = '';
  let cursor = 0;
  for (const slot of slots) {
    out += base.slice(cursor, slot.start).join('');
    const contents = [base.slice(slot.start, slot.end), ...alignments.map((a) => memberSlice(a, slot))];
    const numeric = contents.every((chars) => NUMBER.test(chars.join('')));
    out += numeric ? '{NUM}' : '{X}';
    cursor = slot.end;
  }
  return out + base.slice(cursor).join('');
}
