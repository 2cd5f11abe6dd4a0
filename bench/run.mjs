#!/usr/bin/env node
/**
 * `npm run bench`: generate (or reuse) a realistic zone, check that BIND loads it cleanly, then time
 * named-checkzone -i full, zonesmith lint, zonesmith's parser alone and dns-zonefile on it, runs
 * interleaved, and print the median wall time and peak RSS of each as a Markdown table (also written
 * to bench/out/results.md for the README). A second table times named-checkzone and `zonesmith lint` in
 * every format on a zone where every record draws a finding (`--findings N`, or leave `findings` out of
 * `--only`). Any failed or timed-out command stops the run with its stderr.
 * Runs on dist/ (plain JavaScript, no TypeScript loader): `npm run bench` builds first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GNU_TIME, MeasureError, median, runTimed } from './lib/measure.mjs';
import { parseBenchArgs, USAGE, UsageError } from './lib/options.mjs';
import { FINDINGS_APEX, FINDINGS_RULE, writeFindingsZone } from './lib/findings-zone.mjs';
import { formatFindingsResults, formatResults } from './lib/report.mjs';
import { ensureZone } from './lib/zone-file.mjs';
import { APEX } from './lib/zone-generator.mjs';
import { formatSummary, summarise } from './profile-top.mjs';
import { BIN, manyFilesSection, shapesSection, specSections, startupSection } from './lib/targets.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASELINE_ID = 'named-checkzone';
const TARGET_ID = 'zonesmith-lint';
/** `zonesmith lint --format` values (src/report/index.ts FORMATS; the bench runs plain JavaScript, without src/). */
const FORMATS = ['text', 'json', 'sarif', 'github'];
/** How long a quick probe (a --help, a version) may take. */
const PROBE_TIMEOUT_MS = 30_000;

const log = (line) => process.stderr.write(`${line}\n`);
/** Paths inside the repository are shown relative to it (as `npm run bench` runs there); others as they are. */
const shown = (path) => (relative(REPO_ROOT, path).startsWith('..') ? path : relative(REPO_ROOT, path));
const count = (n) => n.toLocaleString('en-US');

/** named-checkzone -i full on ZONE, the baseline of both tables. */
function bindTool(apex, zone) {
  return {
    id: BASELINE_ID,
    tool: 'named-checkzone -i full',
    command: 'named-checkzone',
    args: ['-i', 'full', apex, zone],
    available: () => (onPath('named-checkzone') ? undefined : 'named-checkzone is not installed (apt-get install bind9-utils)'),
  };
}

/** `zonesmith lint ZONE --format F` from dist/. */
function lintTool(id, tool, zone, format) {
  return {
    id,
    tool,
    command: process.execPath,
    args: [BIN, 'lint', zone, '--format', format],
    // Exit 1 means "problems found", which is a finished run; 2 is a usage or I/O error.
    okExitCodes: [0, 1],
    available: lintAvailable,
  };
}

/** Each tool: how to run it on FILE, which exit codes mean "ran fine", and whether it can run here. */
function tools(file) {
  const zone = shown(file);
  return [
    bindTool(APEX, zone),
    lintTool(TARGET_ID, 'zonesmith lint', zone, 'json'),
    {
      id: 'zonesmith-parse',
      tool: 'zonesmith parse only',
      command: process.execPath,
      args: ['bench/parse-only.mjs', zone],
      captureStdout: true,
      available: parserAvailable,
    },
    {
      id: 'dns-zonefile',
      tool: 'dns-zonefile parse',
      command: process.execPath,
      args: ['bench/dns-zonefile-parse.mjs', zone],
      captureStdout: true,
      available: () => (existsSync(join(REPO_ROOT, 'node_modules', 'dns-zonefile')) ? undefined : 'dns-zonefile is not installed (npm ci)'),
    },
  ];
}

/** The findings table: BIND, then `zonesmith lint` in each format, on the zone where every record is a finding. */
function findingsTools(file) {
  const zone = shown(file);
  return [bindTool(FINDINGS_APEX, zone), ...FORMATS.map((format) => lintTool(`zonesmith-lint-${format}`, `zonesmith lint --format ${format}`, zone, format))];
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore', timeout: PROBE_TIMEOUT_MS }).status === 0;
}

async function parserAvailable() {
  const parser = join(REPO_ROOT, 'dist', 'zone', 'read-file.js');
  if (!existsSync(parser)) return 'dist/zone/read-file.js is missing (npm run build)';
  try {
    const module = await import(pathToFileURL(parser).href);
    return typeof module.readZoneFile === 'function' ? undefined : 'dist/zone/read-file.js does not export readZoneFile yet';
  } catch (error) {
    return `dist/zone/read-file.js does not load: ${error.message}`;
  }
}

function lintAvailable() {
  if (!existsSync(join(REPO_ROOT, BIN))) return `${BIN} is missing (npm run build)`;
  // yargs answers `lint --help` with exit 0 even without such a command: read the command list instead.
  const probe = spawnSync(process.execPath, [BIN, '--help'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: PROBE_TIMEOUT_MS });
  return /^\s*zonesmith lint\b/m.test(probe.stdout ?? '') ? undefined : `${BIN} has no lint command yet`;
}

function shellQuote(word) {
  return /^[\w./:=-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

function commandLine(tool) {
  const command = tool.command === process.execPath ? 'node' : tool.command;
  const redirect = tool.captureStdout ? '' : ' > /dev/null';
  return [command, ...tool.args].map(shellQuote).join(' ') + redirect;
}

/** BIND must load the zone with nothing to say but "loaded serial" and "OK": the zone is valid. */
async function checkZoneWithBind(file, timeoutMs, apex = APEX) {
  const result = await runTimed({
    command: 'named-checkzone',
    args: ['-i', 'full', apex, file],
    timeoutMs,
    captureStdout: true,
  });
  const remarks = result.stdout
    .split('\n')
    .filter((line) => line !== '' && line !== 'OK' && !line.includes(': loaded serial '));
  if (remarks.length > 0) {
    throw new MeasureError(`named-checkzone loads the zone but remarks on it (the generator should not cause that):\n${remarks.slice(0, 10).join('\n')}`);
  }
  return result;
}

function bindVersion() {
  const probe = spawnSync('named-checkzone', ['-v'], { encoding: 'utf8', timeout: PROBE_TIMEOUT_MS });
  return probe.status === 0 ? probe.stdout.trim() : 'unknown';
}

/** What a tool's stdout says it read, for the "records read" column. */
function readingNote(tool, stdout, records) {
  if (tool.id === BASELINE_ID) return `all ${count(records)} (the reference)`;
  if (!tool.captureStdout) return '';
  let reading;
  try {
    reading = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
  } catch {
    return `unreadable output: ${stdout.slice(0, 80)}`;
  }
  let note = `${count(reading.records)} of ${count(records)}`;
  const errors = reading.diagnostics?.error ?? 0;
  if (errors > 0) note += `; ${count(errors)} errors, first: ${reading.firstErrors?.[0] ?? '?'}`;
  return note;
}

/**
 * Runs every available tool `runs` times, interleaved (every tool once per round, so a slow patch of the
 * machine hits all tools alike), and gives one row per tool: medians, or a note saying why it was not
 * measured. `noteFor(tool, stdout)` fills the last column of a measured row.
 */
async function measureTools(tools, { runs, timeoutMs, noteFor }) {
  const runnable = [];
  const rows = new Map();
  for (const tool of tools) {
    const missing = await tool.available();
    rows.set(tool.id, { id: tool.id, tool: tool.tool, command: commandLine(tool), note: missing && `not measured: ${missing}` });
    if (missing) log(`skip: ${tool.tool}: ${missing}`);
    else runnable.push(tool);
  }
  const samples = new Map(runnable.map((tool) => [tool.id, []]));
  for (let round = 1; round <= runs; round++) {
    for (const tool of runnable) {
      const result = await runTimed({ ...tool, cwd: REPO_ROOT, timeoutMs });
      samples.get(tool.id).push(result);
      log(`run ${round}/${runs}: ${tool.tool}: ${result.wallSeconds.toFixed(2)} s, ${(result.peakKiB / 1024).toFixed(0)} MiB, ${result.cpuSeconds.toFixed(2)} s CPU`);
    }
  }
  for (const tool of runnable) {
    const results = samples.get(tool.id);
    const row = rows.get(tool.id);
    row.wallSeconds = median(results.map((r) => r.wallSeconds));
    row.peakKiB = median(results.map((r) => r.peakKiB));
    row.cpuSeconds = median(results.map((r) => r.cpuSeconds));
    row.note = noteFor(tool, results.at(-1).stdout);
  }
  return { rows, runnable };
}

/** The main table: the realistic zone, every selected tool. */
async function zoneSection(options, timeoutMs, machine) {
  const started = process.hrtime.bigint();
  const zone = ensureZone({ outDir: resolve(options.outDir), records: options.records, seed: options.seed });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  log(`zone: ${shown(zone.file)}, ${count(options.records)} records, ${(zone.bytes / 2 ** 20).toFixed(1)} MiB, ` +
    `${zone.reused ? 'reused' : 'generated'} in ${seconds.toFixed(1)} s`);
  await checkZoneWithBind(zone.file, timeoutMs);
  log('zone: named-checkzone -i full loads it cleanly');

  const selected = tools(zone.file).filter((tool) => options.only.includes(tool.id));
  const { rows, runnable } = await measureTools(selected, {
    runs: options.runs,
    timeoutMs,
    noteFor: (tool, stdout) => readingNote(tool, stdout, options.records),
  });

  const mix = Object.entries(zone.counts)
    .sort(([, a], [, b]) => b - a)
    .map(([type, n]) => (n * 1000 >= options.records ? `${type} ${((100 * n) / options.records).toFixed(1)}%` : `${type} ${count(n)}`))
    .join(', ');
  const setup = [
    `Zone: ${count(options.records)} records, ${(zone.bytes / 2 ** 20).toFixed(1)} MiB, generated by \`bench/lib/zone-generator.mjs\` ` +
      `(seed ${options.seed}, sha256 ${zone.sha256.slice(0, 16)}…): ${mix}.`,
    `Runs: ${options.runs} per tool, interleaved; the median of each column is shown. CPU is user + system time.`,
    machine,
  ];
  const ordered = selected.map((tool) => rows.get(tool.id));
  const baseline = rows.get(BASELINE_ID);
  if (baseline && ordered[0] !== baseline) ordered.unshift(...ordered.splice(ordered.indexOf(baseline), 1));
  const markdown = formatResults({ rows: ordered, setup, targetRow: rows.get(TARGET_ID) });

  if (options.profile) {
    for (const tool of runnable.filter((t) => t.command === process.execPath)) {
      log(`profile: ${shown(await profile(tool, resolve(options.outDir), timeoutMs))}`);
    }
  }
  return markdown;
}

/** The findings table: a zone where each of `records` records draws a finding, linted in every format. */
async function findingsSection(options, timeoutMs, machine) {
  const file = join(resolve(options.outDir), `findings-${options.findings}`, `${FINDINGS_APEX.slice(0, -1)}.zone`);
  const started = process.hrtime.bigint();
  writeFindingsZone(file, options.findings);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  log(`findings zone: ${shown(file)}, ${count(options.findings)} A records with private addresses, written in ${seconds.toFixed(1)} s`);
  await checkZoneWithBind(file, timeoutMs, FINDINGS_APEX);
  log('findings zone: named-checkzone -i full loads it cleanly');
  const { rows } = await measureTools(findingsTools(file), {
    runs: options.runs,
    timeoutMs,
    noteFor: (tool) => (tool.id === BASELINE_ID ? `all ${count(options.findings + 3)} (the reference)` : ''),
  });
  const setup = [
    `Zone: ${count(options.findings)} A records, each at its own name with a private address (RFC 1918), so each draws one ` +
      `\`${FINDINGS_RULE}\` warning: \`bench/lib/findings-zone.mjs\`. The report goes to /dev/null.`,
    `Runs: ${options.runs} per tool, interleaved; the median of each column is shown. CPU is user + system time.`,
    machine,
  ];
  return formatFindingsResults({ rows: [...rows.values()], setup });
}

async function main(argv) {
  let options;
  try {
    options = parseBenchArgs(argv, join(REPO_ROOT, 'bench', 'out'));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!existsSync(GNU_TIME)) {
    log(`bench: ${GNU_TIME} (GNU time) is missing; it measures wall time and peak memory (apt-get install time)`);
    return 2;
  }
  if (!onPath('named-checkzone')) {
    log('bench: named-checkzone is missing; it checks the generated zone and is the baseline (apt-get install bind9-utils)');
    return 2;
  }
  const timeoutMs = options.timeoutSeconds * 1000;

  const cpu = cpus();
  const machine = `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
    `Node ${process.version}; BIND ${bindVersion()}; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} at the start.`;
  const sections = [];
  const selected = tools('').filter((tool) => options.only.includes(tool.id));
  if (selected.length > 0) sections.push(await zoneSection(options, timeoutMs, machine));
  if (options.only.includes('findings')) sections.push(await findingsSection(options, timeoutMs, machine));
  const targets = { outDir: resolve(options.outDir), runs: options.runs, timeoutMs, cwd: REPO_ROOT, log, machine };
  const needsBin = ['startup', 'many-files', 'spec', 'shapes'].filter((id) => options.only.includes(id));
  if (needsBin.length > 0 && lintAvailable()) throw new MeasureError(`${needsBin.join(', ')}: ${lintAvailable()}`);
  if (options.only.includes('startup')) sections.push(await startupSection(targets));
  if (options.only.includes('many-files')) sections.push(await manyFilesSection({ ...targets, files: options.files }));
  if (options.only.includes('spec')) sections.push(await specSections({ ...targets, zones: options.zones }));
  if (options.only.includes('shapes')) {
    const checkWithBind = (file, apex) => checkZoneWithBind(file, timeoutMs, apex);
    sections.push(await shapesSection({ ...targets, records: options.records, checkWithBind }));
  }
  const markdown = sections.join('\n');
  process.stdout.write(`\n${markdown}`);

  mkdirSync(resolve(options.outDir), { recursive: true });
  const resultsFile = join(resolve(options.outDir), 'results.md');
  writeAtomically(resultsFile, markdown);
  log(`written: ${shown(resultsFile)}`);
  return 0;
}

function writeAtomically(file, content) {
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
}

/** One run of a node tool under --cpu-prof; its summary goes to OUT/profiles/<id>.md, which is returned. */
async function profile(tool, outDir, timeoutMs) {
  const dir = join(outDir, 'profiles', tool.id);
  rmSync(dir, { recursive: true, force: true });
  await runTimed({ ...tool, args: ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...tool.args], cwd: REPO_ROOT, timeoutMs });
  const profileFile = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!profileFile) throw new MeasureError(`node --cpu-prof wrote no profile for ${tool.tool} into ${dir}`);
  const summary = formatSummary(summarise(JSON.parse(readFileSync(join(dir, profileFile), 'utf8'))));
  const file = join(outDir, 'profiles', `${tool.id}.md`);
  writeAtomically(file, `## ${tool.tool}: CPU profile\n\n\`node --cpu-prof ${tool.args.join(' ')}\`\n\n${summary}`);
  return file;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof MeasureError) {
      log(`bench: ${error.message}`);
      if (error.stderr) log(`--- its stderr (last part) ---\n${error.stderr.trimEnd()}`);
    } else {
      log(`bench: ${error?.stack ?? error}`);
    }
    process.exitCode = 1;
  },
);
