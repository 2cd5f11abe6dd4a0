/**
 * The benchmark harness (bench/): the zone generator is deterministic, realistic and accepted by
 * BIND; timing, medians, options and the Markdown report behave; a failing or hanging command stops
 * the run instead of producing numbers. BIND and GNU time are required under CI; elsewhere the tests
 * that need them skip with a visible message.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GNU_TIME, MeasureError, median, parseTimeReport, runTimed } from '../bench/lib/measure.mjs';
import { parseBenchArgs, TOOL_IDS, UsageError } from '../bench/lib/options.mjs';
import { formatResults, formatTable, verdict, type ResultRow } from '../bench/lib/report.mjs';
import { ensureZone } from '../bench/lib/zone-file.mjs';
import { summarise } from '../bench/profile-top.mjs';
import { APEX, DEFAULT_SEED, MIN_RECORDS, zoneChunks, zoneShape, zoneText } from '../bench/lib/zone-generator.mjs';
import { readZoneFile } from '../src/zone/read-file.js';
import { REPO_ROOT } from './helpers/shared.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'bench');
const scratch = mkdtempSync(join(tmpdir(), 'zonesmith-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Under CI a missing tool is a failure; elsewhere the tests that need it skip, visibly. */
function requireTool(name: string, found: boolean): boolean {
  if (found) return true;
  const message = `${name} is not installed; the bench tests that need it are skipped`;
  if (process.env.CI) throw new Error(message);
  console.warn(`SKIPPED: ${message}`);
  return false;
}
const hasBind = requireTool('named-checkzone (BIND 9)', spawnSync('sh', ['-c', 'command -v named-checkzone && command -v named-compilezone'], { stdio: 'ignore' }).status === 0);
const hasGnuTime = requireTool(`GNU time (${GNU_TIME})`, existsSync(GNU_TIME));

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function writeZone(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

describe('zone generator', () => {
  it('gives the same bytes for the same records and seed, other bytes for another seed', () => {
    const first = zoneText({ records: 5000 });
    const second = zoneText({ records: 5000, seed: DEFAULT_SEED });
    const other = zoneText({ records: 5000, seed: DEFAULT_SEED + 1 });
    expect(sha256(second.text)).toBe(sha256(first.text));
    expect(second.counts).toEqual(first.counts);
    expect(other.text).not.toBe(first.text);
  });

  it('counts exactly the records asked for, whatever the last pick was', () => {
    for (const records of [MIN_RECORDS, 10, 11, 999, 1001, 4321]) {
      const { counts } = zoneText({ records });
      expect(Object.values(counts).reduce((a, b) => a + b, 0), `records ${records}`).toBe(records);
    }
  });

  it('writes what a real zone has: blank owners, parentheses, comments, quotes, units, both name forms, $ORIGIN sections', () => {
    const { text } = zoneText({ records: 4000 });
    expect(text.startsWith(`; Benchmark zone`)).toBe(true);
    expect(text).toMatch(/^\$ORIGIN bench\.example\.$/m);
    expect(text).toMatch(/^\$TTL 1h$/m);
    expect(text).toMatch(/^\$ORIGIN site1\.bench\.example\.$/m);
    expect(text).toMatch(/^\t[^\t\n]*\t?(?:IN\t)?AAAA\t/m); // blank owner continuing a host
    expect(text).toMatch(/TXT\t\( "v=DKIM1; k=rsa; t=s; "\n/); // parentheses, `;` inside quotes
    expect(text).toMatch(/" ; key, continued\n/); // a comment after a string, inside parentheses
    expect(text).toMatch(/^; ---- from record 1000 ----$/m);
    expect(text).toMatch(/\t2h30m\t|\t2H30M\t/); // TTL units, any case
    expect(text).toMatch(/^h\d+\.bench\.example\.\t/m); // an absolute owner
    expect(text).toMatch(/\tIN\t(?:\d+|\d+[smhdwSMHDW]\w*)\t[A-Za-z]+\t/); // class before TTL
    expect(text).toMatch(/\t(?:a|aaaa|txt|mx|cname|srv|ns|caa|ptr|tlsa|sshfp)\t/); // a type in lower case
  });

  it('hands out the text in bounded chunks, never the whole zone at once', () => {
    let largest = 0;
    let chunks = 0;
    for (const chunk of zoneChunks({ records: 60000 })) {
      largest = Math.max(largest, chunk.length);
      chunks++;
    }
    expect(chunks).toBeGreaterThan(1);
    expect(largest).toBeLessThan((1 << 20) + 4096);
  });

  it('refuses a zone smaller than its apex, and a fractional or unsafe seed', () => {
    expect(() => zoneShape({ records: MIN_RECORDS - 1 })).toThrow(RangeError);
    expect(() => zoneShape({ records: 1.5 })).toThrow(/integer/);
    expect(() => zoneShape({ records: 100, seed: 0.5 })).toThrow(/seed/);
  });
});

describe.runIf(hasBind)('zone generator, as BIND reads it', () => {
  const records = 30000; // two $ORIGIN sections (at 2,000 and 27,000)
  const { text, counts } = zoneText({ records });
  const file = writeZone('bench.example.zone', text);

  it('loads in named-checkzone -i full with nothing to remark', () => {
    const check = spawnSync('named-checkzone', ['-i', 'full', APEX, file], { encoding: 'utf8', timeout: 60_000 });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split('\n')).toEqual([`zone bench.example/IN: loaded serial 2026112201`, 'OK']);
  });

  /** BIND's reading: one `owner ttl class type data` line per record (named-compilezone -s full). */
  function bindDump(): string[] {
    const dump = spawnSync('named-compilezone', ['-q', '-s', 'full', '-o', '-', APEX, file], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(dump.status, dump.stderr).toBe(0);
    return dump.stdout.split('\n').filter((line) => line !== '' && !line.startsWith(';'));
  }

  it('has exactly the records and the mix it claims, by BIND`s own count', () => {
    const bindCounts: Record<string, number> = {};
    for (const line of bindDump()) {
      const type = line.split(/\s+/)[3]!;
      bindCounts[type] = (bindCounts[type] ?? 0) + 1;
    }
    expect(bindCounts).toEqual(counts);
    const share = (type: string) => (bindCounts[type] ?? 0) / records;
    expect(share('A')).toBeGreaterThan(0.5);
    expect(share('A')).toBeLessThan(0.62);
    for (const type of ['AAAA', 'TXT']) expect(share(type), type).toBeGreaterThan(0.08), expect(share(type), type).toBeLessThan(0.12);
    for (const type of ['MX', 'CNAME', 'SRV', 'NS']) expect(share(type), type).toBeGreaterThan(0.035), expect(share(type), type).toBeLessThan(0.065);
    const rest = ['CAA', 'PTR', 'TLSA', 'SSHFP'].reduce((sum, type) => sum + share(type), 0);
    expect(rest).toBeGreaterThan(0.03);
    expect(rest).toBeLessThan(0.07);
  });

  it('is read by zonesmith`s parser (what the bench times) as BIND reads it: same owners, TTLs and types, no diagnostics', () => {
    const ours: string[] = [];
    const problems: string[] = [];
    const summary = readZoneFile(
      { file },
      {
        record: (record) => ours.push(`${record.owner.key} ${record.ttl} ${record.type}`),
        problem: (d) => problems.push(`${d.line}:${d.column} ${d.kind} ${d.message}`),
      },
    );
    expect(problems).toEqual([]);
    expect(summary.recordCount).toBe(records);
    const bind = bindDump().map((line) => {
      const [owner, ttl, , type] = line.split(/\s+/);
      return `${owner!.toLowerCase()} ${ttl} ${type}`;
    });
    expect(ours.sort()).toEqual(bind.sort());
  });
});

describe('ensureZone (generate once, then reuse)', () => {
  const outDir = join(scratch, 'out');

  it('reuses an intact file and rewrites one whose bytes changed', () => {
    const first = ensureZone({ outDir, records: 2000, seed: DEFAULT_SEED });
    expect(first.reused).toBe(false);
    const original = readFileSync(first.file, 'utf8');
    expect(sha256(original)).toBe(first.sha256);
    expect(first.bytes).toBe(Buffer.byteLength(original));

    const again = ensureZone({ outDir, records: 2000, seed: DEFAULT_SEED });
    expect(again).toMatchObject({ reused: true, file: first.file, sha256: first.sha256 });

    appendFileSync(first.file, 'tampered IN A 192.0.2.9\n');
    const repaired = ensureZone({ outDir, records: 2000, seed: DEFAULT_SEED });
    expect(repaired.reused).toBe(false);
    expect(readFileSync(first.file, 'utf8')).toBe(original);
  });

  it('does not reuse a zone made with another seed', () => {
    ensureZone({ outDir, records: 1500, seed: 1 });
    const other = ensureZone({ outDir, records: 1500, seed: 2 });
    expect(other.reused).toBe(false);
    expect(other.sha256).toBe(sha256(zoneText({ records: 1500, seed: 2 }).text));
  });
});

describe('measurement', () => {
  it("reads GNU time's report (wall, peak KiB, user + system CPU), also after its exit-status line", () => {
    expect(parseTimeReport('1.23 45678 1.10 0.05\n')).toEqual({ wallSeconds: 1.23, peakKiB: 45678, cpuSeconds: 1.15 });
    expect(parseTimeReport('Command exited with non-zero status 1\n0.05 2048 0.01 0.00\n')).toEqual({ wallSeconds: 0.05, peakKiB: 2048, cpuSeconds: 0.01 });
    expect(() => parseTimeReport('')).toThrow(MeasureError);
    expect(() => parseTimeReport('1.23 45678\n')).toThrow(/WALL KIB USER SYS/);
    expect(() => parseTimeReport('0:01.23 elapsed 1 2\n')).toThrow(/WALL KIB USER SYS/);
  });

  it('takes the median of odd and even counts, and refuses none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe.runIf(hasGnuTime)('runTimed', () => {
  it('measures a command: wall seconds and peak memory', async () => {
    const result = await runTimed({ command: 'sh', args: ['-c', 'echo out; echo err >&2'], timeoutMs: 10_000, captureStdout: true });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('out\n');
    expect(result.stderr).toBe('err\n');
    expect(result.wallSeconds).toBeGreaterThanOrEqual(0);
    expect(result.peakKiB).toBeGreaterThan(0);
  });

  it('stops on a failed command and carries its stderr', async () => {
    const failing = runTimed({ command: 'sh', args: ['-c', 'echo "zone not loaded" >&2; exit 3'], timeoutMs: 10_000 });
    await expect(failing).rejects.toBeInstanceOf(MeasureError);
    await expect(failing).rejects.toMatchObject({ exitCode: 3, stderr: 'zone not loaded\n', message: expect.stringContaining('exit status 3') });
  });

  it('accepts the exit codes a tool declares as a finished run (lint: 1 = problems found)', async () => {
    const result = await runTimed({ command: 'sh', args: ['-c', 'exit 1'], timeoutMs: 10_000, okExitCodes: [0, 1] });
    expect(result.exitCode).toBe(1);
  });

  it('kills a command that outlives the timeout, with its whole process group', async () => {
    const pidFile = join(scratch, 'sleeper.pid');
    const started = Date.now();
    const hanging = runTimed({ command: 'sh', args: ['-c', `echo $$ > ${pidFile}; sleep 30; true`], timeoutMs: 500 });
    await expect(hanging).rejects.toThrow(/timed out after 0.5 s/);
    expect(Date.now() - started).toBeLessThan(10_000);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(await runsWithin(pid, 2_000)).toBe(false);
  });
});

/**
 * Whether `pid` is still a running process after up to `waitMs`. A killed process whose parent died too
 * is handed to PID 1, and in a container PID 1 may never reap it: a zombie has stopped running but still
 * answers `kill(pid, 0)`, so its state in /proc says whether it is really gone.
 */
async function runsWithin(pid: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    let state: string;
    try {
      state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').charAt(0);
    } catch {
      return false;
    }
    if (state === 'Z' || state === 'X') return false;
    if (Date.now() >= deadline) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('options', () => {
  const out = '/tmp/out';

  it('has defaults for a 1,000,000-record zone, 3 runs, every tool', () => {
    expect(parseBenchArgs([], out)).toEqual({
      help: false,
      records: 1_000_000,
      runs: 3,
      timeoutSeconds: 900,
      outDir: out,
      only: [...TOOL_IDS],
      seed: DEFAULT_SEED,
      findings: 1_000_000,
      files: 2000,
      zones: 10_000,
      profile: false,
    });
  });

  it('takes sizes, runs and a tool list (kept in table order)', () => {
    const options = parseBenchArgs(['--records', '2000', '--runs', '5', '--only', 'dns-zonefile, named-checkzone', '--timeout', '60', '--profile'], out);
    expect(options).toMatchObject({ records: 2000, runs: 5, timeoutSeconds: 60, only: ['named-checkzone', 'dns-zonefile'], profile: true });
  });

  it('refuses bad values with what would be valid', () => {
    expect(() => parseBenchArgs(['--records', '3'], out)).toThrow(`--records wants a whole number >= ${MIN_RECORDS}, got "3"`);
    expect(() => parseBenchArgs(['--runs', 'three'], out)).toThrow(/--runs wants a whole number >= 1/);
    expect(() => parseBenchArgs(['--runs', '0'], out)).toThrow(UsageError);
    expect(() => parseBenchArgs(['--only', 'bind'], out)).toThrow(/unknown tool bind; use some of named-checkzone/);
    expect(() => parseBenchArgs(['--only', ','], out)).toThrow(/names no tool/);
    expect(() => parseBenchArgs(['--fast'], out)).toThrow(UsageError);
  });
});

describe('report', () => {
  const baseline: ResultRow = { id: 'named-checkzone', tool: 'named-checkzone -i full', command: 'named-checkzone -i full bench.example. z > /dev/null', wallSeconds: 4, peakKiB: 400 * 1024, cpuSeconds: 3.9, note: 'all 1,000,000 (the reference)' };
  const lint: ResultRow = { id: 'zonesmith-lint', tool: 'zonesmith lint', command: 'node dist/cli.js lint z --format json > /dev/null', wallSeconds: 3, peakKiB: 500 * 1024, cpuSeconds: 3.5 };
  const parseOnly: ResultRow = { id: 'zonesmith-parse', tool: 'zonesmith parse only', command: 'node bench/parse-only.mjs z', note: 'not measured: dist/zone/parser.js is missing (npm run build)' };
  const dnsZonefile: ResultRow = { id: 'dns-zonefile', tool: 'dns-zonefile parse', command: 'node bench/dns-zonefile-parse.mjs z', wallSeconds: 12.5, peakKiB: 1300 * 1024, cpuSeconds: 14.25, note: '373,920 of 1,000,000' };

  it('formats the results file exactly (medians, ratios, unmeasured rows, commands, verdict)', () => {
    const markdown = formatResults({
      rows: [baseline, lint, parseOnly, dnsZonefile],
      setup: ['Zone: 1,000,000 records.', 'Runs: 3 per tool.'],
      targetRow: lint,
    });
    expect(markdown).toBe(readFileSync(join(FIXTURES, 'results.md'), 'utf8'));
  });

  it('judges the target on time and on memory separately', () => {
    expect(verdict(lint, baseline)).toContain('time 0.75× (met), memory 1.25× (NOT met)');
    expect(verdict({ ...lint, peakKiB: 100 }, baseline)).toContain('(met), memory 0.00× (met)');
    expect(verdict(parseOnly, baseline)).toBeUndefined();
  });

  it('keeps a note with a pipe or a newline inside its cell', () => {
    const table = formatTable([baseline, { ...dnsZonefile, note: 'a | b\nc' }]);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toContain('| a \\| b c |');
  });
});

describe.runIf(hasBind && hasGnuTime)('npm run bench, end to end (small zone)', () => {
  const outDir = join(scratch, 'e2e');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bench/run.mjs', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });

  it('measures BIND and dns-zonefile on a generated zone and writes results.md', () => {
    const result = run('--records', '3000', '--runs', '1', '--only', 'named-checkzone,dns-zonefile', '--out', outDir, '--profile');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('named-checkzone -i full loads it cleanly');
    const written = readFileSync(join(outDir, 'results.md'), 'utf8');
    expect(result.stdout.trim()).toBe(written.trim());
    // A reference time that rounds to 0.00 s (a small zone on an idle machine) has no time ratio: '–'.
    expect(written).toMatch(/^\| named-checkzone -i full \| \d+\.\d\d \| \d+ \| (?:1\.00×|–) \| 1\.00× \| \d+\.\d\d \| all 3,000 \(the reference\) \|$/m);
    expect(written).toMatch(/^\| dns-zonefile parse \| \d+\.\d\d \| \d+ \| \d+\.\d\d× \| \d+\.\d\d× \| \d+\.\d\d \| [\d,]+ of 3,000 \|$/m);
    expect(written).toContain('Target not judged: zonesmith lint was not measured.');
    expect(written).toContain('named-checkzone -i full bench.example. ');
    // --profile: the node rows (here dns-zonefile) once more under --cpu-prof, summarised at source lines.
    const profile = readFileSync(join(outDir, 'profiles', 'dns-zonefile.md'), 'utf8');
    expect(profile).toContain('`node --cpu-prof bench/dns-zonefile-parse.mjs ');
    expect(profile).toMatch(/^\| \d+ \| [\d.]+% \| \d+ \| \S+ node_modules\/dns-zonefile\/lib\/zonefile\.js:\d+ \|$/m);
  });

  it('times named-checkzone and lint in every format on a zone of findings, as a second table', () => {
    const result = run('--only', 'findings', '--findings', '300', '--runs', '1', '--out', join(scratch, 'findings'));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('findings zone: named-checkzone -i full loads it cleanly');
    const written = readFileSync(join(scratch, 'findings', 'results.md'), 'utf8');
    expect(written).toContain('## Findings at scale');
    expect(written).not.toContain('## Benchmark');
    expect(written).toMatch(/^\| named-checkzone -i full \| \d+\.\d\d \| \d+ \| (?:1\.00×|–) \| 1\.00× \| \d+\.\d\d \| all 303 \(the reference\) \|$/m);
    // Measured when dist/ is built, else a row that says why not.
    for (const format of ['text', 'json', 'sarif', 'github']) {
      expect(written).toMatch(new RegExp(`^\\| zonesmith lint --format ${format} \\| (\\d+\\.\\d\\d \\||– \\|.*not measured)`, 'm'));
    }
  }, 180_000);

  it('exits 2 with the usage on a bad option, before doing any work', () => {
    const result = run('--records', 'many', '--out', join(scratch, 'never'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--records wants a whole number');
    expect(result.stderr).toContain('usage: node bench/run.mjs');
    expect(existsSync(join(scratch, 'never'))).toBe(false);
  });
});

describe('profile summary (bench/profile-top.mjs)', () => {
  it('adds self time per function and counts a recursive function once in its total', () => {
    const profile = JSON.parse(readFileSync(join(FIXTURES, 'recursion.cpuprofile'), 'utf8'));
    const { totalMs, functions } = summarise(profile);
    expect(totalMs).toBe(10);
    const byName = Object.fromEntries(functions.map((f) => [f.name, { self: f.self, total: f.total }]));
    expect(byName['readName (native)']).toEqual({ self: 8, total: 10 });
    expect(byName['readLabel (native)']).toEqual({ self: 2, total: 9 });
  });
});
