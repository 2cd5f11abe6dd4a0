/**
 * Where the read-only project material lives: `../shared` beside the repository (as in CI), or
 * wherever ZONESMITH_SHARED / ZONESMITH_CORPUS point. Tests never copy it into the repository.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (also when this runs compiled, from .fuzz-build/ inside it: see tsconfig.fuzz.json). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url))).replace(/[\\/]\.fuzz-build$/, '');
export const SHARED_DIR = resolve(process.env.ZONESMITH_SHARED ?? join(REPO_ROOT, '..', 'shared'));
export const CORPUS_DIR = resolve(process.env.ZONESMITH_CORPUS ?? join(SHARED_DIR, 'corpus'));
export const SEEDS_DIR = join(SHARED_DIR, 'seeds');
export const SEED_ZONE = join(SEEDS_DIR, 'example.com.as-published.dns');

/**
 * Under CI the shared material must be there: a missing corpus is a failure, not a skip.
 * Elsewhere a test may skip with a visible message.
 */
export function requireShared(path: string): boolean {
  if (existsSync(path)) return true;
  const message = `shared material not found at ${path} (set ZONESMITH_SHARED or ZONESMITH_CORPUS)`;
  if (process.env.CI) throw new Error(message);
  console.warn(`SKIPPED: ${message}`);
  return false;
}
