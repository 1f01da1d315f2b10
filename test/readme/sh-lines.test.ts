import { describe, expect, it } from 'vitest';
import { describeLine, shellWords, shLines, splitComment } from './sh-lines.js';

describe('README sh lines', () => {
  it('takes only sh blocks, joins continued lines, drops blank and comment-only lines', () => {
    const readme = [
      '```sh',
      'npm start -s -- scan corpus   # the corpus',
      '',
      '# a comment line',
      'npm start -s -- check examples/draft.txt \\',
      '  --against corpus/',
      '```',
      '```ts',
      'const x = 1;',
      '```',
      '```',
      'file ─▶ io',
      '```',
    ].join('\n');
    expect(shLines(readme).map((l) => l.written)).toEqual([
      'npm start -s -- scan corpus   # the corpus',
      'npm start -s -- check examples/draft.txt    --against corpus/',
    ]);
  });

  it('splits comments as the shell does: not inside quotes, not inside a word', () => {
    expect(splitComment(`redis-server --save '' --appendonly no   # or yours`)).toEqual({ code: `redis-server --save '' --appendonly no`, comment: 'or yours' });
    expect(splitComment(`echo '# not' "a#b" c#d # yes`)).toEqual({ code: `echo '# not' "a#b" c#d`, comment: 'yes' });
    expect(splitComment('echo hi')).toEqual({ code: 'echo hi', comment: '' });
  });

  it('splits words and operators', () => {
    expect(shellWords(`a 'b c' "d"e>f.csv 2> err.txt && g|h`)).toEqual(['a', 'b c', 'de', '>', 'f.csv', '2>', 'err.txt', '&&', 'g', '|', 'h']);
    expect(shellWords(`--save ''`)).toEqual(['--save', '']);
  });

  it('strips the install before && and knows the long-running lines', () => {
    const quick = describeLine('npm install && npm start -s -- scan corpus   # install and list');
    expect(quick).toMatchObject({ command: 'npm start -s -- scan corpus', kind: 'run', exitCode: 0, redisUrl: null });
    expect(describeLine('npm install').kind).toBe('install');
    expect(describeLine('npm test   # the suite').kind).toBe('suite');
    expect(describeLine('npm start -s -- serve --index corpus.taohua   # http://127.0.0.1:8080').kind).toBe('serve');
    expect(describeLine('node dist/src/cli/main.js worker --redis redis://127.0.0.1:6379').kind).toBe('worker');
    expect(describeLine(`redis-server --port 6390 --save ''`)).toMatchObject({ kind: 'redis-server', redisUrl: 'redis://127.0.0.1:6390' });
  });

  it('finds written files and documented exit codes', () => {
    const line = describeLine('npm start -s -- check d.txt --against c/ --html r.html --json > d.json 2> log.txt   # exit 1: one input skipped');
    expect(line.outputs).toEqual(['r.html', 'd.json']);
    expect(line.exitCode).toBe(1);
    expect(describeLine('npm start -s -- index c/ -o c.taohua --redis redis://127.0.0.1:6379').outputs).toEqual(['c.taohua']);
    expect(describeLine('npm start -s -- compare a b --html=p.html').outputs).toEqual(['p.html']);
  });
});
