/** Linting a zone file on disk: the file streamed into the text-only engine, its includes read from disk. */
import { diskIncludes, fileChunks } from '../zone/read-file.js';
import { lintZoneText, type LintOptions, type LintResult } from './engine.js';

export interface LintFileOptions extends LintOptions {
  /** Follow $INCLUDE outside the folder tree of the zone file (default false). */
  allowIncludeOutside?: boolean;
}

/** Lints a zone file, streaming it from disk; `$INCLUDE` files are read from disk too unless `readInclude` is given. */
export function lintZoneFile(options: LintFileOptions): LintResult {
  const { allowIncludeOutside, ...lint } = options;
  return lintZoneText(fileChunks(options.file), { ...diskIncludes(options.file, allowIncludeOutside), ...lint });
}
