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
import { packageVersion } from './version.js';

/** A mistake in the command line itself (exit 2), as opposed to a problem in the files it names. */
class UsageError extends Error {}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const parser: Argv = yargs([...argv])
    .scriptName('zonesmith')
    .usage('$0 <command> [options]\n\nWrite and check BIND zone files for mail, calendar and chat autodiscovery.')
    .strict()
    .demandCommand(1, 'Name a command: generate, validate, records, init or lint.')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    // zonesmith's own version: yargs would look for the package.json of the project it runs in.
    .version(packageVersion())
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .epilogue('Exit codes: 0 fine, 1 problems found, 2 usage or I/O error.\nDocs: README.md')
    .exitProcess(false)
    // yargs would still run the handler after a failed validation; throwing stops it there.
    .fail((message, error) => {
      throw error ?? new UsageError(message);
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
    if (!(error instanceof UsageError)) throw error;
    const command = argv.find((word) => COMMANDS.some((c) => String(c.command).split(' ')[0] === word));
    io.err(`zonesmith: ${error.message}\nRun \`zonesmith ${command ? command + ' ' : ''}--help\` for the options and examples.\n`);
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
