/**
 * The parser against BIND itself: every corpus file BIND loads must read as BIND's canonical dump
 * (same owner, type, class and data; same TTL except where BIND gave an RRset its first member's),
 * with no error; every file BIND refuses must give at least one error (parser or zone checks).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { Name } from '../src/zone/name.js';
import { readManifest } from './helpers/manifest.js';
import { CORPUS_DIR, requireShared } from './helpers/shared.js';
import { compareWithBind, readForComparison as read } from './helpers/zone-compare.js';

function describeError(d: { file: string; line: number; column: number; message: string }): string {
  return `${d.file.split('/').pop()}:${d.line}:${d.column} ${d.message}`;
}

describe('corpus: our reading against BIND 9.18', () => {
  it('reads every file as BIND does', () => {
    if (!requireShared(join(CORPUS_DIR, 'manifest.tsv'))) return;
    const rows = readManifest();
    const loadable = rows.filter((r) => r.bindRc === 0);
    const refused = rows.filter((r) => r.bindRc !== 0);
    const disagreements: string[] = [];
    let loadAgree = 0;
    let refuseAgree = 0;
    for (const row of loadable) {
      const ours = read(join(CORPUS_DIR, row.file), Name.from(row.origin), true);
      // The dump's names are all absolute; reading it with the zone's origin lets the SOA be at the apex.
      const bind = read(join(CORPUS_DIR, row.canonical), Name.from(row.origin), false);
      const problem =
        bind.errors.length > 0
          ? `cannot read BIND's own dump: ${describeError(bind.errors[0]!)}`
          : ours.errors.length > 0
            ? `error on a file BIND loads: ${describeError(ours.errors[0]!)}`
            : compareWithBind(ours.records, bind.records);
      if (problem) disagreements.push(`${row.file}: ${problem}`);
      else loadAgree++;
    }
    for (const row of refused) {
      const ours = read(join(CORPUS_DIR, row.file), Name.from(row.origin), true);
      if (ours.errors.length > 0) refuseAgree++;
      else disagreements.push(`${row.file}: BIND refuses it (${row.errorClass}) but we found no error`);
    }
    console.log(
      `corpus: ${loadAgree}/${loadable.length} loadable files read as BIND reads them; ${refuseAgree}/${refused.length} refused files have an error`,
    );
    expect(disagreements).toEqual([]);
  });
});
