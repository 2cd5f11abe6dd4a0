/**
 * The system's Chromium for the browser tests (Debian's `chromium`; .ci/run installs it), driven by
 * playwright-core, which downloads no browser of its own. Tests call `chromiumPath()`: under CI=true a
 * missing browser is a failure; elsewhere it prints why and the caller skips.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH ?? CANDIDATES.find((candidate) => existsSync(candidate));
  if (path !== undefined && existsSync(path)) return path;
  const message = 'Chromium not found (Debian: apt-get install chromium; or set CHROMIUM_PATH)';
  if (process.env.CI && process.env.CI !== 'false') throw new Error(`${message}; the browser tests are required under CI`);
  console.warn(`SKIPPED: browser tests: ${message}`);
  return undefined;
}

/**
 * Flags for a shared 2-core machine and a root user in a container: one renderer process, no GPU,
 * no sandbox (Chromium refuses to start as root with it), nothing fetched in the background.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--renderer-process-limit=1',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
