// Debian's Chromium for the browser tests and the screenshot scripts, started the same way everywhere.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

// No sandbox (we run as root); no background traffic, which this machine's closed network refuses.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Whether the browser tests can run; outside CI a missing Chromium skips them with a warning. */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (!process.env.CI) console.warn(`${what} skipped: ${CHROMIUM} not found (install it with: apt-get install -y chromium)`);
  return Boolean(process.env.CI);
}

export function launchChromium(env?: Record<string, string | undefined>): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, ...(env ? { env } : {}) });
}
