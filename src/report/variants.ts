// A template slot's variants as one line of text: "完善 ×12 / 健全 ×5 / … ×3" (∅ where members have
// nothing there). The × keeps counts apart from variants that are numbers themselves ("8 ×9").

import type { TemplateSlot } from '../types.js';

/** Shown for a variant that is empty: members with nothing in the slot. */
export const EMPTY_VARIANT = '∅';

/**
 * The first `max` variants with their counts, each text passed through `shorten`; the occurrences
 * not shown are summed after "…".
 */
export function slotVariantsText(slot: TemplateSlot, max = Infinity, shorten: (text: string) => string = (t) => t): string {
  const shown = slot.variants.slice(0, max);
  const hidden = slot.others + slot.variants.slice(shown.length).reduce((n, v) => n + v.count, 0);
  const parts = shown.map((v) => `${v.text === '' ? EMPTY_VARIANT : shorten(v.text)} ×${v.count}`);
  if (hidden > 0) parts.push(`… ×${hidden}`);
  return parts.join(' / ');
}

/** Every slot's variants, slots separated by " ; " (the CSV column). */
export function variantsColumn(slots: readonly TemplateSlot[]): string {
  return slots.map((slot) => slotVariantsText(slot)).join(' ; ');
}
