// Beyond one machine: indexing and scanning as a BullMQ job flow on Redis.
//
// How documents reach workers: the coordinator reads and decodes every document itself (it has
// to: page chrome is learned from the whole corpus first), then carries the decoded text to the
// workers through Redis, one binary key per shard of documents. Workers need no access to the
// files and no shared file system. The cost: the corpus text passes through Redis once (UTF-8,
// plus the map outputs: normalised text, unit arrays, and for a scan the band keys and unit
// texts), so Redis needs memory for roughly the corpus size several times over while a run
// lasts, and the coordinator's link to Redis carries all of it. The chrome model and parameters
// travel in one meta key per run, not in each job's data.
//
// Map: one job per shard runs sketchDocument on each document and writes the results as typed
// arrays, keyed by shard (a retried job overwrites, never duplicates), plus for a scan the band
// keys of the shard's distinct units partitioned by a hash of (band, key). Reduce: one job per
// partition, after every map job (flow parent/children), groups by band key, verifies candidate
// pairs by exact Jaccard and writes the verified pairs. The coordinator assembles the index with
// CorpusIndex.fromSketches and joins the pairs with union-find into the same clusters and
// phrases as scanCorpus.
//
// Keys: BullMQ under the prefix "{taohua}", one run's data under "{run-<id>}" (Redis Cluster
// friendly), expiring after 24 h in case a coordinator dies; removed when the run ends.
export { distributedIndex, distributedScan, distributedIndexAndScan } from './coordinator.js';
export type { DistributedOptions, DistributedProgress } from './coordinator.js';
export { startWorker } from './worker.js';
export type { WorkerOptions, RunningWorker } from './worker.js';
