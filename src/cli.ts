#!/usr/bin/env node
/**
 * The command line: yargs wiring and exit codes only. Each command lives in src/commands/<name>.ts
 * and exports a `CommandSpec`; its handler returns the exit code. Every way a run can go wrong ends
 * here in one line on stderr: a usage or I/O problem as `zonesmith: ...` (exit 2), anything else as
 * a bug report naming the version, the command and its input (exit 2), never a stack trace.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yargs, { type Argv } from 'yargs';
import type { AtomicFile } from './fsutil.js';
import { EXIT, processIo, type Io } from './io.js';
import { COMMANDS } from './commands/index.js';
import type { CommandSpec } from './commands/command.js';
import { CommandError, cannotWrite, isSystemError, systemReason } from './commands/errors.js';
import { assertStdinNamedOnlyWhenRead, STDIN_ARG, STDIN_TOKEN } from './commands/inputs.js';
import { commandName, helpPointer, namedCommand, unknownWord } from './commands/usage.js';
import { packageVersion } from './version.js';

/** Where a bug report goes. */
const REPORT_BUGS = 'please report this with the command line (README.md, "Reporting a bug")';

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const words = argv.map((word) => (word === STDIN_ARG ? STDIN_TOKEN : word));
  const named = namedCommand(words, COMMANDS);
  let exitCode: number = EXIT.ok;
  let running: { command: CommandSpec<never>; args: Record<string, unknown> } | undefined;
  const parser: Argv = yargs(words)
    .scriptName('zonesmith')
    .usage('$0 <command> [options]\n\nWrite and check BIND zone files for mail, calendar and chat autodiscovery.')
    .strict()
    .demandCommand(1, 'Name a command: generate, validate, records, init or lint.')
    .help()
    .alias('h', 'help')
    // zonesmith's own version: yargs would look for the package.json of the project it runs in.
    .version(packageVersion())
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .epilogue('Exit codes: 0 fine, 1 problems found, 2 usage or I/O error.\nDocs: README.md')
    .exitProcess(false)
    // yargs would still run the handler after a failed validation; throwing stops it there. An unknown
    // command or option is said the same way for every command, with the nearest known one.
    .fail((message, error) => {
      if (error) throw error;
      throw new CommandError(unknownWord(words, COMMANDS) ?? `${message.replace(/\s*\n\s*/g, '; ').replace(/\.$/, '')}; ${helpPointer(named && commandName(named))}`);
    });
  skipHelpCache(parser);
  for (const command of COMMANDS) {
    parser.command(command.command, command.describe, command.builder, async (args) => {
      running = { command, args: restoreStdin(args) };
      exitCode = await runCommand(command, running.args, io);
    });
  }
  let helpText = '';
  try {
    await parser.parseAsync(words, {}, (_error, _parsed, output) => {
      helpText = output;
    });
  } catch (error) {
    io.err(`${failureLine(error, running, argv)}\n`);
    return EXIT.usage;
  }
  if (helpText) io.out(helpText.trimEnd() + '\n');
  return exitCode;
}

/**
 * yargs lays out a command's whole help text before it runs the handler, to keep it for a later
 * `showHelp()` that zonesmith never calls (a failure throws instead, see `.fail` above): a fifth of the
 * time of `zonesmith lint` on a 10-line zone. Its usage object is reached through yargs' internal
 * methods, so every step is checked: a yargs without them just keeps caching.
 */
function skipHelpCache(parser: Argv): void {
  type Usage = { cacheHelpMessage?: () => void };
  const internal = parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => Usage | undefined } };
  const usage = internal.getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/** Runs a handler, sending its standard output to `--output-file` when one is named. */
async function runCommand(command: CommandSpec<never>, args: Record<string, unknown>, io: Io): Promise<number> {
  assertStdinNamedOnlyWhenRead(args);
  const outputFile = args.outputFile;
  if (typeof outputFile !== 'string' || outputFile === STDIN_ARG) return command.handler(args as never, io);
  let file: AtomicFile;
  // Loaded here, not at the top: node:crypto (its temporary names) costs every run, and few runs write a file.
  const fsutil = await import('./fsutil.js');
  try {
    file = new fsutil.AtomicFile(outputFile);
  } catch (error) {
    throw cannotWrite(outputFile, error);
  }
  let wrote = false;
  const toFile: Io = { ...io, stdoutIsTTY: false, out: (text) => ((wrote = true), file.write(text)) };
  let code: number;
  try {
    code = await command.handler(args as never, toFile);
  } catch (error) {
    file.abandon();
    throw isSystemError(error) && error.path === outputFile ? cannotWrite(outputFile, error) : error;
  }
  // A run stopped by a usage or I/O problem before it reported anything leaves the old file alone.
  if (code === EXIT.usage && !wrote) {
    file.abandon();
    return code;
  }
  try {
    file.commit();
  } catch (error) {
    throw cannotWrite(outputFile, error);
  }
  return code;
}

/** Puts back the `-` that main() hid from yargs, in every argument value. */
function restoreStdin(args: Record<string, unknown>): Record<string, unknown> {
  const restore = (value: unknown): unknown =>
    value === STDIN_TOKEN ? STDIN_ARG : Array.isArray(value) ? value.map(restore) : value;
  return Object.fromEntries(Object.entries(args).map(([key, value]) => [key, restore(value)]));
}

/**
 * The one line a failed run prints. A file-system error nobody caught closer to its cause is still
 * about the user's files, not a bug: it is said with its path and reason.
 */
function failureLine(
  error: unknown,
  running: { command: CommandSpec<never>; args: Record<string, unknown> } | undefined,
  argv: readonly string[],
): string {
  if (error instanceof CommandError) return `zonesmith: ${error.message}`;
  if (isSystemError(error) && error.path) return `zonesmith: cannot access ${error.path}: ${systemReason(error)}`;
  // The first line only: what follows in a message can be a trace of its own.
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  const doing = running ? running.command.activity(running.args as never) : `running zonesmith ${argv.join(' ')}`;
  return `zonesmith ${packageVersion()}: internal error while ${doing}: ${message}; ${REPORT_BUGS}`;
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
      // main() turns every failure into a line; this is the last guard, and it keeps to one line too.
      process.stderr.write(`zonesmith ${packageVersion()}: internal error: ${String((error as Error)?.message ?? error).replace(/\s*\n\s*/g, ' ')}; ${REPORT_BUGS}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
