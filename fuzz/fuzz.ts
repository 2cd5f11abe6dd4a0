/**
 * The differential fuzzer: mutated zone files (corpus files and the hand-written ones in fuzz/seeds)
 * read by BIND and by zonesmith; agreement on the verdict and, where both load, on every record and
 * TTL. Where both load, `lint --fix` is also proven on the case: BIND's dump after the fix must equal
 * its dump before. Disagreements are counted by signature, checked against the known-differences
 * file, and (when asked) shrunk to a minimal reproducer.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixZoneFile } from '../src/lint/fix-file.js';
import { Name } from '../src/zone/name.js';
import { readManifest } from '../test/helpers/manifest.js';
import { CORPUS_DIR, REPO_ROOT } from '../test/helpers/shared.js';
import { mutate } from './mutate.js';
import { bindReading, compare, ourReading, type Verdict } from './oracle.js';
import { caseSeed, Rng } from './rng.js';
import { shrink } from './shrink.js';

/** fuzz/ in the repository (also when this runs compiled, from .fuzz-build/fuzz). */
export const FUZZ_DIR = join(REPO_ROOT, 'fuzz');
export const KNOWN_DIFFERENCES = join(FUZZ_DIR, 'known-differences.tsv');

/** Corpus files above this size are left out: mutating them finds nothing the small ones do not, slowly. */
const MAX_SEED_BYTES = 32 * 1024;
const CASE_FILE = 'zone.db';

export interface Seed {
  name: string;
  origin: string;
  bytes: Buffer;
}

/** The zones mutated: the hand-written ones and the corpus files without $INCLUDE (BIND's verdict either way). */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const own = join(FUZZ_DIR, 'seeds');
  for (const file of readdirSync(own).sort()) seeds.push({ name: `seeds/${file}`, origin: 'example.com.', bytes: readFileSync(join(own, file)) });
  if (existsSync(join(CORPUS_DIR, 'manifest.tsv'))) {
    for (const row of readManifest()) {
      if (row.includes.length > 0) continue;
      const bytes = readFileSync(join(CORPUS_DIR, row.file));
      if (bytes.length <= MAX_SEED_BYTES && !bytes.includes('$INCLUDE')) seeds.push({ name: row.file, origin: row.origin, bytes });
    }
  }
  return seeds;
}

/** Signatures of known disagreements, each with its reason (fuzz/known-differences.tsv). */
export function readKnownDifferences(path = KNOWN_DIFFERENCES): Map<string, string> {
  const known = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [signature, reason] = line.split('\t');
    if (signature && reason) known.set(signature, reason);
  }
  return known;
}

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** Cases run at once (each runs BIND as a child process). */
  jobs: number;
  /** Shrink each new signature's first case and save it under `out`. */
  shrink: boolean;
  /** Where reproducers go. */
  out: string;
  /** Prove `--fix` on every case both load. */
  proveFix: boolean;
  /** Called after each case with the cases done and, of them, those that agreed and those skipped. */
  progress?: (done: number, total: number, agreed: number, skipped: number) => void;
}

export interface Disagreement {
  signature: string;
  detail: string;
  caseIndex: number;
  seedName: string;
  origin: string;
  bytes: Buffer;
  /** The shrunk reproducer's path, when saved. */
  saved?: string;
}

export interface FuzzResult {
  cases: number;
  agreed: number;
  skipped: number;
  /** Cases both loaded, and of them those where a repair was made and proven. */
  bothLoad: number;
  fixesProven: number;
  /** Signature -> cases, with the first case. */
  bySignature: Map<string, { count: number; first: Disagreement }>;
}

/** The bytes of case `index` of a run seeded with `seed`, and the zone it came from. */
export function makeCase(seeds: readonly Seed[], seed: number, index: number): { seed: Seed; bytes: Buffer } {
  const rng = new Rng(caseSeed(seed, index));
  const from = rng.pick(seeds);
  return { seed: from, bytes: mutate(from.bytes, rng) };
}

/** Runs both readers on `bytes` in `dir`. */
export async function judge(dir: string, bytes: Buffer, origin: string): Promise<{ verdict: Verdict; skipped: boolean; dump: string; bothLoad: boolean }> {
  const path = join(dir, CASE_FILE);
  writeFileSync(path, bytes);
  const bind = await bindReading(dir, CASE_FILE, origin);
  if (bind.timedOut) return { verdict: { detail: 'BIND timed out' }, skipped: true, dump: '', bothLoad: false };
  const ours = ourReading(path, origin);
  return { verdict: compare(bind, ours, origin), skipped: false, dump: bind.dump, bothLoad: bind.loads && ours.loads };
}

/**
 * `lint --fix` on a copy of a case both load: when it writes a repair, BIND must load the result and
 * dump exactly what it dumped before. Returns a verdict with a signature when it does not.
 */
async function proveFix(dir: string, origin: string, dumpBefore: string): Promise<{ verdict?: Verdict; fixed: boolean }> {
  const fixedName = 'fixed.db';
  const fixedPath = join(dir, fixedName);
  copyFileSync(join(dir, CASE_FILE), fixedPath);
  const outcome = fixZoneFile({ file: fixedPath, origin: Name.from(origin) });
  if (!outcome.written) return { fixed: false };
  const after = await bindReading(dir, fixedName, origin);
  if (!after.loads) return { fixed: true, verdict: { signature: 'fix-breaks-load', detail: `after --fix BIND says: ${after.messages.trim()}` } };
  if (after.dump !== dumpBefore) return { fixed: true, verdict: { signature: 'fix-changes-meaning', detail: 'BIND dumps the zone differently after --fix' } };
  return { fixed: true };
}

function slug(signature: string): string {
  return signature.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** Runs `options.cases` cases and returns what agreed and what did not. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const seeds = loadSeeds();
  const result: FuzzResult = { cases: options.cases, agreed: 0, skipped: 0, bothLoad: 0, fixesProven: 0, bySignature: new Map() };
  const work = mkdtempSync(join(tmpdir(), 'zonesmith-fuzz-'));
  let next = 0;
  let done = 0;
  const worker = async (slot: number): Promise<void> => {
    const dir = join(work, `w${slot}`);
    mkdirSync(dir, { recursive: true });
    for (let index = next++; index < options.cases; index = next++) {
      const made = makeCase(seeds, options.seed, index);
      const judged = await judge(dir, made.bytes, made.seed.origin);
      let verdict = judged.verdict;
      if (judged.skipped) result.skipped++;
      else if (!verdict.signature && judged.bothLoad) {
        result.bothLoad++;
        if (options.proveFix) {
          const proof = await proveFix(dir, made.seed.origin, judged.dump);
          if (proof.fixed && !proof.verdict) result.fixesProven++;
          if (proof.verdict) verdict = proof.verdict;
        }
      }
      if (!judged.skipped && !verdict.signature) result.agreed++;
      else if (verdict.signature) {
        const entry = result.bySignature.get(verdict.signature);
        if (entry) entry.count++;
        else {
          const first: Disagreement = { signature: verdict.signature, detail: verdict.detail, caseIndex: index, seedName: made.seed.name, origin: made.seed.origin, bytes: made.bytes };
          result.bySignature.set(verdict.signature, { count: 1, first });
        }
      }
      options.progress?.(++done, options.cases, result.agreed, result.skipped);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, (_, slot) => worker(slot)));
    if (options.shrink) {
      mkdirSync(options.out, { recursive: true });
      const dir = join(work, 'shrink');
      mkdirSync(dir, { recursive: true });
      for (const { first } of result.bySignature.values()) {
        const wanted = first.signature;
        const small = wanted.startsWith('fix-')
          ? first.bytes
          : await shrink(first.bytes, async (candidate) => (await judge(dir, candidate, first.origin)).verdict.signature === wanted);
        const base = join(options.out, `${slug(wanted)}.case${first.caseIndex}`);
        writeFileSync(`${base}.zone`, small);
        const again = await judge(dir, small, first.origin);
        writeFileSync(
          `${base}.txt`,
          [`signature: ${wanted}`, `origin: ${first.origin}`, `from: ${first.seedName}, case ${first.caseIndex} of seed ${options.seed}`, `replay: named-compilezone -k warn -i local -s full -o - ${first.origin} ${base}.zone`, '', again.verdict.detail, ''].join('\n'),
        );
        first.saved = `${base}.zone`;
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}
