// A server in a child process (the built code under dist/), so that a test's own requests do not
// share the server's event loop: what the test measures is the server alone.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerLimits } from '../../src/server/limits.js';

const DIST = fileURLToPath(new URL('../../dist/src/', import.meta.url));

const SCRIPT = `
const [dist, indexPath, threads, limits] = process.argv.slice(1);
const { loadIndex } = await import(dist + 'index/store.js');
const { startServer } = await import(dist + 'server/index.js');
const server = await startServer({ index: await loadIndex(indexPath), indexPath, threads: Number(threads), port: 0, limits: JSON.parse(limits) });
process.stdout.write(server.url + '\\n');
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
`;

export interface ChildServer {
  url: string;
  child: ChildProcess;
  close(): Promise<void>;
}

export async function childServer(indexPath: string, threads: number, limits: Partial<ServerLimits>): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT, DIST, indexPath, String(threads), JSON.stringify(limits)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    child,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
