/**
 * One zone file of `zonesmith lint` as plain data, and its linting: the same function runs in the main
 * thread and in the worker threads of a many-file run (lint.worker.ts), so both read a file alike.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { LintOptions, RuleSettings } from '../lint/engine.js';
import type { LintProfileId } from '../services/catalog.js';
import { lintZoneFileTo } from '../lint/lint-file.js';
import type { Name } from '../zone/name.js';
import { diskIncludes } from '../zone/read-file.js';
import { parseOrigin } from './options.js';

/** One file to lint: what crosses to the worker is plain data (a Name would lose its class on the way). */
export interface LintJob {
  file: string;
  /** `--origin` as typed; absent: the parser decides, as in the main thread. */
  origin?: string;
  /** Absent: the zone decides (its header, else whether it serves mail); `[]`: none. */
  profiles?: readonly LintProfileId[];
  rules: RuleSettings;
  allowIncludeOutside: boolean;
  reportUnusedDisableDirectives: boolean;
  /** False for a file whose config is broken: nothing to lint, the main thread reports the config. */
  lint: boolean;
}

/** The engine's options for a job: the file's settings, and its includes read from disk as the file itself. */
export function jobOptions(job: LintJob, origin: Name | undefined): LintOptions {
  const options: LintOptions = {
    file: job.file,
    ...(job.profiles ? { profiles: job.profiles } : {}),
    reportUnusedDisableDirectives: job.reportUnusedDisableDirectives,
    rules: job.rules,
    ...diskIncludes(job.file, job.allowIncludeOutside),
  };
  if (origin) options.origin = origin;
  return options;
}

/** Lints one job's file, each diagnostic to `sink` as the engine finds it. */
export function lintJob(job: LintJob, sink: (d: Diagnostic) => void): void {
  if (!job.lint) return;
  lintZoneFileTo(jobOptions(job, job.origin !== undefined ? parseOrigin(job.origin) : undefined), sink);
}
