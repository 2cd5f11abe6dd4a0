import type { Argv } from 'yargs';
import type { Io } from '../io.js';

/** One command: its yargs declaration (with examples for --help) and a handler returning the exit code. */
export interface CommandSpec<A = Record<string, unknown>> {
  command: string | string[];
  describe: string;
  builder: (yargs: Argv) => Argv;
  handler: (args: A, io: Io) => Promise<number>;
}
