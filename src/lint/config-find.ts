/**
 * Where the lint config is: the nearest `.zonesmith.yaml` at or above a zone file's folder. Apart from
 * config.ts (which reads it, with yaml) so that a lint run without a config file never loads yaml.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_FILE_NAMES = ['.zonesmith.yaml', '.zonesmith.yml'] as const;

/** The nearest config file at or above `directory`, if any. */
export function findConfig(directory: string): string | undefined {
  let dir = resolve(directory);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
