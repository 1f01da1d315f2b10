// A bare worker process: node dist/src/distributed/worker-main.js --redis redis://HOST:PORT
// [--concurrency N] [--lock-ms MS]. Prints "ready" when connected; stops on SIGTERM/SIGINT.
// For tests only: TAOHUA_TEST_FAIL_SHARD=N makes every map job of shard N fail;
// TAOHUA_TEST_SLOW_MS=MS makes every job wait that long first.
import { isTaohuaError } from '../errors.js';
import { startWorker } from './worker.js';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const redis = flag('--redis');
  if (!redis) {
    process.stderr.write('usage: worker-main --redis redis://HOST:PORT [--concurrency N] [--lock-ms MS]\n');
    process.exit(2);
  }
  const failShard = process.env.TAOHUA_TEST_FAIL_SHARD;
  const slowMs = Number(process.env.TAOHUA_TEST_SLOW_MS ?? 0);
  const worker = await startWorker({
    redis,
    concurrency: Number(flag('--concurrency') ?? 1),
    lockDurationMs: flag('--lock-ms') ? Number(flag('--lock-ms')) : undefined,
    onLog: process.env.TAOHUA_WORKER_LOG ? (l) => process.stderr.write(`[worker ${process.pid}] ${l}\n`) : undefined,
    beforeJob: async (name, data) => {
      if (slowMs > 0) await new Promise((r) => setTimeout(r, slowMs));
      if (failShard !== undefined && name === 'map' && (data as { shard: number }).shard === Number(failShard))
        throw new Error(`injected failure in shard ${failShard}`);
    },
  });
  process.stdout.write('ready\n');
  const stop = (): void => void worker.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${isTaohuaError(e) ? e.message : String(e)}\n`);
  process.exit(isTaohuaError(e) && e.code === 'REDIS' ? 6 : 70);
});
