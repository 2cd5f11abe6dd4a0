import type { CommandSpec } from './command.js';

/** Every command, in the order --help lists them. Each file under src/commands/ adds itself here. */
export const COMMANDS: CommandSpec<never>[] = [];
