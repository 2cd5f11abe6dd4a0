/**
 * The files a command reads, named on its command line: `-` is standard input (named `<stdin>` in
 * messages, or what --stdin-filename says), a folder given to `lint` stands for the zone files in
 * it, and a file that cannot be read stops with `cannot read FILE: reason` (exit 2).
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputTooLarge, type Io } from '../io.js';
import { notRegularKind } from '../zone/file-kind.js';
import { CommandError, cannotRead } from './errors.js';

/** The command-line word for standard input. */
export const STDIN_ARG = '-';
/**
 * yargs reads a bare `-` as an empty short option (a positional then becomes `true`), so the command
 * line swaps each `-` for this token before parsing and back after. A NUL cannot occur in a real
 * argument (argv strings are C strings), so the token never stands for anything a user typed.
 */
export const STDIN_TOKEN = '\u0000-';
/** How messages name standard input when --stdin-filename does not. */
export const STDIN_NAME = '<stdin>';

/** One input as given: the word on the command line and the name messages use for it. */
export interface Input {
  /** The path, or `-`. */
  arg: string;
  /** The path, or the name standard input goes by. */
  name: string;
  stdin: boolean;
}

export interface StdinNaming {
  stdinFilename?: string;
}

/** --stdin-filename without `-` among the inputs would be ignored without a word: it is a mistake. */
export function assertStdinNamedOnlyWhenRead(args: Readonly<Record<string, unknown>>): void {
  if (args.stdinFilename === undefined) return;
  const reads = Object.values(args).some((value) => value === STDIN_ARG || (Array.isArray(value) && value.includes(STDIN_ARG)));
  if (!reads) throw new CommandError('--stdin-filename names standard input; give - as the input to read it');
}

export function inputOf(arg: string, naming: StdinNaming = {}): Input {
  if (arg !== STDIN_ARG) return { arg, name: arg, stdin: false };
  return { arg, name: naming.stdinFilename ?? STDIN_NAME, stdin: true };
}

/**
 * Throws a CommandError unless `path` is a regular file this process may read. A device or a pipe
 * named as a file has no end one can count on (`/dev/zero`, a FIFO nobody writes to): refused with
 * the way to read a stream, standard input.
 */
export function assertReadableFile(path: string): void {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CommandError(`cannot read ${path}: is a directory`);
    const kind = notRegularKind(stat);
    if (kind) throw new CommandError(`cannot read ${path}: not a regular file (${kind}); to read a stream, pipe it to standard input and give -`);
    accessSync(path, constants.R_OK);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw cannotRead(path, error);
  }
}

/** Standard input's bytes (a zone is read as bytes); a failure to read it is an I/O error like any file's. */
export async function readStdinBytes(input: Input, io: Io): Promise<Uint8Array> {
  try {
    return await io.readStdin();
  } catch (error) {
    if (error instanceof InputTooLarge) throw new CommandError(`cannot read ${input.name}: ${error.message} on standard input; name the file instead`);
    throw cannotRead(input.name, error);
  }
}

/** Standard input as UTF-8 text (a spec). */
export async function readStdinText(input: Input, io: Io): Promise<string> {
  return Buffer.from(await readStdinBytes(input, io)).toString('utf8');
}

/** Throws a CommandError when `-o DIR` names something other than a folder (absent is fine: it is made). */
export function assertOutputFolder(path: string, purpose: string): void {
  if (isFolder(path) || statSync(path, { throwIfNoEntry: false }) === undefined) return;
  throw new CommandError(`-o ${path} is not a folder: ${purpose}`);
}

/** `--sarif-root`: the folder SARIF artifact URIs are relative to must be one. */
export function assertSarifRoot(path: string): void {
  if (!isFolder(path, () => false)) throw new CommandError(`--sarif-root ${path} is not a folder`);
}

/** The names a zone file goes by (BIND's and the generator's habits): `*.dns`, `*.zone`, `db.*`. */
export function isZoneFileName(name: string): boolean {
  return /\.(dns|zone)$/i.test(name) || /^db\.[^.]/i.test(name);
}

/** The zone files directly in `dir`, sorted by name (code units, so every machine agrees). */
export function zoneFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw cannotRead(dir, error);
  }
  return names
    .filter(isZoneFileName)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(dir, name))
    .filter((path) => !isFolder(path, () => false));
}

/** True for a folder; `onError` decides what a path that cannot even be looked at is. */
function isFolder(path: string, onError: (error: unknown) => boolean = (error) => { throw cannotRead(path, error); }): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch (error) {
    return onError(error);
  }
}

/**
 * The zone files a list of arguments names: files as given, folders as the zone files in them,
 * `-` once. Each argument that cannot be read is a problem (one line each); the others are kept.
 */
export function zoneInputs(args: readonly string[], naming: StdinNaming): { inputs: Input[]; problems: CommandError[] } {
  const inputs: Input[] = [];
  const problems: CommandError[] = [];
  const attempt = (read: () => void) => {
    try {
      read();
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      problems.push(error);
    }
  };
  const addFile = (path: string) =>
    attempt(() => {
      assertReadableFile(path);
      inputs.push(inputOf(path));
    });
  let stdinSeen = false;
  for (const arg of args) {
    attempt(() => {
      if (arg === STDIN_ARG) {
        if (stdinSeen) throw new CommandError('- (standard input) can be read only once');
        stdinSeen = true;
        inputs.push(inputOf(arg, naming));
      } else if (isFolder(arg)) {
        const files = zoneFilesIn(arg);
        if (files.length === 0) throw new CommandError(`${arg} holds no zone files (*.dns, *.zone, db.*)`);
        // A file in the folder that cannot be read is said as if it had been named.
        for (const file of files) addFile(file);
      } else {
        addFile(arg);
      }
    });
  }
  return { inputs, problems };
}
