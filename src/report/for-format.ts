/** The reporter for a `--format`, the same for every command that reports findings (lint, validate, generate). */
import type { RuleMeta } from '../lint/rule.js';
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import type { Reporter, Write } from './reporter.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';

export interface ReporterOptions {
  color: boolean;
  /** The text of a line of an input (text quotes it; SARIF fingerprints it). */
  quote: (file: string, line: number) => string | undefined;
  /** The rules the findings may come from (SARIF lists them; text marks the fixable ones). */
  metas: readonly RuleMeta[];
  /** `--sarif-root`: the folder SARIF artifact URIs are relative to. */
  sarifRoot?: string;
}

export function reporterFor(format: 'text' | 'json' | 'sarif' | 'github', write: Write, options: ReporterOptions): Reporter {
  switch (format) {
    case 'json':
      return jsonReporter(write);
    case 'sarif':
      // The offending lines make each result's fingerprint independent of its line number.
      return sarifReporter(write, options.metas, { ...(options.sarifRoot !== undefined ? { root: options.sarifRoot } : {}), lineText: options.quote });
    case 'github':
      return githubReporter(write);
    case 'text':
      return textReporter(write, options);
  }
}
