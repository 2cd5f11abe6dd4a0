/**
 * `zonesmith/node`: the library (everything `zonesmith` exports) plus the conveniences that read
 * files from disk, as the command line does: zone files streamed in blocks with their `$INCLUDE`
 * files (kept inside the zone file's folder unless allowed out), spec files, and the package version.
 */
import type { LintResult } from './lint/engine.js';
import { lintZoneFile, lintZoneFileTo } from './lint/lint-file.js';
import { loadSpecFile as loadSpecFromDisk } from './spec/load-file.js';
import type { LoadedSpec } from './spec/load.js';
import { resolveSpec, type ResolvedSpec } from './spec/resolve.js';
import { originOption } from './zone/origin.js';
import type { ParsedRecord } from './zone/parser.js';
import { diskIncludeReader, readZoneFile as readZoneFromDisk } from './zone/read-file.js';
import type { ZoneProblem } from './zone/problem.js';
import type { LintZoneOptions, ParsedZone, ZoneTextOptions } from './index.js';
import { packageVersion } from './version.js';

export * from './index.js';
export { diskIncludeReader, packageVersion };

/** Reading options for a file on disk: `file` is the path, given separately. */
export interface ZoneFileOptions extends Omit<ZoneTextOptions, 'file'> {
  /** Follow `$INCLUDE` outside the folder tree of the zone file (default false, as the CLI's --allow-include-outside). */
  allowIncludeOutside?: boolean;
}

export interface LintFileOptions extends Omit<LintZoneOptions, 'file'> {
  /** Follow `$INCLUDE` outside the folder tree of the zone file (default false). */
  allowIncludeOutside?: boolean;
}

/**
 * Reads a zone file from disk, block by block, and the files its `$INCLUDE`s name, as `zonesmith
 * records` and `lint` do. A file that cannot be read is a diagnostic (`cannot read FILE: reason`).
 *
 * @throws TypeError when `options.origin` is not a valid name.
 */
export function parseZoneFile(file: string, options: ZoneFileOptions = {}): ParsedZone {
  const records: ParsedRecord[] = [];
  const problems: ZoneProblem[] = [];
  const read: Parameters<typeof readZoneFromDisk>[0] = { file };
  if (options.origin !== undefined) read.origin = originOption(options.origin);
  if (options.readInclude) read.readInclude = options.readInclude;
  if (options.maxIncludeDepth !== undefined) read.maxIncludeDepth = options.maxIncludeDepth;
  if (options.allowIncludeOutside) read.allowIncludeOutside = true;
  const summary = readZoneFromDisk(read, {
    record: (record) => void records.push(record),
    problem: (problem) => void problems.push(problem),
  });
  return { origin: summary.origin, records, problems, files: summary.files };
}

/**
 * Lints a zone file on disk (streamed, with its includes), as `zonesmith lint FILE` does without a config file.
 *
 * @throws TypeError when `options.origin` is not a valid name.
 */
export function lintFile(file: string, options: LintFileOptions = {}): LintResult {
  const lint: Parameters<typeof lintZoneFile>[0] = { file };
  if (options.origin !== undefined) lint.origin = originOption(options.origin);
  if (options.profiles && options.profiles.length > 0) lint.profiles = options.profiles;
  if (options.rules) lint.rules = options.rules;
  if (options.reportUnusedDisableDirectives !== undefined) lint.reportUnusedDisableDirectives = options.reportUnusedDisableDirectives;
  if (options.readInclude) lint.readInclude = options.readInclude;
  if (options.allowIncludeOutside) lint.allowIncludeOutside = true;
  if (options.onDiagnostic) return { ...lintZoneFileTo(lint, options.onDiagnostic), diagnostics: [] };
  return lintZoneFile(lint);
}

/** Reads a spec file (YAML or JSON, at most 16 MiB); a file that cannot be read is a diagnostic. */
export function loadSpecFile(file: string): LoadedSpec {
  return loadSpecFromDisk(file);
}

/** loadSpecFile and resolveSpec in one call. */
export function resolveSpecFile(file: string): ResolvedSpec {
  return resolveSpec(loadSpecFromDisk(file));
}
