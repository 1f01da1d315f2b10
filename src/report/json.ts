// JSON output with a fixed key order, whatever order the producer built objects in.

import type { CheckResult, CompareResult, ScanResult } from '../types.js';

/**
 * One global ranking that agrees with the field order of every result interface
 * in types.ts. Keys not listed follow, alphabetically.
 */
const KEY_ORDER = [
  'schema', 'path', 'document', 'doc', 'format', 'encoding',
  'aStart', 'aEnd', 'bStart', 'bEnd', 'start', 'end',
  'text', 'template', 'slots', 'label', 'kind', 'variants', 'others',
  'chars', 'stockChars', 'sharedChars', 'stockRatio', 'ratio', 'share', 'a', 'b', 'similarity', 'heading',
  'tier', 'reuse', 'docFreq', 'count', 'meanChars', 'quoted', 'leftOut', 'source',
  'counts', 'stock', 'edited', 'original', 'chrome',
  'spans', 'matches', 'docs', 'members', 'documents', 'phrases', 'sentences', 'passages', 'sources',
  'panel', 'total', 'withoutQuotes', 'copiedOnly', 'largestSource', 'sections', 'tierCounts', 'reuseCounts', 'leftOutChars', 'verbatim', 'figures', 'reworded',
  'formula', 'copied', 'quote', 'allowed', 'excludedDocs',
];
const RANK = new Map(KEY_ORDER.map((key, i) => [key, i]));

function compareKeys(x: string, y: string): number {
  const rx = RANK.get(x) ?? KEY_ORDER.length;
  const ry = RANK.get(y) ?? KEY_ORDER.length;
  if (rx !== ry) return rx - ry;
  return x < y ? -1 : x > y ? 1 : 0;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort(compareKeys)) out[key] = ordered(source[key]);
    return out;
  }
  return value;
}

/** 2-space indented JSON with stable key order, ending with a newline. */
export function toJson(result: CheckResult | ScanResult | CompareResult | object): string {
  return `${JSON.stringify(ordered(result), null, 2)}\n`;
}
