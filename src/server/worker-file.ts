import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TaohuaError } from '../errors.js';

/**
 * A compiled worker next to this module (dist/src/server/NAME.js), or, when this module runs from
 * TypeScript source (vitest), the one the build wrote under <repo>/dist.
 */
export function builtWorker(name: string): string {
  const here = fileURLToPath(new URL(`./${name}.js`, import.meta.url));
  if (existsSync(here)) return here;
  const built = fileURLToPath(new URL(`../../dist/src/server/${name}.js`, import.meta.url));
  if (existsSync(built)) return built;
  throw new TaohuaError('INTERNAL', `${name} not found at ${here} or ${built}; run npm run build`);
}
