/**
 * `init --from` then `generate` gives the zone back: for every corpus zone BIND loads and for the
 * examples, BIND's canonical dump of the regenerated zone equals its dump of the original (SOA serial
 * aside), except in RRsets the adoption names as not carried over. Runs named-compilezone once per
 * zone (a few hundred runs): a heavy suite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Name } from '../src/zone/name.js';
import type { ResourceRecord } from '../src/zone/record.js';
import { readZoneFile } from '../src/zone/read-file.js';
import { bindAvailable } from './helpers/bind.js';
import { readManifest } from './helpers/manifest.js';
import { canonicalLines, compileZone, roundTrip } from './helpers/round-trip.js';
import { run, tempDir } from './helpers/cli.js';
import { CORPUS_DIR, REPO_ROOT, requireShared } from './helpers/shared.js';

function readRecords(file: string, origin: Name): ResourceRecord[] {
  const records: ResourceRecord[] = [];
  readZoneFile({ file, origin }, { record: (r) => void records.push(r), problem: () => {} });
  return records;
}

describe('init --from, then generate: the zone comes back', () => {
  it('for the examples, exactly', () => {
    if (!bindAvailable()) return;
    for (const [file, origin] of [
      ['examples/example.com.dns', 'example.com.'],
      ['examples/hosting/example.net.dns', 'example.net.'],
      ['examples/hosting/example.org.dns', 'example.org.'],
      ['examples/hosting/xn--bcher-kva.example.dns', 'xn--bcher-kva.example.'],
    ] as const) {
      const path = join(REPO_ROOT, file);
      const name = Name.from(origin);
      const original = compileZone(origin, path);
      expect(original.ok, original.text).toBe(true);
      const result = roundTrip(name, readRecords(path, name), original.text);
      expect({ file, notes: result.notes, errors: result.specErrors, differing: result.differing }).toEqual({ file, notes: [], errors: [], differing: 0 });
      // Adoption recognises the catalog's services: nothing is left for `records` but what the spec put there.
      expect(result.specText).toContain('services:');
    }
  });

  it('for the examples through the command line: init --from, then generate (judged as always), then BIND', async () => {
    if (!bindAvailable()) return;
    for (const [file, origin] of [
      ['examples/example.com.dns', 'example.com'],
      ['examples/hosting/example.net.dns', 'example.net'],
    ] as const) {
      const dir = tempDir();
      const spec = join(dir, `${origin}.yaml`);
      const adopted = await run('init', '--from', join(REPO_ROOT, file), '-o', spec);
      expect(adopted.code, adopted.stderr).toBe(0);
      const generated = await run('generate', spec, '-o', dir);
      expect(generated.code, generated.stderr).toBe(0);
      const before = compileZone(`${origin}.`, join(REPO_ROOT, file));
      const after = compileZone(`${origin}.`, join(dir, `${origin}.dns`));
      expect(after.ok, after.text).toBe(true);
      expect(canonicalLines(after.text).sort()).toEqual(canonicalLines(before.text).sort());
    }
  });

  it('for every corpus zone BIND loads, apart from what adoption names', { timeout: 600_000 }, () => {
    if (!requireShared(join(CORPUS_DIR, 'manifest.tsv')) || !bindAvailable()) return;
    const rows = readManifest().filter((r) => r.bindRc === 0);
    const failures: string[] = [];
    let exact = 0;
    let named = 0;
    for (const row of rows) {
      const origin = Name.from(row.origin);
      const canonical = readFileSync(join(CORPUS_DIR, row.canonical), 'utf8');
      const result = roundTrip(origin, readRecords(join(CORPUS_DIR, row.file), origin), canonical);
      // A spec that does not generate (no SOA a spec can hold, in-zone name servers left without
      // their addresses) is a consequence of what adoption named; with nothing named it is a failure.
      if (result.specErrors.length > 0 && result.notes.length > 0) named++;
      else if (result.specErrors.length > 0) failures.push(`${row.file}: ${result.specErrors.slice(0, 3).join(' | ')}`);
      else if (result.unexplained.length > 0) failures.push(`${row.file}: ${result.unexplained.slice(0, 3).join(' | ')}`);
      else if (result.notes.length === 0 && result.differing > 0) failures.push(`${row.file}: ${result.differing} lines differ with nothing named`);
      else if (result.notes.length === 0) exact++;
      else named++;
    }
    console.log(`adopt round trip: ${exact}/${rows.length} corpus zones exact, ${named} with what they cannot carry named, ${failures.length} failures`);
    expect(failures).toEqual([]);
  });
});
