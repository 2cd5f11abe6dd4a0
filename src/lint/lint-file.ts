/** Linting a zone file on disk: the file streamed into the text-only engine, its includes read from disk. */
import { diskIncludes, fileChunks } from '../zone/read-file.js';
import { collectDiagnostics, lintZoneTextTo, type DiagnosticSink, type LintOptions, type LintResult, type LintRun } from './engine.js';

export interface LintFileOptions extends LintOptions {
  /** Follow $INCLUDE outside the folder tree of the zone file (default false). */
  allowIncludeOutside?: boolean;
}

/**
 * Lints a zone file, streaming it from disk and each diagnostic to `sink` (order: see engine.ts);
 * `$INCLUDE` files are read from disk too unless `readInclude` is given.
 */
export function lintZoneFileTo(options: LintFileOptions, sink: DiagnosticSink): LintRun {
  const { allowIncludeOutside, ...lint } = options;
  return lintZoneTextTo(fileChunks(options.file), { ...diskIncludes(options.file, allowIncludeOutside), ...lint }, sink);
}

/** Lints a zone file; every diagnostic in one sorted array (memory grows with the findings). */
export function lintZoneFile(options: LintFileOptions): LintResult {
  const collected = collectDiagnostics();
  const run = lintZoneFileTo(options, collected.sink);
  return { ...run, diagnostics: collected.sorted() };
}
