// Running README lines with `bash -c` in their own process group: to completion, or as a service
// that is stopped (its whole group) afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Service {
  proc: ChildProcess;
  /** stderr so far, for messages. */
  stderr(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

function bash(command: string, cwd: string): ChildProcess {
  return spawn('bash', ['-c', command], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
}

/** Runs a line to its end; after timeoutMs its process group is killed and the code is null. */
export function runLine(command: string, cwd: string, timeoutMs: number): Promise<Finished> {
  const proc = bash(command, cwd);
  let stdout = '';
  let stderr = '';
  proc.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    proc.once('error', reject);
    proc.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts a line that keeps running. */
export function startService(command: string, cwd: string): Service {
  const proc = bash(command, cwd);
  let stderr = '';
  proc.stdout?.resume();
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    proc,
    stderr: () => stderr,
    exited: () => proc.exitCode !== null || proc.signalCode !== null,
    stop: () => stopGroup(proc),
  };
}

/** SIGTERM to the whole group (bash, npm, node), then SIGKILL to whatever is left after 10 s. */
export async function stopGroup(proc: ChildProcess): Promise<void> {
  killGroup(proc, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && groupAlive(proc); waited += 100) await sleep(100);
  if (groupAlive(proc)) killGroup(proc, 'SIGKILL');
}

function killGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (proc.pid) process.kill(-proc.pid, signal);
  } catch {
    // the group is gone already
  }
}

function groupAlive(proc: ChildProcess): boolean {
  try {
    return proc.pid !== undefined && process.kill(-proc.pid, 0);
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Whether nothing listens on host:port and we may bind it (the README's fixed ports: 8080, 6379). */
export function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Polls until check() is true; false when the service exits first or timeoutMs pass. */
export async function waitFor(service: Service, check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !service.exited()) {
    if (await check().catch(() => false)) return true;
    await sleep(250);
  }
  return false;
}

export async function healthy(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok && ((await res.json()) as { ok?: boolean }).ok === true;
}

/** Whether a Redis answers PING at host:port. */
export function redisAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}
