// One run's shared state in Redis: its meta record (parameters, chrome model) and writes that
// only land while the run is alive, so a worker finishing a job of an ended run leaves nothing.
import type { ChromeModel } from '../io/chrome.js';
import type { IndexParams } from '../index/corpus-index.js';
import type { Client } from './connection.js';
import { KEY_TTL_MS, RunKeys } from './keys.js';

export interface RunMeta {
  params: IndexParams;
  model: ChromeModel;
  /** Exact-Jaccard threshold for the reduce; 0 when the run only indexes. */
  threshold: number;
  scan: boolean;
  shards: number;
  partitions: number;
}

export interface MapJobData {
  runId: string;
  shard: number;
}

export interface ReduceJobData {
  runId: string;
  partition: number;
}

export async function readMeta(client: Client, keys: RunKeys): Promise<RunMeta | null> {
  const raw = await client.get(keys.meta);
  return raw === null ? null : (JSON.parse(raw) as RunMeta);
}

// KEYS[1] is the meta key; KEYS[2..] get ARGV[2..] with a TTL of ARGV[1] ms; then the set
// KEYS[#KEYS] gets ARGV[#ARGV] added when ARGV[#ARGV] is not empty (progress marker).
const WRITE_IF_ALIVE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
for i = 2, #KEYS - 1 do redis.call('SET', KEYS[i], ARGV[i], 'PX', ARGV[1]) end
redis.call('SADD', KEYS[#KEYS], ARGV[#ARGV])
redis.call('PEXPIRE', KEYS[#KEYS], ARGV[1])
return 1`;

/** Writes every entry and marks `done` in the set `doneKey`, atomically, if the run still exists. */
export async function writeIfAlive(
  client: Client,
  keys: RunKeys,
  entries: [string, Buffer][],
  doneKey: string,
  done: string,
): Promise<boolean> {
  const k = [keys.meta, ...entries.map((e) => e[0]), doneKey];
  const a: (string | Buffer)[] = [String(KEY_TTL_MS), ...entries.map((e) => e[1]), done];
  const r = await client.eval(WRITE_IF_ALIVE, k.length, ...k, ...a);
  return r === 1;
}
