/** The implementation of `zonesmith lint`, loaded only when the command runs (see lint.ts). */
import { readFileSync } from 'node:fs';
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
import { CommandError, systemReason } from './errors.js';
import { assertReadableFile, assertSarifRoot, readStdinText, STDIN_ARG, zoneInputs, type Input } from './inputs.js';
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

  const diagnostics: Diagnostic[] = [];
  const stdinTexts = new Map<string, string>();
  const configProblems = new Set<LintConfig>();
  let usageFailure = unread > 0;
  // cli-progress draws with cursor movements on a real stream, so it gets process.stderr itself; it is
  // only made when Io says stderr is a terminal (never in tests) and the report goes to stdout as text.
  const bar = io.stderrIsTTY && inputs.length >= PROGRESS_MIN_FILES && args.format === 'text'
    ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true, format: 'linting [{bar}] {value}/{total} {file}' }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(inputs.length, 0, { file: '' });

  for (const { input, origin } of inputs) {
    const file = input.name;
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
    if (origin) options.origin = origin;
    if (input.stdin) {
      const text = await readStdinText(input, io);
      stdinTexts.set(file, text);
      diagnostics.push(...lintZoneText(text, options).diagnostics);
    } else {
      const result = args.fix ? fixAndLint(file, options, io) : { diagnostics: lintZoneFile(options).diagnostics, written: true };
      diagnostics.push(...result.diagnostics);
      if (!result.written) usageFailure = true;
    }
    bar?.increment(1);
  }
  bar?.stop();

  for (const config of configProblems) diagnostics.unshift(...config.diagnostics);
  const shown = args.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  // A file that could not be read was not linted: the summary must not count it as clean.
  io.out(render(args.format, shown, { io, stdinTexts, fileCount: inputs.length, ...(args.sarifRoot !== undefined ? { sarifRoot: args.sarifRoot } : {}) }));

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
    io.err(`zonesmith: cannot write the fixes to ${file}: ${systemReason(error)}; it is unchanged\n`);
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
  /** `--sarif-root`: the folder SARIF artifact URIs are relative to. */
  sarifRoot?: string;
}

/** The source lines the diagnostics point at, read once per file (standard input from its kept text). */
function quotedLines(diagnostics: readonly Diagnostic[], stdinTexts: ReadonlyMap<string, string>): SourceLines {
  const wanted = new Map<string, Set<number>>();
  for (const d of diagnostics) {
    const lines = wanted.get(d.file) ?? new Set<number>();
    lines.add(d.line);
    wanted.set(d.file, lines);
  }
  const sourceLines: SourceLines = new Map();
  for (const [file, lines] of wanted) {
    const text = stdinTexts.get(file);
    sourceLines.set(file, text !== undefined ? pickLines(text, lines) : readLines(file, lines));
  }
  return sourceLines;
}

function render(format: Format, diagnostics: Diagnostic[], ctx: RenderContext): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics);
    case 'sarif': {
      // The offending lines make each result's fingerprint independent of its line number.
      const sourceLines = quotedLines(diagnostics, ctx.stdinTexts);
      const lineText = (file: string, line: number) => sourceLines.get(file)?.get(line);
      return formatSarif(diagnostics, RULES.map((rule) => rule.meta), { ...(ctx.sarifRoot !== undefined ? { root: ctx.sarifRoot } : {}), lineText });
    }
    case 'github':
      return formatGithub(diagnostics);
    case 'text': {
      const sourceLines = quotedLines(diagnostics, ctx.stdinTexts);
      return formatText(diagnostics, { color: ctx.io.stdoutIsTTY, sourceLines, fileCount: ctx.fileCount });
    }
  }
}
