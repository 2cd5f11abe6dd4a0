/**
 * The benchmark's command line: `node bench/run.mjs [--records N] [--runs N] [--timeout S] [--out DIR]
 * [--only TOOL,...] [--seed N] [--findings N] [--profile]`. Bad values are refused with what would be
 * valid, never guessed.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, MIN_RECORDS } from './zone-generator.mjs';

/**
 * Tool ids, in table order; the first is the baseline the ratios are taken against. `findings` is the
 * second table: named-checkzone and `zonesmith lint` in each format on a zone where every record draws
 * a finding (see bench/lib/findings-zone.mjs). The last four are the targets of issue 12, each its own table
 * against its floor (bench/lib/targets.mjs): `startup`, `many-files` (--files), `spec` (generate and
 * validate a spec of --zones zones) and `shapes` (lint against BIND on zones of --records records of other shapes).
 */
export const TOOL_IDS = ['named-checkzone', 'zonesmith-lint', 'zonesmith-parse', 'dns-zonefile', 'findings', 'startup', 'many-files', 'spec', 'shapes'];
/** The smallest findings zone: its two name servers. */
const MIN_FINDINGS = 2;

export const USAGE = `usage: node bench/run.mjs [options]   (npm run bench -- [options])
  --records N    records in the generated zone (default 1000000)
  --runs N       runs per tool; the table shows the median (default 3)
  --timeout S    seconds one run may take before it is killed (default 900)
  --out DIR      where the zone and results.md go (default bench/out)
  --only LIST    comma-separated tools to run, of: ${TOOL_IDS.join(', ')}
                 (findings: the second table, lint in every format on a zone of findings;
                  startup, many-files, spec, shapes: the targets of issue 12, see bench/README.md)
  --seed N       seed of the zone generator (default ${DEFAULT_SEED})
  --findings N   records (each one a finding) in the zone of the findings table (default 1000000)
  --files N      small zone files linted in one call by the many-files table (default 2000)
  --zones N      zones in the spec of the spec table (generate and validate; default 10000)
  --profile      also run zonesmith's rows once under node --cpu-prof and summarise each profile
                 (hottest functions at their src/ lines) in OUT/profiles/<tool>.md
`;

export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

function positiveInteger(name, text, minimum = 1) {
  if (!/^\d{1,15}$/.test(text) || Number(text) < minimum) {
    throw new UsageError(`--${name} wants a whole number >= ${minimum}, got "${text}"`);
  }
  return Number(text);
}

/** Parses the arguments; throws UsageError with the fix in its message. `help: true` when asked. */
export function parseBenchArgs(argv, defaultOutDir) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        records: { type: 'string', default: '1000000' },
        runs: { type: 'string', default: '3' },
        timeout: { type: 'string', default: '900' },
        out: { type: 'string', default: defaultOutDir },
        only: { type: 'string', default: TOOL_IDS.join(',') },
        seed: { type: 'string', default: String(DEFAULT_SEED) },
        findings: { type: 'string', default: '1000000' },
        files: { type: 'string', default: '2000' },
        zones: { type: 'string', default: '10000' },
        profile: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  const only = values.only
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const unknown = only.filter((id) => !TOOL_IDS.includes(id));
  if (unknown.length > 0) throw new UsageError(`--only: unknown tool ${unknown.join(', ')}; use some of ${TOOL_IDS.join(', ')}`);
  if (only.length === 0) throw new UsageError(`--only names no tool; use some of ${TOOL_IDS.join(', ')}`);
  return {
    help: values.help,
    records: positiveInteger('records', values.records, MIN_RECORDS),
    runs: positiveInteger('runs', values.runs),
    timeoutSeconds: positiveInteger('timeout', values.timeout),
    outDir: values.out,
    only: TOOL_IDS.filter((id) => only.includes(id)),
    seed: positiveInteger('seed', values.seed, 0),
    findings: positiveInteger('findings', values.findings, MIN_FINDINGS),
    files: positiveInteger('files', values.files),
    zones: positiveInteger('zones', values.zones),
    profile: values.profile,
  };
}
