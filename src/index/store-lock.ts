// One writer per index: `add` reads, grows and rewrites the whole file, so two at once would each
// write their own version and the later rename would drop the other's documents. The lock is a
// file next to the index created with O_EXCL, holding the owner's PID and host name. A lock whose
// process is gone (same host, PID not running) is stale and taken over.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { TaohuaError } from '../errors.js';
import { isAlive, removeOnSignal } from './store-cleanup.js';

/** How long a second writer waits for the lock before giving up (TAOHUA_LOCK_WAIT_MS overrides). */
export const LOCK_WAIT_MS = 30_000;
const POLL_MS = 100;

export function lockPathFor(indexPath: string): string {
  return `${indexPath}.lock`;
}

/** Runs `fn` holding the index's lock; waits up to waitMs for another holder, then INDEX_BUSY. */
export async function withIndexLock<T>(indexPath: string, fn: () => Promise<T>, waitMs = lockWaitMs()): Promise<T> {
  const lock = lockPathFor(indexPath);
  const mine = `${process.pid}\n${hostname()}\n`;
  const started = Date.now();
  for (;;) {
    const holder = tryCreate(lock, mine, indexPath);
    if (holder === null) break;
    if (isStale(holder)) {
      removeIfUnchanged(lock, holder);
      continue;
    }
    if (Date.now() - started >= waitMs) {
      const who = holder.pid ? `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}` : 'another process';
      throw new TaohuaError(
        'INDEX_BUSY',
        `index is in use by ${who} (lock file ${lock}); try again when it has finished, or delete the lock file if that process is gone`,
        indexPath,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const forget = removeOnSignal(lock);
  try {
    return await fn();
  } finally {
    forget();
    removeIfUnchanged(lock, { raw: mine, pid: process.pid, host: hostname() });
  }
}

interface Holder {
  raw: string;
  pid: number;
  host: string;
  ageMs?: number;
}

function ageOf(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Creates the lock (null), or returns who holds it. */
function tryCreate(lock: string, content: string, indexPath: string): Holder | null {
  try {
    writeFileSync(lock, content, { flag: 'wx' });
    return null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new TaohuaError('UNREADABLE', `cannot create lock file ${lock}: ${(e as Error).message}`, indexPath);
    }
  }
  let raw = '';
  try {
    raw = readFileSync(lock, 'utf8');
  } catch {
    // removed in between: try again
  }
  const [pid, host] = raw.split('\n');
  return { raw, pid: Number(pid), host: host ?? '', ageMs: ageOf(lock) };
}

/** Stale: its owner ran on this host and is gone. A lock from another host is never broken. */
function isStale(h: Holder): boolean {
  // Empty: being written right now (look again), or its writer died between create and write.
  if (h.raw === '') return (h.ageMs ?? 0) > 5000;
  return h.host === hostname() && !isAlive(h.pid);
}

function removeIfUnchanged(lock: string, h: Holder): void {
  try {
    if (readFileSync(lock, 'utf8') === h.raw) rmSync(lock, { force: true });
  } catch {
    // already gone
  }
}

function lockWaitMs(): number {
  const v = Number(process.env.TAOHUA_LOCK_WAIT_MS);
  return Number.isFinite(v) && v >= 0 ? v : LOCK_WAIT_MS;
}
