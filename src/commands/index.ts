import type { CommandSpec } from './command.js';
import { generateCommand } from './generate.js';
import { validateCommand } from './validate.js';
import { recordsCommand } from './records.js';
import { initCommand } from './init.js';
import { lintCommand } from './lint.js';
import { verifyCommand } from './verify.js';

/** Every command, in the order --help lists them. Each file under src/commands/ adds itself here. */
export const COMMANDS: CommandSpec<never>[] = [
  generateCommand as CommandSpec<never>,
  validateCommand as CommandSpec<never>,
  recordsCommand as CommandSpec<never>,
  initCommand as CommandSpec<never>,
  lintCommand as CommandSpec<never>,
  verifyCommand as CommandSpec<never>,
];
