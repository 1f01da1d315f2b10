#!/usr/bin/env node
// The CLI: a thin layer over the library. The only place that exits.
import { EXIT_CODES, TaohuaError } from '../errors.js';
import { parse, rejectCheckOnlyFlags, type Flags } from './args.js';
import { HELP, VERSION } from './help.js';

type Command = (flags: Flags, positionals: string[]) => Promise<number>;

// Loaded on demand: the server and the Redis client cost start-up time that check and scan need not pay.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./commands/check.js')).runCheck,
  scan: async () => (await import('./commands/scan.js')).runScan,
  phrases: async () => (await import('./commands/scan.js')).runScan,
  compare: async () => (await import('./commands/compare.js')).runCompare,
  index: async () => (await import('./commands/index-cmd.js')).runIndex,
  add: async () => (await import('./commands/index-cmd.js')).runAdd,
  serve: async () => (await import('./commands/serve.js')).runServe,
  worker: async () => (await import('./commands/distributed.js')).runWorker,
};

async function main(argv: string[]): Promise<number> {
  const { values: flags, positionals } = parse(argv);
  if (flags.version) return void process.stdout.write(`${VERSION}\n`), 0;
  const [name, ...rest] = positionals;
  if (flags.help || !name) return void process.stdout.write(HELP), name || flags.help ? 0 : 2;
  const load = COMMANDS[name];
  if (!load) throw new TaohuaError('USAGE', `unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
  rejectCheckOnlyFlags(flags, name);
  return (await load())(flags, rest);
}

function report(e: unknown): number {
  if (e instanceof TaohuaError) {
    process.stderr.write(`taohua: ${e.message}\n`);
    return EXIT_CODES[e.code];
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EPIPE') return 0;
  process.stderr.write(`taohua: internal error: ${err?.message?.split('\n')[0] ?? String(e)}\n`);
  if (process.env.TAOHUA_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
  return EXIT_CODES.INTERNAL;
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = report(e);
  },
);
