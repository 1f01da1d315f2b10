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

/** Keys in schema order; most objects are built in that order already, which one pass confirms. */
function sortedKeys(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) if (compareKeys(keys[i - 1], keys[i]) > 0) return keys.sort(compareKeys);
  return keys;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of sortedKeys(Object.keys(source))) out[key] = ordered(source[key]);
    return out;
  }
  return value;
}

/** 2-space indented JSON with stable key order, ending with a newline. */
export function toJson(result: CheckResult | ScanResult | CompareResult | object): string {
  return `${JSON.stringify(ordered(result), null, 2)}\n`;
}

/** How deep jsonChunks descends before a value is stringified whole (result → list → item). */
const STREAM_DEPTH = 3;

/**
 * The same text as toJson, in pieces: a large result (a 16 MB draft of short lines gives
 * millions of sentences) does not fit in one JS string, so the CLI writes it piece by piece.
 * Objects and arrays near the root are walked; deeper values are stringified whole, each
 * indented to its depth (JSON escapes newlines inside strings, so every raw newline is layout).
 */
export function* jsonChunks(result: object): Generator<string> {
  yield* chunksOf(result, 0, STREAM_DEPTH);
  yield '\n';
}

function* chunksOf(value: unknown, depth: number, descend: number): Generator<string> {
  const pad = '  '.repeat(depth);
  if (descend > 0 && Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}\n${pad}  `;
      yield* chunksOf(jsonable(value[i]) ? value[i] : null, depth + 1, descend - 1);
    }
    return yield `\n${pad}]`;
  }
  if (descend > 0 && isWalkable(value)) {
    const keys = keyOrder(Object.keys(value).filter((k) => jsonable(value[k])));
    if (keys.length === 0) return yield '{}';
    for (let i = 0; i < keys.length; i++) {
      yield `${i === 0 ? '{' : ','}\n${pad}  ${JSON.stringify(keys[i])}: `;
      yield* chunksOf(value[keys[i]], depth + 1, descend - 1);
    }
    return yield `\n${pad}}`;
  }
  yield indented(ordered(value), depth);
}

/**
 * JSON.stringify(value, null, 2) with every line after the first indented `depth` levels more:
 * the value is stringified inside `depth` arrays and cut out again, so the indenting is native
 * (a replace over every newline cost as much as the stringify).
 */
function indented(value: unknown, depth: number): string {
  if (depth === 0 || value === null || typeof value !== 'object') return JSON.stringify(value, null, 2);
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  let from = 0;
  for (let i = 0; i < depth; i++) from = text.indexOf('\n', from) + 1;
  let to = text.length;
  for (let i = 0; i < depth; i++) to = text.lastIndexOf('\n', to - 1);
  return text.slice(from + 2 * depth, to);
}

/** The order ordered() gives: schema ranking, except that integer-like keys come first (as in every JS object). */
function keyOrder(keys: string[]): string[] {
  return Object.keys(Object.fromEntries(keys.sort(compareKeys).map((k) => [k, 0])));
}

/** What JSON.stringify keeps as an object member (else the key is dropped, or null in an array). */
function jsonable(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}

function isWalkable(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}
