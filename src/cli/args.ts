// Argument parsing on node:util parseArgs: one option table for every command, strict, and every
// mistake a TaohuaError('USAGE') naming the option.
import { parseArgs } from 'node:util';
import { TaohuaError } from '../errors.js';
import type { PartialOptions } from '../options.js';
import type { ShingleMode } from '../types.js';

export const OPTIONS = {
  against: { type: 'string', multiple: true, short: 'a' },
  index: { type: 'string', short: 'i' },
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  html: { type: 'string' },
  bom: { type: 'boolean' },
  table: { type: 'string' },
  sort: { type: 'string' },
  asc: { type: 'boolean' },
  top: { type: 'string' },
  'min-docs': { type: 'string' },
  'min-chars': { type: 'string' },
  threshold: { type: 'string' },
  'cluster-threshold': { type: 'string' },
  'stock-coverage': { type: 'string' },
  mode: { type: 'string' },
  n: { type: 'string' },
  bands: { type: 'string' },
  rows: { type: 'string' },
  threads: { type: 'string', short: 't' },
  'keep-chrome': { type: 'boolean' },
  'no-synonyms': { type: 'boolean' },
  'no-places': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  redis: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  exclude: { type: 'string', multiple: true },
  allow: { type: 'string', multiple: true },
  'no-quotes': { type: 'boolean' },
  'no-headings': { type: 'boolean' },
  'min-match': { type: 'string' },
  'formula-docs': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

export type Flags = ReturnType<typeof parse>['values'];

export function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new TaohuaError('USAGE', usageMessage(e));
  }
}

function usageMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '([^']+)'/.exec(m);
  if (unknown) return `unknown option ${unknown[1]} (see taohua --help)`;
  const missing = /Option '([^']+)' argument missing/.exec(m);
  if (missing) return `option ${missing[1].split(',').pop()!.trim()} needs a value`;
  return m.split('\n')[0].replace(/\. To specify.*$/, '');
}

export function intFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new TaohuaError('USAGE', `--${name} takes a whole number, not "${value}"`);
  return n;
}

export function numberFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new TaohuaError('USAGE', `--${name} takes a number, not "${value}"`);
  return n;
}

/** Options only `check` takes (the editor's report): any other command refuses them. */
export const CHECK_ONLY_FLAGS = ['exclude', 'allow', 'no-quotes', 'no-headings', 'min-match', 'formula-docs'] as const;

export function rejectCheckOnlyFlags(f: Flags, command: string): void {
  if (command === 'check') return;
  const given = CHECK_ONLY_FLAGS.find((name) => f[name] !== undefined);
  if (given) throw new TaohuaError('USAGE', `--${given} applies to check only, not to ${command}`);
}

/** The engine options the flags ask for (undefined fields keep their defaults). */
export function engineOptions(f: Flags): PartialOptions {
  const mode = f.mode;
  if (mode !== undefined && mode !== 'char' && mode !== 'word') throw new TaohuaError('USAGE', `--mode takes char or word, not "${mode}"`);
  return {
    normalise: strip({ synonyms: f['no-synonyms'] ? false : undefined, places: f['no-places'] ? false : undefined }),
    sketch: strip({ mode: mode as ShingleMode | undefined, n: intFlag(f.n, 'n'), bands: intFlag(f.bands, 'bands'), rows: intFlag(f.rows, 'rows') }),
    match: strip({
      threshold: numberFlag(f.threshold, 'threshold'),
      clusterThreshold: numberFlag(f['cluster-threshold'], 'cluster-threshold'),
      minChars: intFlag(f['min-chars'], 'min-chars'),
      minDocs: intFlag(f['min-docs'], 'min-docs'),
      stockCoverage: numberFlag(f['stock-coverage'], 'stock-coverage'),
      chrome: f['keep-chrome'] ? false : undefined,
    }),
    threads: intFlag(f.threads, 'threads'),
  };
}

function strip<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
