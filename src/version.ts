/**
 * zonesmith's own version, from the package.json of its package (found from this module's location,
 * not the working folder: installed as a dependency, the host project's package.json is not ours).
 * The module runs from src/ (tests), from dist/ (the built library) and from dist/bin/ (the bundled
 * command line), so the package root is looked for upwards rather than at a fixed depth.
 */
import { readFileSync } from 'node:fs';

const PACKAGE_NAME = 'zonesmith';
/** Deeper than any of the places above: a lost package.json is an error, not a walk to the file system root. */
const MAX_DEPTH = 4;

let root: { url: URL; version: string } | undefined;

function packageRoot(): { url: URL; version: string } {
  if (root) return root;
  let dir = new URL('.', import.meta.url);
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    dir = new URL('..', dir);
    let manifest: { name?: unknown; version?: unknown };
    try {
      manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as typeof manifest;
    } catch {
      continue;
    }
    if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') {
      root = { url: dir, version: manifest.version };
      return root;
    }
  }
  throw new Error(`internal: no package.json of ${PACKAGE_NAME} above ${new URL('.', import.meta.url).pathname}`);
}

export function packageVersion(): string {
  return packageRoot().version;
}

/** A file shipped with the package (templates/, schemas/), by its path from the package root. */
export function packageFile(path: string): URL {
  return new URL(path, packageRoot().url);
}
