#!/usr/bin/env node
/**
 * The command line: yargs wiring and exit codes only. Each command lives in src/commands/<name>.ts
 * and exports a `CommandSpec`; its handler returns the exit code.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yargs, { type Argv } from 'yargs';
import { EXIT, processIo, type Io } from './io.js';
import { COMMANDS } from './commands/index.js';

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  let usageError: string | undefined;
  const parser: Argv = yargs([...argv])
    .scriptName('zonesmith')
    .usage('$0 <command> [options]\n\nWrite and check BIND zone files for mail, calendar and chat autodiscovery.')
    .strict()
    .demandCommand(1, 'Name a command: generate, validate, records, init or lint.')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .epilogue('Exit codes: 0 fine, 1 problems found, 2 usage or I/O error.\nDocs: README.md')
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      usageError = message;
    });
  for (const command of COMMANDS) {
    parser.command(
      command.command,
      command.describe,
      command.builder,
      async (args) => {
        exitCode = await command.handler(args as never, io);
      },
    );
  }
  let helpText = '';
  try {
    await parser.parseAsync([...argv], {}, (_error, _parsed, output) => {
      helpText = output;
    });
  } catch (error) {
    io.err(`zonesmith: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  if (usageError !== undefined) {
    if (helpText) io.err(helpText.trimEnd() + '\n\n');
    io.err(`zonesmith: ${usageError}\n`);
    return EXIT.usage;
  }
  if (helpText) io.out(helpText.trimEnd() + '\n');
  return exitCode;
}

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`zonesmith: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
