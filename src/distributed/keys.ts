// Names in Redis. BullMQ's keys live under the prefix "{taohua}" (one hash slot, as BullMQ needs
// on Redis Cluster); one run's data keys share the hash tag "{run-<id>}", so multi-key commands
// (MGET, DEL) work on a cluster and the run's keys can be found and removed together.
import { randomBytes } from 'node:crypto';

export const QUEUE_NAME = 'jobs';
export const QUEUE_PREFIX = '{taohua}';

/** Data keys expire after this even if a coordinator dies before removing them. */
export const KEY_TTL_MS = 24 * 3600 * 1000;

export function newRunId(): string {
  return randomBytes(6).toString('hex');
}

export class RunKeys {
  readonly tag: string;

  constructor(readonly runId: string) {
    this.tag = `{run-${runId}}`;
  }

  /** Chrome model and parameters; its absence tells workers the run is over. */
  get meta(): string {
    return `${this.tag}:meta`;
  }

  input(shard: number): string {
    return `${this.tag}:in:${shard}`;
  }

  output(shard: number): string {
    return `${this.tag}:out:${shard}`;
  }

  /** Content key of each unit of the shard (Float64, unit order). */
  unitKeys(shard: number): string {
    return `${this.tag}:uk:${shard}`;
  }

  unitOffsets(shard: number): string {
    return `${this.tag}:uo:${shard}`;
  }

  unitTexts(shard: number): string {
    return `${this.tag}:ut:${shard}`;
  }

  bands(partition: number, shard: number): string {
    return `${this.tag}:b:${partition}:${shard}`;
  }

  pairs(partition: number): string {
    return `${this.tag}:p:${partition}`;
  }

  /** Set of finished shard (map) or partition (reduce) numbers: progress, idempotent on retry. */
  done(kind: 'map' | 'reduce'): string {
    return `${this.tag}:done-${kind}`;
  }

  /** Every data key of a run with this many shards and partitions. */
  all(shards: number, partitions: number): string[] {
    const out = [this.meta, this.done('map'), this.done('reduce')];
    for (let s = 0; s < shards; s++) {
      out.push(this.input(s), this.output(s), this.unitKeys(s), this.unitOffsets(s), this.unitTexts(s));
      for (let p = 0; p < partitions; p++) out.push(this.bands(p, s));
    }
    for (let p = 0; p < partitions; p++) out.push(this.pairs(p));
    return out;
  }

  jobId(kind: 'map' | 'reduce' | 'maps-done' | 'reduces-done', n = 0): string {
    return `run-${this.runId}-${kind}-${n}`;
  }
}

/** The reduce partition of an LSH bucket (band j, key): a mix of both, modulo P. */
export function partitionOf(band: number, key: number, partitions: number): number {
  let h = Math.imul(key ^ Math.imul(band + 1, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % partitions;
}
