/**
 * How `validate` and `generate` report what the judge found in a spec: the lint command's formats
 * (text, json, sarif, github), the lint config (`--config`, else the spec's own `lint:` key, else the
 * nearest .zonesmith.yaml), and `--max-warnings`. Spec problems keep their JSON path in the message.
 */
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { findConfig, loadConfigFile, type LintConfig } from '../lint/config.js';
import { RULES } from '../lint/rules/index.js';
import { judgeSpec, SPEC_META } from '../lint/spec-judge.js';
import { formatGithub, formatJson, formatSarif, formatText, readLines, summarize, type Format } from '../report/index.js';
import type { ResolvedSpec } from '../spec/resolve.js';

export interface SpecReportArgs {
  format: Format;
  maxWarnings?: number;
  config?: string;
}

/** The options `validate` and `generate` share with `lint`. */
export const SPEC_REPORT_OPTIONS = {
  'max-warnings': { type: 'number', describe: 'Exit 1 when there are more warnings than this' },
  config: { alias: 'c', type: 'string', describe: "Lint config (default: the spec's lint: key, else the nearest .zonesmith.yaml)" },
} as const;

export interface JudgedSpec {
  diagnostics: Diagnostic[];
  /** Problems of the lint config itself: the run cannot be trusted (exit 2, as lint). */
  configProblems: Diagnostic[];
}

/** The lint settings for a spec: `--config`, else the spec's own `lint:` key, else the nearest config file. */
function configFor(spec: ResolvedSpec, data: unknown, explicit: string | undefined): LintConfig | undefined {
  if (explicit !== undefined) return loadConfigFile(explicit);
  const hasLintKey = typeof data === 'object' && data !== null && 'lint' in data;
  if (hasLintKey) return loadConfigFile(spec.file);
  const found = findConfig(dirname(spec.file));
  return found ? loadConfigFile(found) : undefined;
}

/** Runs the one judge over a resolved spec with the lint settings that apply to it. */
export function judgeWithConfig(spec: ResolvedSpec, data: unknown, explicitConfig: string | undefined): JudgedSpec {
  const config = configFor(spec, data, explicitConfig);
  if (config && config.diagnostics.length > 0) return { diagnostics: spec.diagnostics, configProblems: config.diagnostics };
  const settings = { rules: config?.rules ?? {}, ...(config?.profiles ? { profiles: config.profiles } : {}) };
  return { diagnostics: judgeSpec(spec, settings), configProblems: [] };
}

/** A spec problem's JSON path goes into its message, in every format. */
function located(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.path ? { ...d, message: `${d.message} (at ${d.path})` } : d));
}

export function renderSpecReport(format: Format, diagnostics: readonly Diagnostic[], color: boolean): string {
  const shown = located(diagnostics);
  switch (format) {
    case 'json':
      return formatJson(shown);
    case 'github':
      return formatGithub(shown);
    case 'sarif':
      return formatSarif(shown, [...RULES.map((rule) => rule.meta), SPEC_META]);
    case 'text': {
      const wanted = new Map<string, Set<number>>();
      for (const d of shown) wanted.set(d.file, (wanted.get(d.file) ?? new Set<number>()).add(d.line));
      const sourceLines = new Map([...wanted].map(([file, lines]) => [file, readLines(file, lines)]));
      return formatText(shown, { color, sourceLines, fileCount: 1 });
    }
  }
}

/** Why the findings fail the run (errors, or more warnings than allowed), or undefined when they pass. */
export function failure(diagnostics: readonly Diagnostic[], maxWarnings: number | undefined): string | undefined {
  const counts = summarize(diagnostics);
  if (counts.error > 0) return `${counts.error} error${counts.error === 1 ? '' : 's'}`;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    return `${counts.warning} warning${counts.warning === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}`;
  }
  return undefined;
}

/** `--max-warnings` must be a whole number of 0 or more; the message when it is not. */
export function maxWarningsProblem(maxWarnings: number | undefined): string | undefined {
  if (maxWarnings === undefined || (Number.isInteger(maxWarnings) && maxWarnings >= 0)) return undefined;
  return '--max-warnings takes a whole number of 0 or more';
}
