/**
 * The one wording of a command-line mistake, for every command: an unknown command or option, with
 * the nearest known one ("did you mean"), and where to look (`--help`).
 */
import { closest, distance } from 'fastest-levenshtein';
import yargs from 'yargs';
import type { CommandSpec } from './command.js';
import { STDIN_TOKEN } from './inputs.js';

/** Options every command has (yargs adds them). */
const GLOBAL_OPTIONS = ['help', 'h', 'version'];

/** `(did you mean X?)` when a known word is near enough to be the one meant, else ''. */
export function didYouMean(word: string, known: readonly string[], show: (k: string) => string = (k) => k): string {
  if (known.length === 0) return '';
  const best = closest(word, [...known]);
  return distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean ${show(best)}?)` : '';
}

/** Where the help for a mistake is: the command's own --help when a command was named. */
export function helpPointer(command: string | undefined): string {
  return `see \`zonesmith ${command ? `${command} ` : ''}--help\``;
}

export function commandName(command: CommandSpec<never>): string {
  return String(Array.isArray(command.command) ? command.command[0] : command.command).split(' ')[0]!;
}

/** Every option a command knows, long and short, in kebab and camel case (yargs accepts both). */
function knownOptions(command: CommandSpec<never>): string[] {
  const options = (command.builder(yargs([])) as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> } }).getOptions();
  const names = new Set([...GLOBAL_OPTIONS, ...Object.keys(options.key), ...Object.values(options.alias).flat()]);
  for (const name of [...names]) names.add(name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
  return [...names];
}

/** The option names a command-line word uses: `--name[=v]`, `--no-name`, or each letter of `-abc`. */
function optionNames(word: string): string[] {
  if (word === '--' || word === STDIN_TOKEN || !word.startsWith('-') || /^-\d/.test(word)) return [];
  if (word.startsWith('--')) return [word.slice(2).split('=')[0]!];
  return [...word.slice(1).split('=')[0]!];
}

/** The command a command line names (its first word that is not an option), if it names a known one. */
export function namedCommand(argv: readonly string[], commands: readonly CommandSpec<never>[]): CommandSpec<never> | undefined {
  const first = firstWord(argv);
  return commands.find((c) => commandName(c) === first);
}

function firstWord(argv: readonly string[]): string | undefined {
  return argv.find((w) => !w.startsWith('-') && w !== STDIN_TOKEN);
}

/**
 * The first word of `argv` that is not a command or option the command line knows, said with its
 * nearest match; undefined when every word is known (the mistake is of another kind).
 */
export function unknownWord(argv: readonly string[], commands: readonly CommandSpec<never>[]): string | undefined {
  const end = argv.indexOf('--');
  const words = end === -1 ? argv : argv.slice(0, end);
  const names = commands.map(commandName);
  const first = firstWord(words);
  const command = namedCommand(words, commands);
  if (first !== undefined && !command) {
    return `unknown command "${first}"${didYouMean(first, names)}; the commands are ${names.join(', ')}; ${helpPointer(undefined)}`;
  }
  const known = command ? knownOptions(command) : GLOBAL_OPTIONS;
  for (const word of words) {
    for (const name of optionNames(word)) {
      const bare = name.startsWith('no-') && known.includes(name.slice(3)) ? name.slice(3) : name;
      if (known.includes(bare)) continue;
      const dashes = (k: string) => (k.length === 1 ? `-${k}` : `--${k}`);
      const longOnly = known.filter((k) => k.length > 1 && !/[A-Z]/.test(k));
      // One letter is too short to guess from.
      const hint = name.length === 1 ? '' : didYouMean(name, longOnly, dashes);
      return `unknown option ${dashes(name)}${hint}; ${helpPointer(first)}`;
    }
  }
  return undefined;
}
