/**
 * How `validate` and `generate` report what the judge found in a spec: the lint command's formats
 * (text, json, sarif, github), the lint config (`--config`, else the spec's own `lint:` key, else the
 * nearest .zonesmith.yaml), and `--max-warnings`. Spec problems keep their JSON path in the message.
 */
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { EXIT, type Io } from '../io.js';
import { findConfig, loadConfigFile, parseConfig, settingsForZone, type LintConfig } from '../lint/config.js';
import { RULES } from '../lint/rules/index.js';
import { judgeSpec, SPEC_META } from '../lint/spec-judge.js';
import { renderAll, reporterFor, SourceQuoter, summarize, type Format } from '../report/index.js';
import type { ResolvedSpec } from '../spec/resolve.js';
import type { Name } from '../zone/name.js';
import { CommandError } from './errors.js';
import { assertReadableFile, assertSarifRoot, type Input } from './inputs.js';
import { readSpecWithData } from './spec-shared.js';

export interface SpecReportArgs {
  format: Format;
  maxWarnings?: number;
  config?: string;
  sarifRoot?: string;
}


interface JudgedSpec {
  diagnostics: Diagnostic[];
  /** Problems of the lint config itself: the run cannot be trusted (exit 2, as lint). */
  configProblems: Diagnostic[];
}

/** The lint settings for a spec: `--config`, else the spec's own `lint:` key, else the nearest config file. */
function configFor(spec: ResolvedSpec, data: unknown, explicit: string | undefined, stdinText: string | undefined): LintConfig | undefined {
  if (explicit !== undefined) return loadConfigFile(explicit);
  const hasLintKey = typeof data === 'object' && data !== null && 'lint' in data;
  if (hasLintKey) return stdinText === undefined ? loadConfigFile(spec.file) : parseConfig(stdinText, spec.file);
  const found = findConfig(dirname(spec.file));
  return found ? loadConfigFile(found) : undefined;
}

/** Runs the one judge over a resolved spec with the lint settings that apply to it. */
function judgeWithConfig(spec: ResolvedSpec, data: unknown, explicitConfig: string | undefined, stdinText: string | undefined): JudgedSpec {
  const config = configFor(spec, data, explicitConfig, stdinText);
  if (config && config.diagnostics.length > 0) return { diagnostics: spec.diagnostics, configProblems: config.diagnostics };
  const settings = config ? { forZone: (origin: Name) => settingsForZone(config, origin) } : {};
  return { diagnostics: judgeSpec(spec, settings), configProblems: [] };
}

/** A spec problem's JSON path goes into its message, in every format. */
function located(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.path ? { ...d, message: `${d.message} (at ${d.path})` } : d));
}

function renderSpecReport(format: Format, diagnostics: readonly Diagnostic[], color: boolean, sarifRoot: string | undefined): string {
  const quoter = new SourceQuoter();
  try {
    const options = { color, quote: quoter.quote, metas: [...RULES.map((rule) => rule.meta), SPEC_META], ...(sarifRoot === undefined ? {} : { sarifRoot }) };
    return renderAll((write) => reporterFor(format, write, options), located(diagnostics));
  } finally {
    quoter.close();
  }
}

/** Why the findings fail the run (errors, or more warnings than allowed), or undefined when they pass. */
function failure(diagnostics: readonly Diagnostic[], maxWarnings: number | undefined): string | undefined {
  const counts = summarize(diagnostics);
  if (counts.error > 0) return `${counts.error} error${counts.error === 1 ? '' : 's'}`;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    return `${counts.warning} warning${counts.warning === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}`;
  }
  return undefined;
}

/** Where a command prints its report, and what it adds when the findings stop it. */
export interface ReportPlace {
  write(text: string): void;
  color: boolean;
  /** Print a report with no findings too (validate's "no problems"); generate stays silent then. */
  whenClean: boolean;
  /** Said after the count of problems that stop the run (`; nothing was written`). */
  consequence: string;
  /** Print only the errors (records: warnings are lint's business, not a listing's). */
  errorsOnly?: boolean;
}

/**
 * What `validate` and `generate` share: check the report options, read and judge the spec, print the
 * report, and say whether the run goes on (the spec, judged) or ends (its exit code).
 */
export async function judgeSpecFile(
  command: string,
  input: Input,
  args: SpecReportArgs,
  io: Io,
  place: ReportPlace,
  /** Refuses data that is no spec at all before it is judged (throws a CommandError). */
  check?: (data: unknown) => void,
): Promise<ResolvedSpec | number> {
  if (args.maxWarnings !== undefined && !(Number.isInteger(args.maxWarnings) && args.maxWarnings >= 0)) {
    throw new CommandError('--max-warnings takes a whole number of 0 or more');
  }
  if (args.config !== undefined) assertReadableFile(args.config);
  if (args.sarifRoot !== undefined) assertSarifRoot(args.sarifRoot);
  const { spec, data, stdinText } = await readSpecWithData(input, io);
  check?.(data);
  const judged = judgeWithConfig(spec, data, args.config, stdinText);
  const found = place.errorsOnly ? judged.diagnostics.filter((d) => d.severity === 'error') : judged.diagnostics;
  const shown = judged.configProblems.length > 0 ? judged.configProblems : found;
  if (shown.length > 0 || place.whenClean) place.write(renderSpecReport(args.format, shown, place.color, args.sarifRoot));
  if (judged.configProblems.length > 0) return EXIT.usage;
  const failed = failure(judged.diagnostics, args.maxWarnings);
  if (failed) {
    io.err(`zonesmith ${command}: ${input.name}: ${failed}${place.consequence}\n`);
    return EXIT.problems;
  }
  return spec;
}
