// A progress line on stderr, only when stderr is a terminal: stdout stays clean for JSON and CSV.
import type { Progress } from '../pipeline.js';

export interface BarProgress extends Progress {
  /** What `done` counts: files by default; shards or partitions for a distributed run. */
  unit?: string;
}

export function progressBar(label: string, enabled = process.stderr.isTTY === true): {
  update: (p: BarProgress) => void;
  done: () => void;
} {
  const started = Date.now();
  let last = 0;
  let shown = false;
  const update = (p: BarProgress): void => {
    const now = Date.now();
    if (!enabled || (now - last < 100 && p.done < p.total)) return;
    last = now;
    shown = true;
    process.stderr.write(`\r\x1b[K${formatProgress(label, p, (now - started) / 1000)}`);
  };
  const done = (): void => {
    if (shown) process.stderr.write('\r\x1b[K');
  };
  return { update, done };
}

export function formatProgress(label: string, p: BarProgress, seconds: number): string {
  const width = 24;
  const share = p.total ? p.done / p.total : 0;
  const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
  const rate = seconds > 0 ? p.chars / seconds : 0;
  const eta = share > 0 && share < 1 ? ` · ETA ${Math.ceil((seconds / share) * (1 - share))} s` : '';
  const chars = p.chars ? ` · ${(p.chars / 1e6).toFixed(1)} M chars · ${(rate / 1e6).toFixed(1)} M chars/s` : '';
  return `${label} ${bar} ${p.done}/${p.total} ${p.unit ?? 'files'}${chars}${eta}`;
}
