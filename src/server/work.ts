// The work one request causes, stoppable: when its time budget runs out, when its client goes away,
// and when the server shuts down. Every stage (extraction, check) takes the signal and gives up.

import type { FastifyReply } from 'fastify';

export type StopReason = 'timeout' | 'gone' | 'shutdown';

export class Stopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`stopped: ${reason}`);
    this.name = 'Stopped';
  }
}

export class Work {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly budgetMs: number,
    private readonly onDone: (w: Work) => void,
  ) {
    this.timer = setTimeout(() => this.stop('timeout'), budgetMs);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  stop(reason: StopReason): void {
    if (!this.controller.signal.aborted) this.controller.abort(new Stopped(reason));
  }

  /** Throws the Stopped reason if the work was stopped. */
  check(): void {
    if (this.controller.signal.aborted) throw this.controller.signal.reason;
  }

  done(): void {
    clearTimeout(this.timer);
    this.onDone(this);
  }
}

/** The work of all requests in flight: stopped together when the server closes. */
export class WorkRegistry {
  private readonly active = new Set<Work>();

  constructor(private readonly budgetMs: number) {}

  /** Work for one request: stopped when the client closes the connection before the answer is sent. */
  start(reply: FastifyReply): Work {
    const work = new Work(this.budgetMs, (w) => this.active.delete(w));
    this.active.add(work);
    const res = reply.raw;
    res.once('close', () => {
      if (!res.writableFinished) work.stop('gone');
      work.done();
    });
    return work;
  }

  get size(): number {
    return this.active.size;
  }

  stopAll(): void {
    for (const w of this.active) w.stop('shutdown');
  }
}

export function stopReason(e: unknown): StopReason | undefined {
  return e instanceof Stopped ? e.reason : undefined;
}
