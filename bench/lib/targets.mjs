/**
 * The targets of issue 12, each a small table: a floor (what the same work costs at the least, or
 * BIND), zonesmith's rows, and each row's ratio to the floor against the target ratio. Runs are
 * interleaved (every row once per round, so a busy patch of the machine hits all rows alike), under
 * GNU time, medians shown. What is measured:
 *
 * - startup: a 10-line zone linted, `--version` and `--help`, against `node -e 0` (target 2x).
 * - many-files: `lint` of N small zones in one call against `lint` of their records as one zone (1.5x).
 * - generate: a spec of N zones into an empty folder, against a plain Node script writing the same
 *   bytes to the same folder (3x); also with the files already there.
 * - validate: the same spec, against reading and parsing its YAML alone (2x).
 * - shapes: `lint --format json` against `named-checkzone -i full` on zones of other shapes (0.6x time,
 *   0.8x memory; bench's own zone is the main table).
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { median, runTimed } from './measure.mjs';
import { writeHostingSpec } from './hosting-spec.mjs';
import { SHAPE_APEX, SHAPES, smallZoneText, writeManyZones, writeShapeZone } from './shape-zones.mjs';
import { writeFileSync, mkdirSync } from 'node:fs';

/** The bin users run (package.json "bin"): the bundle. */
export const BIN = 'dist/bin/zonesmith.js';
/** Startup times are tens of milliseconds: more runs than the big rows, whatever --runs says. */
const STARTUP_MIN_RUNS = 11;

const node = (...args) => ({ command: process.execPath, args });
const zonesmith = (...args) => node(BIN, ...args);

/** Exit 1 ("problems found") is a finished lint or validate. */
const FINISHED = [0, 1];

function shownCommand(row) {
  const command = row.command === process.execPath ? 'node' : row.command;
  return [command, ...row.args].map((w) => (/^[\w./:=,-]+$/.test(w) ? w : `'${w}'`)).join(' ');
}

/**
 * Runs the rows `runs` times interleaved; `before` (if any) runs untimed before each of its row's runs.
 * Returns the rows with medians of wall seconds, peak KiB and CPU seconds.
 */
async function measureRows(rows, { runs, timeoutMs, cwd, log }) {
  const samples = rows.map(() => []);
  for (let round = 1; round <= runs; round++) {
    for (const [i, row] of rows.entries()) {
      row.before?.();
      const result = await runTimed({ command: row.command, args: row.args, cwd, timeoutMs, okExitCodes: row.ok ?? [0] });
      samples[i].push(result);
      log(`run ${round}/${runs}: ${row.label}: ${result.wallSeconds.toFixed(2)} s, ${(result.peakKiB / 1024).toFixed(0)} MiB, ${result.cpuSeconds.toFixed(2)} s CPU`);
    }
  }
  return rows.map((row, i) => ({
    ...row,
    wallSeconds: median(samples[i].map((r) => r.wallSeconds)),
    peakKiB: median(samples[i].map((r) => r.peakKiB)),
    cpuSeconds: median(samples[i].map((r) => r.cpuSeconds)),
  }));
}

const x = (value) => `${value.toFixed(2)}×`;

/**
 * One target's Markdown: rows against the first (the floor). `target` is the largest ratio of wall
 * time that meets it (`memory`, when set, the largest ratio of peak memory); a row with `target: false`
 * is shown for reference only.
 */
export function formatTarget({ title, setup, rows, target, memory }) {
  const floor = rows[0];
  const lines = [`## ${title}`, '', ...setup.map((line) => `- ${line}`), ''];
  lines.push(`| row | wall s | ÷ floor | CPU s | ÷ floor (CPU) | peak MiB | ÷ floor (memory) | target |`);
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const time = row.wallSeconds / floor.wallSeconds;
    const cpu = floor.cpuSeconds > 0 ? row.cpuSeconds / floor.cpuSeconds : NaN;
    const mem = row.peakKiB / floor.peakKiB;
    let verdict = row === floor ? 'the floor' : 'for reference';
    if (row !== floor && row.target !== false) {
      const timeMet = time <= target;
      const memMet = memory === undefined || mem <= memory;
      verdict = `≤ ${x(target)}${memory !== undefined ? `, memory ≤ ${x(memory)}` : ''}: ${timeMet && memMet ? 'met' : 'NOT met'}`;
    }
    lines.push(
      `| ${row.label} | ${row.wallSeconds.toFixed(2)} | ${x(time)} | ${row.cpuSeconds.toFixed(2)} | ${Number.isFinite(cpu) ? x(cpu) : '–'} | ` +
        `${(row.peakKiB / 1024).toFixed(0)} | ${x(mem)} | ${verdict} |`,
    );
  }
  lines.push('', 'Command lines (each under GNU time):', '', '```sh', ...rows.map((row) => shownCommand(row)), '```', '');
  return lines.join('\n');
}

/** Target 2: instant for small zones. */
export async function startupSection({ outDir, runs, timeoutMs, cwd, log, machine }) {
  const dir = join(outDir, 'startup');
  mkdirSync(dir, { recursive: true });
  const zone = join(dir, 'small0.example.zone');
  writeFileSync(zone, smallZoneText(0));
  const rows = await measureRows(
    [
      { label: 'node -e 0', ...node('-e', '0') },
      { label: 'zonesmith lint (10-line zone)', ...zonesmith('lint', zone), ok: FINISHED },
      { label: 'zonesmith --version', ...zonesmith('--version') },
      { label: 'zonesmith --help', ...zonesmith('--help') },
      { label: 'node dist/cli.js lint (tsc output, not bundled)', ...node('dist/cli.js', 'lint', zone), ok: FINISHED, target: false },
      { label: 'named-checkzone', command: 'named-checkzone', args: ['small0.example.', zone], target: false },
    ],
    { runs: Math.max(runs, STARTUP_MIN_RUNS), timeoutMs, cwd, log },
  );
  return formatTarget({
    title: 'Startup: a small zone, --version, --help',
    setup: [`A 10-line zone (\`bench/lib/shape-zones.mjs\`, smallZoneText). ${Math.max(runs, STARTUP_MIN_RUNS)} runs per row, interleaved; medians.`, machine],
    rows,
    target: 2,
  });
}

/** Target 3: many files use both cores. */
export async function manyFilesSection({ outDir, files, runs, timeoutMs, cwd, log, machine }) {
  const { zones, allZone } = writeManyZones(join(outDir, `many-${files}`), files);
  const rows = await measureRows(
    [
      { label: `zonesmith lint: their records as one zone`, ...zonesmith('lint', allZone, '--format', 'json'), ok: FINISHED },
      { label: `zonesmith lint: ${files} zone files in one call`, ...zonesmith('lint', zones, '--format', 'json'), ok: FINISHED },
    ],
    { runs, timeoutMs, cwd, log },
  );
  return formatTarget({
    title: `Many files: ${files.toLocaleString('en-US')} small zones in one call`,
    setup: [
      `${files.toLocaleString('en-US')} zones of ten lines (\`bench/lib/shape-zones.mjs\`), and their records (SOA and NS left out) concatenated under one apex as the floor. ` +
        `From 64 files on, lint shares them out between its own thread and a worker thread per other core (src/commands/worker-pool.ts), the report in input order.`,
      machine,
    ],
    rows,
    target: 1.5,
  });
}

/** Targets 4 and 5: a spec of `zones` zones, generated and validated. */
export async function specSections({ outDir, zones, runs, timeoutMs, cwd, log, machine }) {
  const dir = join(outDir, `hosting-${zones}`);
  const spec = join(dir, 'hosting.yaml');
  const bytes = writeHostingSpec(spec, zones);
  const reference = join(dir, 'reference');
  const target = join(dir, 'out');
  // The bytes the floor writes: one untimed generate.
  if (!existsSync(join(reference, 'customer1.example.dns'))) {
    log(`spec: generating the reference zones of ${spec} (untimed)`);
    await runTimed({ ...zonesmith('generate', spec, '-o', reference), cwd, timeoutMs, okExitCodes: [0] });
  }
  const empty = () => rmSync(target, { recursive: true, force: true });
  const setup = [
    `Spec: ${zones.toLocaleString('en-US')} zones sharing \`defaults\` (\`bench/lib/hosting-spec.mjs\`), ${(bytes / 2 ** 20).toFixed(1)} MiB of YAML.`,
    machine,
  ];
  const generated = await measureRows(
    [
      { label: 'plain Node script writing the same bytes', ...node('bench/write-floor.mjs', reference, target), before: empty },
      { label: 'zonesmith generate (empty folder)', ...zonesmith('generate', spec, '-o', target), before: empty },
      { label: 'zonesmith generate (files there, unchanged)', ...zonesmith('generate', spec, '-o', reference), target: false },
    ],
    { runs, timeoutMs, cwd, log },
  );
  const validated = await measureRows(
    [
      { label: 'read and parse the YAML alone', ...node('bench/spec-floor.mjs', spec) },
      { label: 'zonesmith validate', ...zonesmith('validate', spec), ok: FINISHED },
    ],
    { runs, timeoutMs, cwd, log },
  );
  return [
    formatTarget({ title: `Generate: ${zones.toLocaleString('en-US')} zones`, setup, rows: generated, target: 3 }),
    formatTarget({ title: `Validate: ${zones.toLocaleString('en-US')} zones`, setup, rows: validated, target: 2 }),
  ].join('\n');
}

/** Target 1 on zones of other shapes than bench's own (which is the main table). */
export async function shapesSection({ outDir, records, runs, timeoutMs, cwd, log, machine, checkWithBind }) {
  const parts = [];
  for (const shape of SHAPES) {
    const file = join(outDir, `shape-${shape}-${records}`, `${SHAPE_APEX.slice(0, -1)}.zone`);
    if (!existsSync(file)) writeShapeZone(file, shape, records);
    await checkWithBind(file, SHAPE_APEX);
    const rows = await measureRows(
      [
        { label: 'named-checkzone -i full', command: 'named-checkzone', args: ['-i', 'full', SHAPE_APEX, file] },
        { label: 'zonesmith lint --format json', ...zonesmith('lint', file, '--format', 'json'), ok: FINISHED },
        { label: 'zonesmith parse only', ...node('bench/parse-only.mjs', file), target: false },
      ],
      { runs, timeoutMs, cwd, log },
    );
    parts.push(
      formatTarget({
        title: `Lint against BIND: shape "${shape}", ${records.toLocaleString('en-US')} records`,
        setup: [`\`bench/lib/shape-zones.mjs\` (${shape}); BIND loads it cleanly.`, machine],
        rows,
        target: 0.6,
        memory: 0.8,
      }),
    );
  }
  return parts.join('\n');
}
