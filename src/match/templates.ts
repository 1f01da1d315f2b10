// A readable template from the members of one stock phrase ("以{NAME}同志为核心的党中央"): the
// members' common core, with every part that varies as a slot that starts and ends at word
// boundaries, and each slot's variants with their counts.

import type { SlotKind, SlotVariant, TemplateSlot } from '../types.js';
import { compareStrings } from '../index/corpus-index.js';
import { align, formsOf, medoid, type Alignment, type Form } from './template-align.js';
import { originalSlice } from './template-view.js';
import { slotKind } from './slot-kinds.js';
import { cachedTagger, wordsWithin, type WordTagger } from './word-boundaries.js';

/** Distinct member texts that decide where the slots are; the rest are only read for variants. */
const MAX_MARKING = 400;
/** Candidates for the base (the weighted medoid) at most. */
const MAX_BASE_CANDIDATES = 12;
/** Variants listed per slot; the rest are counted in `others`. */
const MAX_VARIANTS = 20;

export interface Template {
  template: string;
  slots: TemplateSlot[];
}

/** A slot as a range of cells [start, end): the base chars and gaps it covers. */
interface Slot {
  start: number;
  end: number;
}

/**
 * The template of a phrase from its members' original texts, one per occurrence (repeats count).
 * A prefix or suffix that only some members have is left out; a part that varies elsewhere is a
 * slot: {NUM}, {NAME}, {PLACE} or {X} (see slot-kinds.ts).
 */
export function deriveTemplate(texts: readonly string[], tagger: WordTagger = cachedTagger()): Template {
  const forms = formsOf(texts, tagger);
  if (forms.length === 0) return { template: '', slots: [] };
  const closing = commonClosing(forms);
  if (forms.length === 1) return { template: forms[0].chars.join('') + closing, slots: [] };
  const base = medoid(forms.slice(0, MAX_BASE_CANDIDATES));
  const varies = new Uint8Array(base.chars.length * 2 + 1);
  const alignments = forms.map((form, i) => align(base, form, i < MAX_MARKING ? varies : undefined));
  const slots = widenToWords(runsOf(varies), alignments);
  const core = withoutPartialEdges(slots, alignments, varies.length);
  const body = render(base.chars, core, alignments);
  return {
    template: body !== '' && core.to === varies.length ? body + closing : body,
    slots: core.slots.map((slot) => describeSlot(slot, alignments)),
  };
}

/** The closing punctuation when every member ends with the same, else none. */
function commonClosing(forms: Form[]): string {
  const closings = new Set(forms.flatMap((f) => f.views.map((v) => v.view.closing)));
  return closings.size === 1 ? [...closings][0] : '';
}

/** Maximal runs of marked cells; runs with only an untouched gap between them (no base char) merge. */
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
    const last = slots[slots.length - 1];
    if (last !== undefined && first - last.end === 1 && last.end % 2 === 0) last.end = c;
    else slots.push({ start: first, end: c });
  }
  return slots;
}

/** Merges slots that overlap, or that touch when `touching` says so. */
function merged(slots: Slot[], touching: (a: Slot, b: Slot) => boolean): Slot[] {
  const out: Slot[] = [];
  for (const slot of slots) {
    const last = out[out.length - 1];
    if (last !== undefined && (slot.start < last.end || (slot.start === last.end && touching(last, slot)))) {
      last.end = Math.max(last.end, slot.end);
    } else out.push({ ...slot });
  }
  return out;
}

/**
 * Grows each slot until both of its ends fall on word boundaries in every member. Slots that
 * come to overlap merge; slots that only touch stay apart when they hold different kinds
 * ("县委12号" → "{X}{NUM}号").
 */
function widenToWords(slots: Slot[], alignments: Alignment[]): Slot[] {
  const cells = alignments[0].at.length - 1;
  const cutsWordAt = (cell: number): boolean => alignments.some((a) => !a.form.cuts.isBoundary[a.at[cell]]);
  let current = slots;
  for (;;) {
    let grown = false;
    const widened = current.map(({ start, end }) => {
      const from = start;
      const to = end;
      while (start > 0 && cutsWordAt(start)) start--;
      while (end < cells && cutsWordAt(end)) end++;
      grown ||= start !== from || end !== to;
      return { start, end };
    });
    if (!grown) return merged(current, (a, b) => kindOf(a, alignments) === kindOf(b, alignments));
    current = merged(widened, () => false);
  }
}

function isEmptyIn(slot: Slot, a: Alignment): boolean {
  return a.at[slot.start] === a.at[slot.end];
}

interface Core {
  slots: Slot[];
  /** The cells the template spans: [from, to). */
  from: number;
  to: number;
}

/** The common core: a slot with no base char before (or after) it that some member has nothing in is left out. */
function withoutPartialEdges(slots: Slot[], alignments: Alignment[], cells: number): Core {
  const kept = [...slots];
  let from = 0;
  let to = cells;
  const partial = (slot: Slot | undefined): slot is Slot => slot !== undefined && alignments.some((a) => isEmptyIn(slot, a));
  const first = kept[0];
  if (first !== undefined && first.start <= 1 && partial(first)) from = kept.shift()!.end;
  const last = kept[kept.length - 1];
  if (last !== undefined && last.end >= cells - 1 && partial(last)) to = kept.pop()!.start;
  return { slots: kept, from, to: Math.max(from, to) };
}

/** Base chars whose cells lie in [from, to). */
function charsIn(base: string[], from: number, to: number): string {
  return base.slice(Math.floor(from / 2), Math.floor(to / 2)).join('');
}

function render(base: string[], core: Core, alignments: Alignment[]): string {
  let out = '';
  let cursor = core.from;
  for (const slot of core.slots) {
    out += `${charsIn(base, cursor, slot.start)}{${kindOf(slot, alignments)}}`;
    cursor = slot.end;
  }
  return out + charsIn(base, cursor, core.to);
}

function kindOf(slot: Slot, alignments: Alignment[]): SlotKind {
  return slotKind(alignments.map((a) => wordsWithin(a.form.cuts, a.at[slot.start], a.at[slot.end])));
}

/** The slot's kind and its variants as written, counted over member occurrences. */
function describeSlot(slot: Slot, alignments: Alignment[]): TemplateSlot {
  const counts = new Map<string, number>();
  for (const a of alignments) {
    for (const { view, count } of a.form.views) {
      const text = originalSlice(view, a.at[slot.start], a.at[slot.end]);
      counts.set(text, (counts.get(text) ?? 0) + count);
    }
  }
  const variants: SlotVariant[] = [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((x, y) => y.count - x.count || compareStrings(x.text, y.text));
  const others = variants.slice(MAX_VARIANTS).reduce((n, v) => n + v.count, 0);
  return { kind: kindOf(slot, alignments), variants: variants.slice(0, MAX_VARIANTS), others };
}
