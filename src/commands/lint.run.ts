/** The implementation of `zonesmith lint`, loaded only when the command runs (see lint.ts). */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import cliProgress from 'cli-progress';
import type { Diagnostic } from '../diagnostics.js';
import { writeFileAtomic } from '../fsutil.js';
import { EXIT, type Io } from '../io.js';
import { findConfig, loadConfigFile, type LintConfig } from '../lint/config.js';
import { lintZoneFileTo, lintZoneText, lintZoneTextTo, type DiagnosticSink, type LintOptions } from '../lint/engine.js';
import { applyFixes } from '../lint/fix.js';
import { parseProfiles } from '../lint/profiles.js';
import { RULES } from '../lint/rules/index.js';
import { bufferedWrite, githubReporter, jsonReporter, sarifReporter, SourceQuoter, Tally, textReporter, type Format, type Reporter, type TextOptions, type Write } from '../report/index.js';
import type { LintProfileId } from '../services/catalog.js';
import { Name } from '../zone/name.js';
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

  /** Standard input's text, kept so that its lines can be quoted (it cannot be read twice). */
  const stdinTexts = new Map<string, string>();
  const configProblems = new Set<LintConfig>();
  let usageFailure = false;
  let notRead = 0;
  // The report is written as the diagnostics come; the counts that decide the exit code run beside it
  // (over every diagnostic, also those --quiet leaves out).
  const output = bufferedWrite((text) => io.out(text));
  const quoter = new SourceQuoter(stdinTexts);
  const reporter = reporterFor(args.format, output.write, { color: io.stdoutIsTTY, quote: quoter.quote, metas: RULES.map((rule) => rule.meta) });
  const counts = new Tally();
  const sink = (d: Diagnostic): void => {
    counts.add(d);
    if (!args.quiet || d.severity === 'error') reporter.diagnostic(d);
  };
  // cli-progress draws with cursor movements on a real stream, so it gets process.stderr itself; it is
  // only made when Io says stderr is a terminal (never in tests) and the report does not go to the same
  // terminal (it streams there, and the bar would be drawn over it).
  const bar = io.stderrIsTTY && !io.stdoutIsTTY && args.files.length >= PROGRESS_MIN_FILES
    ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true, format: 'linting [{bar}] {value}/{total} {file}' }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(args.files.length, 0, { file: '' });

  reporter.begin();
  for (const file of args.files) {
    bar?.increment(0, { file });
    const config = configFor(file);
    if (config && config.diagnostics.length > 0) {
      if (!configProblems.has(config)) config.diagnostics.forEach(sink);
      configProblems.add(config);
      bar?.increment(1);
      continue;
    }
    const options: LintOptions = {
      file,
      profiles: settings.profiles.length > 0 ? settings.profiles : (config?.profiles ?? []),
      rules: config?.rules ?? {},
      allowIncludeOutside: args.allowIncludeOutside,
    };
    if (settings.origin) options.origin = settings.origin;
    if (file === STDIN) {
      const text = await io.readStdin();
      stdinTexts.set(file, text);
      lintZoneTextTo(text, options, sink);
    } else {
      const problem = unreadable(file);
      if (problem) {
        io.err(`zonesmith lint: ${file} ${problem}\n`);
        usageFailure = true;
        notRead++;
      } else if (args.fix) {
        if (!fixAndLint(file, options, io, sink)) usageFailure = true;
      } else {
        lintZoneFileTo(options, sink);
      }
    }
    bar?.increment(1);
  }
  bar?.stop();
  // A file that could not be read was not linted: the summary must not count it as clean.
  reporter.end({ fileCount: args.files.length - notRead });
  quoter.close();
  output.flush();

  if (usageFailure || configProblems.size > 0) return EXIT.usage;
  const { error, warning } = counts.severities;
  if (error > 0) return EXIT.problems;
  if (args.maxWarnings !== undefined && warning > args.maxWarnings) {
    io.err(`zonesmith lint: ${warning} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/**
 * Lints, applies the certain repairs atomically, says what it did, and lints the repaired text into
 * `sink`. When the file cannot be written it is left as it was, its diagnostics are those of the
 * original, and the answer is false. (The first pass collects: the repairs need the whole list.)
 */
function fixAndLint(file: string, options: LintOptions, io: Io, sink: DiagnosticSink): boolean {
  const text = readFileSync(file, 'utf8');
  const first = lintZoneText(text, options);
  const outcome = applyFixes(text, file, first.diagnostics);
  if (outcome.applied.size === 0) {
    first.diagnostics.forEach(sink);
    return true;
  }
  try {
    writeFileAtomic(file, outcome.text);
  } catch (error) {
    io.err(`zonesmith lint: cannot write the fixes to ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); it is unchanged\n`);
    first.diagnostics.forEach(sink);
    return false;
  }
  const what = [...outcome.applied].map(([rule, n]) => `${n} × ${rule}`).join(', ');
  io.err(`zonesmith lint: fixed ${file}: ${what}\n`);
  lintZoneTextTo(outcome.text, options, sink);
  return true;
}

function reporterFor(format: Format, write: Write, text: TextOptions): Reporter {
  switch (format) {
    case 'json':
      return jsonReporter(write);
    case 'sarif':
      return sarifReporter(write, text.metas ?? []);
    case 'github':
      return githubReporter(write);
    case 'text':
      return textReporter(write, text);
  }
}
