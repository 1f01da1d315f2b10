// Argument parsing on node:util parseArgs: one option table for every command, strict, and every
// mistake a TaohuaError('USAGE') naming the option.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TaohuaError } from '../errors.js';
import type { PartialOptions } from '../options.js';
import type { ShingleMode } from '../types.js';

// THE option table: every option, its parse type, and the commands it applies to (`for`). Any other
// command given it is a usage error (exit 2); `needs` names an option it only makes sense with.
// Adding an option, or a command to an option, is one line here.
const C = 'check', S = 'scan', F = 'find', CMP = 'compare', IX = 'index', ADD = 'add', SV = 'serve', W = 'worker';
export const COMMAND_NAMES = [C, S, F, CMP, IX, ADD, SV, W];
const ALL = COMMAND_NAMES;
const SKETCHING = [C, S, CMP, IX, ADD];

export const OPTIONS = {
  against: { type: 'string', multiple: true, short: 'a', for: [C, S, F] },
  index: { type: 'string', short: 'i', for: [C, S, F, ADD, SV] },
  output: { type: 'string', short: 'o', for: [IX] },
  json: { type: 'boolean', for: [C, S, F, CMP] },
  csv: { type: 'boolean', for: [C, S, F] },
  html: { type: 'string', for: [C, S, CMP] },
  bom: { type: 'boolean', for: [C, S, F], needs: 'csv' },
  table: { type: 'string', for: [S], needs: 'csv' },
  sort: { type: 'string', for: [S, F] },
  asc: { type: 'boolean', for: [S] },
  top: { type: 'string', for: [S, F] },
  meta: { type: 'string', for: [C, S, F, IX, ADD] },
  'group-by': { type: 'string', for: [S, F] },
  'min-docs': { type: 'string', for: [S, SV] },
  'min-chars': { type: 'string', for: SKETCHING },
  'span-chars': { type: 'string', for: [C, SV] },
  context: { type: 'string', for: [F] },
  threshold: { type: 'string', for: [C, CMP, SV] },
  'cluster-threshold': { type: 'string', for: [S, SV] },
  'stock-coverage': { type: 'string', for: [C, SV] },
  mode: { type: 'string', for: SKETCHING },
  n: { type: 'string', for: SKETCHING },
  bands: { type: 'string', for: SKETCHING },
  rows: { type: 'string', for: SKETCHING },
  threads: { type: 'string', short: 't', for: [C, S, F, IX, ADD, SV, W] },
  'keep-chrome': { type: 'boolean', for: [C, S, F, IX, ADD] },
  'no-synonyms': { type: 'boolean', for: [...SKETCHING, F] },
  synonyms: { type: 'boolean', for: [S] },
  'no-places': { type: 'boolean', for: [...SKETCHING, F] },
  'no-color': { type: 'boolean', for: [C, S, F, CMP] },
  color: { type: 'boolean', for: [C, S, F, CMP] },
  redis: { type: 'string', for: [S, IX, W] },
  port: { type: 'string', for: [SV] },
  host: { type: 'string', for: [SV] },
  exclude: { type: 'string', multiple: true, for: [C] },
  allow: { type: 'string', multiple: true, for: [C] },
  'no-quotes': { type: 'boolean', for: [C] },
  'no-headings': { type: 'boolean', for: [C] },
  'min-match': { type: 'string', for: [C] },
  'formula-docs': { type: 'string', for: [C] },
  quiet: { type: 'boolean', short: 'q', for: [C, S, F, IX, ADD, SV, W] },
  help: { type: 'boolean', short: 'h', for: ALL },
  version: { type: 'boolean', short: 'V', for: ALL },
} as const satisfies Record<string, OptionSpec>;

interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  for: readonly string[];
  needs?: string;
}

export type OptionName = keyof typeof OPTIONS;

/** Other names of a command, for the option table. */
export const COMMAND_ALIASES: Record<string, string> = { phrases: S };

/** Options given (and not in the command's row of the table) are refused, naming the first. */
export function assertOptionsApply(command: string, values: Record<string, unknown>): void {
  const row = COMMAND_ALIASES[command] ?? command;
  for (const name of Object.keys(values) as OptionName[]) {
    const spec: OptionSpec = OPTIONS[name];
    if (!spec || values[name] === undefined) continue;
    if (!spec.for.includes(row)) throw new TaohuaError('USAGE', `${command} does not take --${name}${usedBy(spec)}`);
    if (spec.needs && values[spec.needs] === undefined) throw new TaohuaError('USAGE', `--${name} only applies with --${spec.needs}`);
  }
  if (values.json && values.csv) throw new TaohuaError('USAGE', 'give --json or --csv, not both');
  if (values.synonyms && values['no-synonyms']) throw new TaohuaError('USAGE', 'give --synonyms or --no-synonyms, not both');
  if (values.color && values['no-color']) throw new TaohuaError('USAGE', 'give --color or --no-color, not both');
}

function usedBy(spec: OptionSpec): string {
  return ` (only ${spec.for.join(', ')} ${spec.for.length === 1 ? 'takes' : 'take'} it)`;
}

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

export type Flags = { [K in OptionName]?: (typeof OPTIONS)[K] extends { type: 'string'; multiple: true } ? string[] : (typeof OPTIONS)[K] extends { type: 'string' } ? string : boolean };

export function parse(argv: string[]): { values: Flags; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS as ParseOptions, allowPositionals: true, strict: true });
    return { values: values as Flags, positionals };
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
      spanChars: intFlag(f['span-chars'], 'span-chars'),
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
