import type { Argv } from 'yargs';
import type { Io } from '../io.js';

/** One command: its yargs declaration (with examples for --help) and a handler returning the exit code. */
export interface CommandSpec<A = Record<string, unknown>> {
  command: string | string[];
  describe: string;
  builder: (yargs: Argv) => Argv;
  handler: (args: A, io: Io) => Promise<number>;
  /** What the command was doing, for the one line a bug prints ("linting zones/a.dns"). */
  activity: (args: A) => string;
}

/**
 * A handler whose implementation is imported only when its command runs: the declarations in
 * src/commands/<name>.ts stay light, so `zonesmith lint` never loads handlebars or ajv, and
 * `--help` loads neither.
 */
export function lazyHandler<A>(
  load: () => Promise<{ run(args: A, io: Io): Promise<number> }>,
): CommandSpec<A>['handler'] {
  return async (args, io) => (await load()).run(args, io);
}

/** An input as a bug report names it. */
export function inputWords(paths: readonly string[]): string {
  return paths.map((path) => (path === '-' ? 'standard input' : path)).join(', ');
}
