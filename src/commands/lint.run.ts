/** The implementation of `zonesmith lint`, loaded only when the command runs (see lint.ts). */
import { dirname } from 'node:path';
import cliProgress from 'cli-progress';
import type { Diagnostic } from '../diagnostics.js';
import { EXIT, type Io } from '../io.js';
import { findConfig, loadConfigFile, type LintConfig } from '../lint/config.js';
import { lintZoneTextTo, type DiagnosticSink, type LintOptions } from '../lint/engine.js';
import { lintZoneFileTo } from '../lint/lint-file.js';
import { fixZoneFile, type FixFileOutcome } from '../lint/fix-file.js';
import { parseProfiles } from '../lint/profiles.js';
import { RULES } from '../lint/rules/index.js';
import { bufferedWrite, reporterFor, SourceQuoter, Tally } from '../report/index.js';
import type { LintProfileId } from '../services/catalog.js';
import { Name } from '../zone/name.js';
import { CommandError, systemReason } from './errors.js';
import { assertReadableFile, assertSarifRoot, readStdinBytes, STDIN_ARG, zoneInputs, type Input } from './inputs.js';
import { diskIncludes } from '../zone/read-file.js';
import type { LintArgs } from './lint.js';
import { zoneOrigin } from './options.js';

/** Below this many files a progress bar is more noise than help. */
const PROGRESS_MIN_FILES = 6;

interface Settings {
  profiles: LintProfileId[];
  explicitConfig?: LintConfig;
}

/** The options, checked before any file is read; a mistake is a CommandError (exit 2). */
function settingsFrom(args: LintArgs): Settings {
  if (args.maxWarnings !== undefined && (!Number.isInteger(args.maxWarnings) || args.maxWarnings < 0)) {
    throw new CommandError('--max-warnings takes a whole number of 0 or more');
  }
  const profiles = parseProfiles(args.profile ?? []);
  if (!profiles.ok) throw new CommandError(profiles.error);
  const settings: Settings = { profiles: profiles.profiles };
  if (args.config !== undefined) {
    assertReadableFile(args.config);
    settings.explicitConfig = loadConfigFile(args.config);
  }
  if (args.sarifRoot !== undefined) assertSarifRoot(args.sarifRoot);
  if (args.fix && args.files.includes(STDIN_ARG)) throw new CommandError('--fix rewrites files in place; it cannot fix standard input');
  return settings;
}

/**
 * The zone files to lint (folders expanded), each with the origin it is read with. Each argument that
 * cannot be read is said in one line here; a zone on standard input without --origin stops the run.
 */
function lintInputs(args: LintArgs, io: Io): { inputs: { input: Input; origin: Name | undefined }[]; unread: number } {
  const { inputs, problems } = zoneInputs(args.files, args);
  for (const problem of problems) io.err(`zonesmith: ${problem.message}\n`);
  return { inputs: inputs.map((input) => ({ input, origin: zoneOrigin(args, input) })), unread: problems.length };
}

export async function run(args: LintArgs, io: Io): Promise<number> {
  const settings = settingsFrom(args);
  const { inputs, unread } = lintInputs(args, io);
  // Nothing could be read: no report at all (an empty one would read as "all clean").
  if (inputs.length === 0) return EXIT.usage;
  const configs = new Map<string, LintConfig | undefined>();
  const configFor = (file: string): LintConfig | undefined => {
    if (settings.explicitConfig) return settings.explicitConfig;
    const dir = dirname(file);
    if (!configs.has(dir)) {
      const found = findConfig(dir);
      configs.set(dir, found ? loadConfigFile(found) : undefined);
    }
    return configs.get(dir);
  };

  /** Standard input's text, kept so that its lines can be quoted (it cannot be read twice). */
  const stdinTexts = new Map<string, string>();
  const configProblems = new Set<LintConfig>();
  let usageFailure = unread > 0;
  // The report is written as the diagnostics come; the counts that decide the exit code run beside it
  // (over every diagnostic, also those --quiet leaves out).
  const output = bufferedWrite((text) => io.out(text));
  const quoter = new SourceQuoter(stdinTexts);
  const reporter = reporterFor(args.format, output.write, {
    color: io.stdoutIsTTY,
    quote: quoter.quote,
    metas: RULES.map((rule) => rule.meta),
    ...(args.sarifRoot !== undefined ? { sarifRoot: args.sarifRoot } : {}),
  });
  const counts = new Tally();
  const sink = (d: Diagnostic): void => {
    counts.add(d);
    if (!args.quiet || d.severity === 'error') reporter.diagnostic(d);
  };
  // cli-progress draws with cursor movements on a real stream, so it gets process.stderr itself; it is
  // only made when Io says stderr is a terminal (never in tests) and the report does not go to the same
  // terminal (it streams there, and the bar would be drawn over it).
  const bar = io.stderrIsTTY && !io.stdoutIsTTY && inputs.length >= PROGRESS_MIN_FILES
    ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true, format: 'linting [{bar}] {value}/{total} {file}' }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(inputs.length, 0, { file: '' });

  reporter.begin();
  for (const { input, origin } of inputs) {
    const file = input.name;
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
      // Standard input and --fix's texts include from disk as the file itself does.
      ...diskIncludes(file, args.allowIncludeOutside),
    };
    if (origin) options.origin = origin;
    if (input.stdin) {
      const bytes = await readStdinBytes(input, io);
      // The zone is read as bytes; the report quotes its lines as text.
      stdinTexts.set(file, Buffer.from(bytes).toString('utf8'));
      lintZoneTextTo(bytes, options, sink);
    } else if (args.fix) {
      if (!fixAndLint(file, options, io, sink)) usageFailure = true;
    } else {
      lintZoneFileTo(options, sink);
    }
    bar?.increment(1);
  }
  bar?.stop();
  // A file that could not be read was not linted: the summary must not count it as clean.
  reporter.end({ fileCount: inputs.length });
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
 * Lints, writes the certain repairs (lint/fix-file.ts), says what it did, and lints the repaired text
 * into `sink`. When the file cannot or must not be rewritten it is left as it was, its diagnostics
 * are those of the original, and the answer is false (exit 2: the fix asked for was not made).
 */
function fixAndLint(file: string, options: LintOptions, io: Io, sink: DiagnosticSink): boolean {
  let outcome: FixFileOutcome;
  try {
    outcome = fixZoneFile(options);
  } catch (error) {
    io.err(`zonesmith: cannot fix ${file}: ${systemReason(error)}; it is unchanged\n`);
    lintZoneFileTo(options, sink);
    return false;
  }
  if (!outcome.written) {
    if (outcome.refused !== undefined) io.err(`zonesmith: not fixing ${file}: ${outcome.refused}; it is unchanged\n`);
    outcome.diagnostics.forEach(sink);
    return outcome.refused === undefined;
  }
  const what = [...outcome.applied].map(([rule, n]) => `${n} × ${rule}`).join(', ');
  io.err(`zonesmith lint: fixed ${file}: ${what}\n`);
  lintZoneTextTo(outcome.bytes, options, sink);
  return true;
}
