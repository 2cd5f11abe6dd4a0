/** The implementation of `zonesmith lint`, loaded only when the command runs (see lint.ts). */
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { EXIT, type Io } from '../io.js';
import type { LintConfig } from '../lint/config.js';
import { findConfig } from '../lint/config-find.js';
import { lintZoneTextTo, type DiagnosticSink, type LintOptions } from '../lint/engine.js';
import { lintZoneFileTo } from '../lint/lint-file.js';
import type { FixFileOutcome } from '../lint/fix-file.js';
import { parseProfiles } from '../lint/profiles.js';
import { RULES } from '../lint/rules/index.js';
import { bufferedWrite, reporterFor, SourceQuoter, Tally } from '../report/index.js';
import type { LintProfileId } from '../services/catalog.js';
import { Name } from '../zone/name.js';
import { CommandError, systemReason } from './errors.js';
import { assertReadableFile, assertSarifRoot, readStdinBytes, STDIN_ARG, zoneInputs, type Input } from './inputs.js';
import { originFromFileName } from '../zone/origin.js';
import type { LintArgs } from './lint.js';
import { jobOptions, lintJob, type LintJob } from './lint-job.js';
import { zoneOrigin } from './options.js';
import { runOrdered } from './worker-pool.js';

/** Below this many files a progress bar is more noise than help. */
const PROGRESS_MIN_FILES = 6;
/**
 * From this many zone files on, worker threads share them out: a worker costs about as much to start
 * (it loads the lint engine again) as linting a few dozen small zones, so fewer files stay in this thread.
 */
const WORKERS_MIN_FILES = 64;
/** Files per message to a worker: few messages, enough batches for the cores to finish together. */
const WORKER_BATCH = 16;
/**
 * The worker's module: beside this one both in tsc's dist/commands/ and in the bundle (dist/bin/chunks/,
 * see scripts/bundle-cli.mjs). Run from the TypeScript sources (tests) it is a .ts file that Node
 * cannot start, and lint stays in this thread.
 */
const LINT_WORKER = new URL('./lint.worker.js', import.meta.url);

interface Settings {
  profiles: LintProfileId[];
  explicitConfig?: LintConfig;
}

/** The lint config reader, with yaml behind it: loaded only when there is a config file to read. */
const configReader = () => import('../lint/config.js');

/** The options, checked before any file is read; a mistake is a CommandError (exit 2). */
async function settingsFrom(args: LintArgs): Promise<Settings> {
  if (args.maxWarnings !== undefined && (!Number.isInteger(args.maxWarnings) || args.maxWarnings < 0)) {
    throw new CommandError('--max-warnings takes a whole number of 0 or more');
  }
  const profiles = parseProfiles(args.profile ?? []);
  if (!profiles.ok) throw new CommandError(profiles.error);
  const settings: Settings = { profiles: profiles.profiles };
  if (args.config !== undefined) {
    assertReadableFile(args.config);
    settings.explicitConfig = (await configReader()).loadConfigFile(args.config);
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

/** How many worker threads lint these inputs: none for few files, standard input or --fix (it rewrites files). */
function workerCount(args: LintArgs, inputs: readonly { input: Input }[]): number {
  if (args.fix || inputs.length < WORKERS_MIN_FILES || inputs.some(({ input }) => input.stdin)) return 0;
  if (import.meta.url.endsWith('.ts')) return 0;
  // This thread lints too (see runOrdered's `local`): one worker fewer than the cores.
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores - 1, Math.ceil(inputs.length / WORKERS_MIN_FILES));
}

export async function run(args: LintArgs, io: Io): Promise<number> {
  const settings = await settingsFrom(args);
  const { inputs, unread } = lintInputs(args, io);
  // Nothing could be read: no report at all (an empty one would read as "all clean").
  if (inputs.length === 0) return EXIT.usage;
  // Each folder's config file is found first (one look-up per folder), so that the reader (and yaml) is
  // loaded only when there is one, and each file's settings are then known without waiting: the jobs
  // of a many-file run are made as the workers ask for them, not held all at once.
  const configFiles = new Map<string, string | undefined>();
  let anyConfig = false;
  if (!settings.explicitConfig) {
    for (const { input } of inputs) {
      const dir = dirname(input.name);
      if (configFiles.has(dir)) continue;
      const found = findConfig(dir);
      configFiles.set(dir, found);
      if (found !== undefined) anyConfig = true;
    }
  }
  const reader = anyConfig || settings.explicitConfig ? await configReader() : undefined;
  const configs = new Map<string, LintConfig | undefined>();
  const configFor = (file: string): LintConfig | undefined => {
    if (settings.explicitConfig) return settings.explicitConfig;
    const dir = dirname(file);
    if (!configs.has(dir)) {
      const found = configFiles.get(dir);
      configs.set(dir, found !== undefined && reader ? reader.loadConfigFile(found) : undefined);
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
  const bar = await progressBar(io, inputs.length);
  bar?.start(inputs.length, 0, { file: '' });

  /** The file's settings; a file under a broken config is not linted, and the config's problems are said once. */
  const jobFor = ({ input, origin }: { input: Input; origin: Name | undefined }): { job: LintJob; config: LintConfig | undefined } => {
    const config = configFor(input.name);
    const lint = !(config && config.diagnostics.length > 0);
    // The config's settings for this zone (its overrides name zones: --origin, else the file name's);
    // --profile first; else the config's, where `profiles: []` asks for none; else the zone decides.
    const forZone = config && lint && reader ? reader.settingsForZone(config, origin ?? originFromFileName(input.name)) : undefined;
    const profiles = settings.profiles.length > 0 ? settings.profiles : forZone?.profiles;
    const job: LintJob = {
      file: input.name,
      rules: forZone?.rules ?? {},
      allowIncludeOutside: args.allowIncludeOutside,
      reportUnusedDisableDirectives: args.reportUnusedDisableDirectives !== false,
      lint,
    };
    if (profiles) job.profiles = profiles;
    if (args.origin !== undefined) job.origin = args.origin;
    return { job, config };
  };
  const configBroken = (config: LintConfig | undefined): void => {
    if (!config || configProblems.has(config)) return;
    config.diagnostics.forEach(sink);
    configProblems.add(config);
  };

  reporter.begin();
  const workers = workerCount(args, inputs);
  if (workers > 0) {
    // A broken config is said in the files' order: with the first file under it, as its answer comes back.
    const jobs = (function* () {
      for (const input of inputs) yield jobFor(input);
    })();
    await runOrdered<{ job: LintJob; config: LintConfig | undefined }, Diagnostic[]>({
      worker: LINT_WORKER,
      workers,
      batchSize: WORKER_BATCH,
      jobs,
      message: ({ job }) => job,
      local: ({ job }) => {
        const diagnostics: Diagnostic[] = [];
        lintJob(job, (d) => void diagnostics.push(d));
        return diagnostics;
      },
      onResult: (diagnostics, { job, config }) => {
        bar?.increment(0, { file: job.file });
        if (!job.lint) configBroken(config);
        diagnostics.forEach(sink);
        bar?.increment(1);
      },
    }).catch((error: unknown) => {
      bar?.stop();
      throw error;
    });
  } else {
    for (const entry of inputs) {
      const { input, origin } = entry;
      const file = input.name;
      bar?.increment(0, { file });
      const { job, config } = jobFor(entry);
      if (!job.lint) {
        configBroken(config);
      } else if (input.stdin) {
        const options = jobOptions(job, origin);
        const bytes = await readStdinBytes(input, io);
        // The zone is read as bytes; the report quotes its lines as text.
        stdinTexts.set(file, Buffer.from(bytes).toString('utf8'));
        lintZoneTextTo(bytes, options, sink);
      } else if (args.fix) {
        if (!(await fixAndLint(file, jobOptions(job, origin), io, sink))) usageFailure = true;
      } else {
        lintJob(job, sink);
      }
      bar?.increment(1);
    }
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
 * cli-progress draws with cursor movements on a real stream, so it gets process.stderr itself; it is
 * only made (and loaded) when Io says stderr is a terminal (never in tests) and the report does not go
 * to the same terminal (it streams there, and the bar would be drawn over it).
 */
async function progressBar(io: Io, files: number) {
  if (!io.stderrIsTTY || io.stdoutIsTTY || files < PROGRESS_MIN_FILES) return undefined;
  const { default: cliProgress } = await import('cli-progress');
  return new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true, format: 'linting [{bar}] {value}/{total} {file}' }, cliProgress.Presets.shades_classic);
}

/**
 * Lints, writes the certain repairs (lint/fix-file.ts), says what it did, and lints the repaired text
 * into `sink`. When the file cannot or must not be rewritten it is left as it was, its diagnostics
 * are those of the original, and the answer is false (exit 2: the fix asked for was not made).
 */
async function fixAndLint(file: string, options: LintOptions, io: Io, sink: DiagnosticSink): Promise<boolean> {
  // The fixer (and node:crypto, for its atomic write) is loaded only when --fix asks for it.
  const { fixZoneFile } = await import('../lint/fix-file.js');
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
