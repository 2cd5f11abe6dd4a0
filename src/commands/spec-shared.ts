/**
 * What the spec commands (generate, validate, records) share: read and check a spec, print its
 * problems as `FILE:LINE:COLUMN: severity: message (at /json/path)` on stderr.
 */
import type { Io } from '../io.js';
import { formatSpecDiagnostic } from '../spec/diagnostics.js';
import { loadSpecFile } from '../spec/load.js';
import { resolveSpec, type ResolvedSpec } from '../spec/resolve.js';

export function readSpec(file: string): ResolvedSpec {
  return resolveSpec(loadSpecFile(file));
}

/** Prints the diagnostics; returns the number of errors. */
export function reportSpecProblems(spec: ResolvedSpec, io: Io, consequence = ''): number {
  let errors = 0;
  for (const d of spec.diagnostics) {
    if (d.severity === 'error') errors++;
    io.err(formatSpecDiagnostic(d) + '\n');
  }
  if (errors > 0) io.err(`${spec.file}: ${errors} error${errors === 1 ? '' : 's'}${consequence}\n`);
  return errors;
}

/** Spec files are YAML or JSON by extension; anything else given to `records` is a zone file. */
export function isSpecPath(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}
