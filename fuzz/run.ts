/**
 * `npm run fuzz -- --cases N --seed S [--jobs J] [--no-shrink] [--no-fix] [--out DIR]`: the
 * differential fuzzer's command line. Prints the agreement and each disagreement by signature, known
 * (with its reason from known-differences.tsv) or not; exits 1 when any is not known, 2 on bad usage.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FUZZ_DIR, readKnownDifferences, runFuzz } from './fuzz.js';

const USAGE = `usage: npm run fuzz -- [--cases N] [--seed S] [--jobs J] [--out DIR] [--no-shrink] [--no-fix]
  --cases N    cases to run (default 1000)
  --seed S     seed of the run; the same seed gives the same cases (default 1)
  --jobs J     cases at once, each running BIND as a child process (default 2; the machine may be shared)
  --out DIR    where shrunk reproducers go (default fuzz/out)
  --no-shrink  do not shrink and save reproducers
  --no-fix     do not prove lint --fix on the cases both load
example: nice -n 10 npm run fuzz -- --cases 20000 --seed 7`;

function wholeNumber(name: string, text: string, min: number): number {
  if (!/^[0-9]+$/.test(text) || Number(text) < min) {
    process.stderr.write(`--${name} wants a whole number >= ${min}, got "${text}"\n${USAGE}\n`);
    process.exit(2);
  }
  return Number(text);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        cases: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        jobs: { type: 'string', default: '2' },
        out: { type: 'string', default: join(FUZZ_DIR, 'out') },
        'no-shrink': { type: 'boolean', default: false },
        'no-fix': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const cases = wholeNumber('cases', values.cases, 1);
  const seed = wholeNumber('seed', values.seed, 0);
  const jobs = wholeNumber('jobs', values.jobs, 1);
  const known = readKnownDifferences();
  const started = Date.now();
  const result = await runFuzz({
    cases,
    seed,
    jobs,
    out: values.out,
    shrink: !values['no-shrink'],
    proveFix: !values['no-fix'],
    progress: (done, total, agreed, skipped) => {
      if (done % 500 === 0 || done === total) {
        process.stderr.write(`fuzz: ${done}/${total} cases, ${agreed}/${done - skipped} agree (${Math.round((Date.now() - started) / 1000)} s)\n`);
      }
    },
  });
  const judged = result.cases - result.skipped;
  const pct = (n: number) => ((100 * n) / Math.max(1, judged)).toFixed(2);
  const knownCount = [...result.bySignature].filter(([s]) => known.has(s)).reduce((n, [, e]) => n + e.count, 0);
  const lines = [
    `fuzz: seed ${seed}, ${result.cases} cases, ${result.skipped} skipped (BIND timed out)`,
    `agree: ${result.agreed}/${judged} (${pct(result.agreed)}%); known differences: ${knownCount} (${pct(knownCount)}%); unknown: ${judged - result.agreed - knownCount}`,
    `both load: ${result.bothLoad}; --fix made and proven on ${result.fixesProven} of them`,
  ];
  let unknown = 0;
  for (const [signature, { count, first }] of [...result.bySignature].sort((a, b) => b[1].count - a[1].count)) {
    const reason = known.get(signature);
    if (!reason) unknown++;
    lines.push(`  ${count}\t${signature}\t${reason ? `known: ${reason}` : `UNKNOWN (case ${first.caseIndex} from ${first.seedName}${first.saved ? `; reproducer ${first.saved}` : ''}): ${first.detail.split('\n')[0]}`}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = unknown > 0 ? 1 : 0;
}

void main();
