// Every command of the README's ```sh blocks, read from README.md when the test runs (a command added
// to the README is tested without touching this file), run with `bash -c` in README order in a
// temporary copy of the working tree, so that nothing is written into the repository. Later lines
// use what earlier lines wrote, as a reader's would.
//
// - A line must exit 0, or with the code its comment documents (`# exit 1`).
// - Files it writes (`> FILE`, `-o FILE`, `--html FILE`) must exist, be non-empty and parse
//   (.json, .csv, .html, a loadable .taohua index); `--json` printed on stdout must parse.
// - `serve` is started, polled on /healthz until it answers, and stopped. `worker` and
//   `redis-server` keep running for the lines after them and are stopped at the end.
// - Lines that need Redis use the README's loopback URL: the README's own `redis-server` line is
//   run (or, without one, the test starts a redis-server on the URL's port) when that port is free;
//   otherwise those lines are skipped with a message.
// - `npm install && …` runs without the install (done before the suite); `npm test` is this suite.
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputProblem } from './outputs.js';
import { healthy, portFree, runLine, startService, waitFor, type Service } from './processes.js';
import { RedisForReadme } from './redis.js';
import { flagValue, shellWords, shLines, type ShLine } from './sh-lines.js';

const REPO = process.cwd();
const LINES = shLines(readFileSync(join(REPO, 'README.md'), 'utf8'));
const LINE_MS = 170_000;
// Not copied: version control, the large dependency tree (linked instead), and local outputs.
const NOT_COPIED = new Set(['.git', 'node_modules', 'scratch', '.shot', '.gen', join('bench', 'out')]);

async function copyWorkingTree(): Promise<{ root: string; work: string }> {
  const root = await mkdtemp(join(tmpdir(), 'taohua-readme-'));
  const work = join(root, 'taohua');
  await cp(REPO, work, {
    recursive: true,
    filter: (src) => !NOT_COPIED.has(relative(REPO, src)) && !basename(src).includes('.taohua'),
  });
  await symlink(join(REPO, 'node_modules'), join(work, 'node_modules'));
  // ../shared/gwr, as the repository sees it, when it is there.
  const shared = join(REPO, '..', 'shared');
  if (existsSync(shared)) await symlink(shared, join(root, 'shared'));
  return { root, work };
}

function skipWithMessage(skip: (note?: string) => never, line: ShLine, why: string): never {
  console.warn(`README test: not running \`${line.written}\`: ${why}`);
  return skip(why);
}

describe('the README commands, run as written', () => {
  let root: string;
  let work: string;
  const services: Service[] = [];
  const redis = new RedisForReadme();

  beforeAll(async () => {
    ({ root, work } = await copyWorkingTree());
  });
  afterAll(async () => {
    for (const service of services.reverse()) await service.stop();
    await redis.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('finds the commands in the README', () => {
    expect(LINES.filter((l) => l.kind === 'run').length).toBeGreaterThan(5);
  });

  for (const [i, line] of LINES.entries()) {
    it(`${i + 1}: ${line.written}`, async ({ skip }) => {
      if (line.kind === 'install') return skipWithMessage(skip, line, 'npm install ran before the suite');
      if (line.kind === 'suite') return skipWithMessage(skip, line, 'this is the suite that is running');
      if (line.redisUrl) {
        const why = await redis.prepare(line, work);
        if (why) return skipWithMessage(skip, line, why);
        if (line.kind === 'redis-server') return;
      }
      if (line.kind === 'serve') return serve(line, skip);
      if (line.kind === 'worker') services.push(await worker(line));
      else await runToEnd(line);
    }, LINE_MS + 10_000);
  }

  async function runToEnd(line: ShLine): Promise<void> {
    const { code, stdout, stderr } = await runLine(line.command, work, LINE_MS);
    expect(code, `exit code of \`${line.command}\`; stderr: ${stderr.slice(-2000)}`).toBe(line.exitCode);
    for (const file of line.outputs) expect(await outputProblem(join(work, file))).toBeNull();
    const words = shellWords(line.command);
    if (words.includes('--json') && !words.includes('>')) expect(() => JSON.parse(stdout), 'stdout of --json').not.toThrow();
  }

  async function serve(line: ShLine, skip: (note?: string) => never): Promise<void> {
    const words = shellWords(line.command);
    const host = flagValue(words, '--host') ?? '127.0.0.1';
    const port = Number(flagValue(words, '--port') ?? 8080);
    if (!(await portFree(host, port))) return skipWithMessage(skip, line, `${host}:${port} is in use`);
    const server = startService(line.command, work);
    try {
      const up = await waitFor(server, () => healthy(`http://${host}:${port}/healthz`), 90_000);
      expect(up, `/healthz of \`${line.command}\`; stderr: ${server.stderr().slice(-2000)}`).toBe(true);
    } finally {
      await server.stop();
    }
  }

  async function worker(line: ShLine): Promise<Service> {
    const service = startService(line.command, work);
    // It needs no readiness: queued jobs wait for it. It must just not fail on start.
    await waitFor(service, async () => service.stderr().length > 0, 15_000);
    expect(service.exited(), `\`${line.command}\` stopped at once: ${service.stderr()}`).toBe(false);
    return service;
  }
});
