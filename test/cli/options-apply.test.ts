// Every command × every option of the option table: an option a command does not use is a usage
// error (exit 2), one it uses is accepted by the table.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertOptionsApply, COMMAND_ALIASES, COMMAND_NAMES, OPTIONS, parse, type OptionName } from '../../src/cli/args.js';
import { TaohuaError } from '../../src/errors.js';

const CLI = join(process.cwd(), 'dist/src/cli/main.js');
const COMMANDS = [...COMMAND_NAMES, ...Object.keys(COMMAND_ALIASES)];

function argsFor(name: OptionName): string[] {
  const spec = OPTIONS[name];
  const own = spec.type === 'string' ? [`--${name}`, '1'] : [`--${name}`];
  return 'needs' in spec ? [...own, `--${spec.needs}`] : own;
}

function refusal(command: string, argv: string[]): TaohuaError | undefined {
  try {
    const { values } = parse([command, ...argv]);
    assertOptionsApply(command, values);
    return undefined;
  } catch (e) {
    if (e instanceof TaohuaError) return e;
    throw e;
  }
}

describe('options that do not apply are usage errors', () => {
  for (const command of COMMANDS) {
    const row = COMMAND_ALIASES[command] ?? command;
    it(`${command}: every option of the table`, () => {
      for (const name of Object.keys(OPTIONS) as OptionName[]) {
        const applies = (OPTIONS[name].for as readonly string[]).includes(row);
        const e = refusal(command, argsFor(name));
        if (applies) expect(e, `${command} --${name}`).toBeUndefined();
        else {
          expect(e?.code, `${command} --${name}`).toBe('USAGE');
          expect(e?.message).toContain(`--${name}`);
        }
      }
    });
  }

  it('an option that needs another is refused without it', () => {
    expect(refusal('scan', ['--table', 'documents'])?.message).toBe('--table only applies with --csv');
    expect(refusal('check', ['--bom'])?.message).toBe('--bom only applies with --csv');
    expect(refusal('scan', ['--json', '--csv'])?.code).toBe('USAGE');
  });

  it('the CLI exits 2 with one line on stderr', () => {
    const cases = [
      ['scan', 'corpus', '--table', 'documents'],
      ['check', 'corpus/000_1d961a0082aa0431.txt', '--against', 'corpus', '--top', '3'],
      ['compare', 'corpus/000_1d961a0082aa0431.txt', 'corpus/001_e0827daa2707cdb8.txt', '--csv'],
      ['serve', '--index', 'nothing.taohua', '--mode', 'word'],
      ['worker', '--redis', 'redis://127.0.0.1:1', '--json'],
    ];
    for (const argv of cases) {
      const r = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8' });
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^taohua: [^\n]+\n$/);
      expect(r.stdout).toBe('');
    }
  });
});
