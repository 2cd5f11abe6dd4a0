/** The implementation of `zonesmith lint`, loaded only when the command runs (see lint.ts). */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import cliProgress from 'cli-progress';
import type { Diagnostic } from '../diagnostics.js';
import { writeFileAtomic } from '../fsutil.js';
import { EXIT, type Io } from '../io.js';
import { findConfig, loadConfigFile, type LintConfig } from '../lint/config.js';
import { lintZoneText, type LintOptions } from '../lint/engine.js';
import { lintZoneFile } from '../lint/lint-file.js';
import { applyFixes } from '../lint/fix.js';
import { parseProfiles } from '../lint/profiles.js';
import { RULES } from '../lint/rules/index.js';
import { formatGithub, formatJson, formatSarif, formatText, pickLines, readLines, summarize, type Format, type SourceLines } from '../report/index.js';
import type { LintProfileId } from '../services/catalog.js';
import { Name } from '../zone/name.js';
import { diskIncludes } from '../zone/read-file.js';
import type { LintArgs } from './lint.js';

/** Below this many files a progress bar is more noise than help. */
const PROGRESS_MIN_FILES = 6;
const STDIN = '-';

class UsageError extends Error {}

interface Settings {
  origin?: Name;
  profiles: LintProfileId[];
  explicitConfig?: LintConfig;
}

function settingsFrom(args: LintArgs): Settings {
  const unknown = args.files.find((file) => file.startsWith('-') && file !== STDIN);
  if (unknown) throw new UsageError(`unknown option ${unknown} (see zonesmith lint --help)`);
  if (args.maxWarnings !== undefined && (!Number.isInteger(args.maxWarnings) || args.maxWarnings < 0)) {
    throw new UsageError('--max-warnings takes a whole number of 0 or more');
  }
  const profiles = parseProfiles(args.profile ?? []);
  if (!profiles.ok) throw new UsageError(profiles.error);
  const settings: Settings = { profiles: profiles.profiles };
  if (args.origin !== undefined) {
    const origin = Name.parse(args.origin.endsWith('.') ? args.origin : `${args.origin}.`);
    if (!origin.ok) throw new UsageError(`--origin: ${origin.error}`);
    settings.origin = origin.name;
  }
  if (args.config !== undefined) settings.explicitConfig = loadConfigFile(args.config);
  if (args.fix && args.files.includes(STDIN)) throw new UsageError('--fix rewrites files in place; it cannot fix standard input');
  return settings;
}

/** Why a file cannot be linted, or undefined when it can be read. */
function unreadable(file: string): string | undefined {
  try {
    if (statSync(file).isDirectory()) return 'is a folder, not a zone file';
    accessSync(file, constants.R_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as NodeJS.ErrnoException).code})`;
  }
}

export async function run(args: LintArgs, io: Io): Promise<number> {
  let settings: Settings;
  try {
    settings = settingsFrom(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`zonesmith lint: ${error.message}\n`);
    return EXIT.usage;
  }
  const configs = new Map<string, LintConfig | undefined>();
  const configFor = (file: string): LintConfig | undefined => {
    if (settings.explicitConfig) return settings.explicitConfig;
    const dir = file === STDIN ? process.cwd() : dirname(file);
    if (!configs.has(dir)) {
      const found = findConfig(dir);
      configs.set(dir, found ? loadConfigFile(found) : undefined);
    }
    return configs.get(dir);
  };

  const diagnostics: Diagnostic[] = [];
  const stdinTexts = new Map<string, string>();
  const configProblems = new Set<LintConfig>();
  let usageFailure = false;
  let notRead = 0;
  // cli-progress draws with cursor movements on a real stream, so it gets process.stderr itself; it is
  // only made when Io says stderr is a terminal (never in tests) and the report goes to stdout as text.
  const bar = io.stderrIsTTY && args.files.length >= PROGRESS_MIN_FILES && args.format === 'text'
    ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true, format: 'linting [{bar}] {value}/{total} {file}' }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(args.files.length, 0, { file: '' });

  for (const file of args.files) {
    bar?.increment(0, { file });
    const config = configFor(file);
    if (config && config.diagnostics.length > 0) {
      configProblems.add(config);
      bar?.increment(1);
      continue;
    }
    const options: LintOptions = {
      file,
      profiles: settings.profiles.length > 0 ? settings.profiles : (config?.profiles ?? []),
      rules: config?.rules ?? {},
      // Standard input and --fix's texts include from disk as the file itself does.
      ...diskIncludes(file, args.allowIncludeOutside),
    };
    if (settings.origin) options.origin = settings.origin;
    if (file === STDIN) {
      const text = await io.readStdin();
      stdinTexts.set(file, text);
      diagnostics.push(...lintZoneText(text, options).diagnostics);
    } else {
      const problem = unreadable(file);
      if (problem) {
        io.err(`zonesmith lint: ${file} ${problem}\n`);
        usageFailure = true;
        notRead++;
      } else {
        const result = args.fix ? fixAndLint(file, options, io) : { diagnostics: lintZoneFile(options).diagnostics, written: true };
        diagnostics.push(...result.diagnostics);
        if (!result.written) usageFailure = true;
      }
    }
    bar?.increment(1);
  }
  bar?.stop();

  for (const config of configProblems) diagnostics.unshift(...config.diagnostics);
  const shown = args.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  // A file that could not be read was not linted: the summary must not count it as clean.
  io.out(render(args.format, shown, { io, stdinTexts, fileCount: args.files.length - notRead }));

  if (usageFailure || configProblems.size > 0) return EXIT.usage;
  const counts = summarize(diagnostics);
  if (counts.error > 0) return EXIT.problems;
  if (args.maxWarnings !== undefined && counts.warning > args.maxWarnings) {
    io.err(`zonesmith lint: ${counts.warning} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/**
 * Lints, applies the certain repairs atomically, says what it did, and lints the repaired text.
 * When the file cannot be written it is left as it was, and its diagnostics are those of the original.
 */
function fixAndLint(file: string, options: LintOptions, io: Io): { diagnostics: Diagnostic[]; written: boolean } {
  const text = readFileSync(file, 'utf8');
  const first = lintZoneText(text, options);
  const outcome = applyFixes(text, file, first.diagnostics);
  if (outcome.applied.size === 0) return { diagnostics: first.diagnostics, written: true };
  try {
    writeFileAtomic(file, outcome.text);
  } catch (error) {
    io.err(`zonesmith lint: cannot write the fixes to ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); it is unchanged\n`);
    return { diagnostics: first.diagnostics, written: false };
  }
  const what = [...outcome.applied].map(([rule, n]) => `${n} × ${rule}`).join(', ');
  io.err(`zonesmith lint: fixed ${file}: ${what}\n`);
  return { diagnostics: lintZoneText(outcome.text, options).diagnostics, written: true };
}

interface RenderContext {
  io: Io;
  /** Standard input's text, kept so that its lines can be quoted (it cannot be read twice). */
  stdinTexts: Map<string, string>;
  fileCount: number;
}

function render(format: Format, diagnostics: Diagnostic[], ctx: RenderContext): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics);
    case 'sarif':
      return formatSarif(diagnostics, RULES.map((rule) => rule.meta));
    case 'github':
      return formatGithub(diagnostics);
    case 'text': {
      const sourceLines: SourceLines = new Map();
      const wanted = new Map<string, Set<number>>();
      for (const d of diagnostics) {
        const lines = wanted.get(d.file) ?? new Set<number>();
        lines.add(d.line);
        wanted.set(d.file, lines);
      }
      for (const [file, lines] of wanted) {
        const text = ctx.stdinTexts.get(file);
        sourceLines.set(file, text !== undefined ? pickLines(text, lines) : readLines(file, lines));
      }
      return formatText(diagnostics, { color: ctx.io.stdoutIsTTY, sourceLines, fileCount: ctx.fileCount });
    }
  }
}
