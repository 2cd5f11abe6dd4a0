/**
 * The proof of `lint --fix` on the corpus: for every file BIND loads, a copy (with the files it
 * includes) is fixed through the command line, in process; where the fix changed a byte, BIND must
 * still load the file and hold exactly what it held before (its dump equal to the corpus's canonical
 * one, which `named-compilezone -k warn -i local -s full` reproduces). Only changed files cost a BIND run.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindAvailable, compileZone } from './helpers/bind.js';
import { run, tempDir } from './helpers/cli.js';
import { readManifest } from './helpers/manifest.js';
import { CORPUS_DIR, requireShared } from './helpers/shared.js';

describe('lint --fix keeps what BIND reads', () => {
  it('every corpus file BIND loads dumps the same after --fix, and still loads', async () => {
    if (!requireShared(join(CORPUS_DIR, 'manifest.tsv')) || !bindAvailable()) return;
    const loadable = readManifest().filter((row) => row.bindRc === 0);
    const failures: string[] = [];
    const fixed: string[] = [];
    for (const row of loadable) {
      const dir = tempDir();
      for (const path of [row.file, ...row.includes]) copyFileSync(join(CORPUS_DIR, path), join(dir, basename(path)));
      const zone = join(dir, basename(row.file));
      const before = readFileSync(zone);
      const lint = await run('lint', '--fix', '--origin', row.origin, zone, '-f', 'json');
      if (lint.code === 2) {
        failures.push(`${row.file}: lint --fix exited 2: ${lint.stderr.trim()}`);
        continue;
      }
      if (before.equals(readFileSync(zone))) continue;
      fixed.push(row.file);
      const after = compileZone(row.origin, zone);
      if (after.code !== 0) failures.push(`${row.file}: BIND no longer loads it after --fix: ${after.messages.trim()}`);
      else if (after.dump !== readFileSync(join(CORPUS_DIR, row.canonical), 'utf8')) failures.push(`${row.file}: BIND's dump differs after --fix`);
    }
    console.log(`fix proof: ${fixed.length} of ${loadable.length} loadable corpus files changed by --fix, each read by BIND as before`);
    expect(failures).toEqual([]);
    // The proof is not empty: the files of issue 8 are among those fixed.
    expect(fixed).toContain('zones/nsd/tpkg__cutest_qroot.tdir__unsigned.zone');
    expect(fixed).toContain('zones/bind9/bin__tests__system__upforwd__ns1__example1.db');
  });
});
