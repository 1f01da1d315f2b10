// The Redis that the README's Redis lines talk to: the one the README's own `redis-server` line
// starts, or one this test starts on the URL's port; never a Redis that was running before.
import { spawnSync } from 'node:child_process';
import { portFree, redisAnswers, startService, waitFor, type Service } from './processes.js';
import type { ShLine } from './sh-lines.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

export class RedisForReadme {
  private service: Service | null = null;
  private port = 0;
  private unavailable: string | null = null;

  /** Makes sure our Redis runs at the line's URL; returns why the line cannot run, or null. */
  async prepare(line: ShLine, cwd: string): Promise<string | null> {
    const url = new URL(line.redisUrl!);
    const host = url.hostname;
    const port = Number(url.port || 6379);
    if (!LOOPBACK.has(host)) throw new Error(`the README's Redis URL must be on this machine (redis://127.0.0.1:6379), not ${line.redisUrl}`);
    if (this.unavailable) return this.unavailable;
    if (this.service && !this.service.exited() && this.port === port) {
      if (line.kind === 'redis-server') throw new Error(`a second redis-server on port ${port}: ${line.written}`);
      return null;
    }
    if (this.service) throw new Error(`the README's Redis lines use more than one Redis (port ${this.port}, then ${port}), or it stopped`);
    this.unavailable = await whyNot(port);
    if (this.unavailable) return this.unavailable;
    const command = line.kind === 'redis-server' ? line.command : `redis-server --port ${port} --bind 127.0.0.1 --save '' --appendonly no`;
    this.service = startService(command, cwd);
    this.port = port;
    if (!(await waitFor(this.service, () => redisAnswers('127.0.0.1', port), 15_000))) {
      throw new Error(`\`${command}\` did not answer PING on port ${port}: ${this.service.stderr().slice(-1000)}`);
    }
    return null;
  }

  async stop(): Promise<void> {
    await this.service?.stop();
  }
}

async function whyNot(port: number): Promise<string | null> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    if (process.env.CI) throw new Error('redis-server is not installed (.ci/run installs it)');
    return 'redis-server is not installed (apt-get install -y redis-server)';
  }
  if (!(await portFree('127.0.0.1', port))) return `port ${port} is in use by a server this test did not start`;
  return null;
}
