/**
 * The differential fuzzer's fixed batch: 1,000 mutated zones read by BIND and by zonesmith must agree
 * (verdict, and every record and TTL where both load; `--fix` proven where both load), except for the
 * disagreements listed with their reasons in fuzz/known-differences.tsv. A heavy suite: it runs BIND
 * 1,000 times, two at a time.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKnownDifferences, runFuzz } from '../fuzz/fuzz.js';
import { bindAvailable } from './helpers/bind.js';
import { CORPUS_DIR, requireShared } from './helpers/shared.js';

const CASES = 1000;
const SEED = 20261202;

describe('differential fuzzing against BIND 9.18', () => {
  it(`agrees with BIND on ${CASES} mutated zones, but for the known differences`, { timeout: 900_000 }, async () => {
    if (!bindAvailable() || !requireShared(join(CORPUS_DIR, 'manifest.tsv'))) return;
    const known = readKnownDifferences();
    const result = await runFuzz({ cases: CASES, seed: SEED, jobs: 2, shrink: false, out: '', proveFix: true });
    const unknown = [...result.bySignature]
      .filter(([signature]) => !known.has(signature))
      .map(([signature, { count, first }]) => `${signature} (${count}x; replay: npm run fuzz -- --cases ${first.caseIndex + 1} --seed ${SEED}): ${first.detail.split('\n')[0]}`);
    console.log(`fuzz: ${result.agreed}/${result.cases - result.skipped} agree; --fix proven on ${result.fixesProven} of ${result.bothLoad} cases both load`);
    expect(unknown).toEqual([]);
    expect(result.agreed).toBeGreaterThan(CASES * 0.9);
  });
});
