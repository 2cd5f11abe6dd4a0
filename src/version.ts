/**
 * zonesmith's own version, from the package.json beside its code (found from this module's location,
 * not the working folder: installed as a dependency, the host project's package.json is not ours).
 * From src/ (tests) and from dist/ (the built package) alike, it is one folder up.
 */
import { readFileSync } from 'node:fs';

let version: string | undefined;

export function packageVersion(): string {
  if (version === undefined) {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name?: string; version?: string };
    if (manifest.name !== 'zonesmith' || typeof manifest.version !== 'string') {
      throw new Error(`internal: ${new URL('../package.json', import.meta.url).pathname} is not zonesmith's package.json`);
    }
    version = manifest.version;
  }
  return version;
}
