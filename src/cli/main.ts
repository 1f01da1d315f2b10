#!/usr/bin/env node
// The CLI: a thin layer over the library. The only place that exits.
import { EXIT_CODES, TaohuaError } from '../errors.js';
import { parse, type Flags } from './args.js';
import { runCheck } from './commands/check.js';
import { runCompare } from './commands/compare.js';
import { runScan } from './commands/scan.js';
import { runAdd, runIndex } from './commands/index-cmd.js';
import { runServe } from './commands/serve.js';
import { runWorker } from './commands/distributed.js';
import { HELP, VERSION } from './help.js';

type Command = (flags: Flags, positionals: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  scan: runScan,
  phrases: runScan,
  compare: runCompare,
  index: runIndex,
  add: runAdd,
  serve: (f) => runServe(f),
  worker: (f) => runWorker(f),
};

async function main(argv: string[]): Promise<number> {
  const { values: flags, positionals } = parse(argv);
  if (flags.version) return void process.stdout.write(`${VERSION}\n`), 0;
  const [name, ...rest] = positionals;
  if (flags.help || !name) return void process.stdout.write(HELP), name || flags.help ? 0 : 2;
  const command = COMMANDS[name];
  if (!command) throw new TaohuaError('USAGE', `unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
  return command(flags, rest);
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
