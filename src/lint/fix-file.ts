/**
 * `lint --fix` on a file on disk: lint, make the certain repairs (fix.ts), check that they keep the
 * zone's meaning, and write the file back the way an administrator expects:
 * - atomically (a reader sees the old file or the new one), with the file's own permission bits and,
 *   as far as the process may, its owner and group;
 * - through a symbolic link to its target (the link stays a link);
 * - only where the process could write the file in place: a read-only file (for this user) is
 *   refused, not replaced behind its back; so is a file with other hard links (replacing it would
 *   split them) and anything that is not a regular file;
 * - byte for byte outside the edited lines (fix.ts);
 * - only when the zone reads the same after the repairs (every record, with its TTL, in order) or
 *   BIND refuses it as it is: a repair that would change what a loading zone means is not written.
 */
import { accessSync, constants, lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';
import { replaceFileAtomic } from '../fsutil.js';
import { readZoneText, type ZoneInput } from '../zone/parser.js';
import { ZoneChecks, dataKey } from '../zone/zone-checks.js';
import { lintZoneText, type LintOptions } from './engine.js';
import { applyFixesToBytes } from './fix.js';

export type FixFileOutcome =
  /** The file is as it was: nothing to repair, or a repair was refused (`refused` says why, in words). */
  | { written: false; diagnostics: Diagnostic[]; refused?: string }
  /** The repairs were written; `text` is the new content, to lint again. */
  | { written: true; applied: Map<string, number>; bytes: Uint8Array };

/**
 * Lints `options.file` and writes its certain repairs. I/O errors while reading or writing are thrown
 * (the file is then unchanged); a repair the file's state rules out is a `refused` outcome.
 */
export function fixZoneFile(options: LintOptions): FixFileOutcome {
  const file = options.file;
  const bytes = readFileSync(file);
  const first = lintZoneText(bytes, options);
  const outcome = applyFixesToBytes(bytes, file, first.diagnostics);
  const unchanged = (refused?: string): FixFileOutcome => ({
    written: false,
    diagnostics: first.diagnostics,
    ...(refused !== undefined ? { refused } : {}),
  });
  if (outcome.applied.size === 0) return unchanged();
  const target = writableTarget(file);
  if (typeof target === 'string') return unchanged(target);
  const before = zoneReading(bytes, options);
  if (!before.refused) {
    const after = zoneReading(outcome.bytes, options);
    if (after.refused || after.digest !== before.digest) return unchanged('the repairs would change what the zone means (please report this)');
  }
  replaceFileAtomic(target.path, outcome.bytes, target.stats);
  return { written: true, applied: outcome.applied, bytes: outcome.bytes };
}

/** The real file to write and its stats, or why it must not be replaced. */
function writableTarget(file: string): { path: string; stats: Stats } | string {
  const path = lstatSync(file).isSymbolicLink() ? realpathSync(file) : file;
  const stats = statSync(path);
  if (!stats.isFile()) return 'it is not a regular file';
  if (stats.nlink > 1) return `it has ${stats.nlink} hard links, which a rewrite would separate`;
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return 'it is read-only for this user';
  }
  return { path, stats };
}

/**
 * What the zone means, as one digest (every record with its TTL, in order), and whether BIND refuses
 * it (an error from the reader or the zone-level checks). Exported for its test.
 */
export function zoneReading(text: ZoneInput, options: LintOptions): { digest: string; refused: boolean } {
  const hash = createHash('sha256');
  const checks = new ZoneChecks();
  let refused = false;
  const read: Parameters<typeof readZoneText>[1] = { file: options.file };
  if (options.origin) read.origin = options.origin;
  if (options.readInclude) read.readInclude = options.readInclude;
  if (options.fileKey) read.fileKey = options.fileKey;
  if (options.originFromFile !== undefined) read.originFromFile = options.originFromFile;
  const summary = readZoneText(text, read, {
    record: (r) => {
      hash.update(`${r.owner.toString()} ${r.ttl} ${r.class} ${r.type} ${dataKey(r.type, r.data)}\n`);
      checks.add(r);
    },
    problem: (p) => {
      if (p.severity === 'error') refused = true;
    },
  });
  if (checks.finish(summary.origin).length > 0) refused = true;
  return { digest: hash.digest('hex'), refused };
}
