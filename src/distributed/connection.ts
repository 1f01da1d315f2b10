// Connections to Redis: one URL (redis://[user:pass@]host:port[/db], rediss:// for TLS), or a
// Redis Cluster given as several seed nodes separated by commas
// (redis://host1:7000,host2:7001). Blocking users (BullMQ workers) need
// maxRetriesPerRequest: null, which every connection made here has.
import { Cluster, Redis } from 'ioredis';
import { TaohuaError } from '../errors.js';

export type Client = Redis | Cluster;

interface Parsed {
  nodes: { host: string; port: number }[];
  username?: string;
  password?: string;
  db?: number;
  tls: boolean;
}

/**
 * The URL as it may be shown: a password (redis://user:PASSWORD@host) becomes ***. Applied to
 * every message that names the URL, since error lines end up in logs and terminals.
 */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^/]*@/i, '$1***@').replace(/^([a-z][a-z0-9+.-]*:\/\/)([^:@/]+)@/i, '$1***@');
}

export function parseRedisUrl(url: string): Parsed {
  const m = /^(rediss?):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#]+)(?:\/(\d+))?\/?$/.exec(url.trim());
  if (!m) throw new TaohuaError('USAGE', `not a Redis URL: ${redactUrl(url)} (expected redis://HOST:PORT)`);
  const nodes = m[4].split(',').map((hp) => {
    const at = hp.lastIndexOf(':');
    const host = at > 0 ? hp.slice(0, at).replace(/^\[|\]$/g, '') : hp;
    const port = at > 0 ? Number(hp.slice(at + 1)) : 6379;
    if (!host || !Number.isInteger(port) || port < 1 || port > 65535) throw new TaohuaError('USAGE', `bad host:port in Redis URL: ${hp}`);
    return { host, port };
  });
  return {
    nodes,
    username: m[2] ? decodeURIComponent(m[2]) : undefined,
    password: m[3] ? decodeURIComponent(m[3]) : undefined,
    db: m[5] ? Number(m[5]) : undefined,
    tls: m[1] === 'rediss',
  };
}

export interface ClientOptions {
  /** Reconnect forever (workers) or give up after this many attempts (coordinator). */
  maxReconnects?: number;
}

export function createClient(url: string, o: ClientOptions = {}): Client {
  const p = parseRedisUrl(url);
  const retryStrategy = (times: number): number | null =>
    o.maxReconnects !== undefined && times > o.maxReconnects ? null : Math.min(100 * times, 2000);
  const common = {
    username: p.username,
    password: p.password,
    tls: p.tls ? {} : undefined,
    maxRetriesPerRequest: null,
    lazyConnect: true,
  };
  if (p.nodes.length > 1) {
    return new Cluster(p.nodes, {
      redisOptions: { ...common, lazyConnect: false },
      clusterRetryStrategy: retryStrategy,
      lazyConnect: true,
    });
  }
  return new Redis({ ...common, host: p.nodes[0].host, port: p.nodes[0].port, db: p.db ?? 0, retryStrategy });
}

/** Connects, or fails with a clear REDIS error after timeoutMs. */
export async function connect(client: Client, url: string, timeoutMs = 5000): Promise<void> {
  client.on('error', () => {}); // reported through connect() and the watchdog, not as crashes
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
      }),
    ]);
    await client.ping();
  } catch (e) {
    client.disconnect();
    throw new TaohuaError('REDIS', `cannot connect to Redis at ${redactUrl(url)} (${messageOf(e)})`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Watches a connection: if it stays down for lostAfterMs, `lost` rejects with
 * "lost connection to Redis at …". Call stop() when done.
 */
export function watchConnection(client: Client, url: string, lostAfterMs: number): { lost: Promise<never>; stop(): void; down(): boolean } {
  let timer: NodeJS.Timeout | undefined;
  let isDown = false;
  let fail: (e: Error) => void = () => {};
  const lost = new Promise<never>((_, reject) => {
    fail = reject;
  });
  lost.catch(() => {});
  const onDown = (): void => {
    isDown = true;
    if (!timer) timer = setTimeout(() => fail(lostError(url)), lostAfterMs);
  };
  const onUp = (): void => {
    isDown = false;
    clearTimeout(timer);
    timer = undefined;
  };
  client.on('close', onDown);
  client.on('end', onDown);
  client.on('ready', onUp);
  return {
    lost,
    down: () => isDown,
    stop() {
      clearTimeout(timer);
      client.off('close', onDown);
      client.off('end', onDown);
      client.off('ready', onUp);
    },
  };
}

export function lostError(url: string, cause?: unknown): TaohuaError {
  return new TaohuaError('REDIS', `lost connection to Redis at ${redactUrl(url)}${cause ? ` (${messageOf(cause)})` : ''}`);
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs p, giving up after ms (for closing connections to a Redis that may be gone). */
export async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)))]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
