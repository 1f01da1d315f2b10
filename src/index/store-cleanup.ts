// Files a save leaves behind: its temp file and its lock. Removed on SIGINT/SIGTERM (a process
// interrupted mid-save must not leave 65 MB of temp file), and, for processes that died without
// cleaning up (kill -9, power loss), recognised by the PID in their name or content.
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
  uninstall();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function uninstall(): void {
  if (!installed) return;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  installed = false;
}

/** Removes `file` if the process is interrupted before the returned function is called. */
export function removeOnSignal(file: string): () => void {
  pending.add(file);
  if (!installed) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    installed = true;
  }
  return () => {
    pending.delete(file);
    if (pending.size === 0) uninstall();
  };
}

/** Whether a process with this PID exists on this machine (EPERM: it exists, but is not ours). */
export function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The temp file a save of `path` by this process writes. */
export function tempPathFor(path: string): string {
  return `${path}.tmp-${process.pid}`;
}

/** Removes `PATH.tmp-PID` files of processes that no longer exist; returns the names removed. */
export function removeStaleTemps(path: string): string[] {
  const dir = dirname(path);
  const prefix = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!/^\d+$/.test(name.slice(prefix.length)) || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
