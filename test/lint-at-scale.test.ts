/**
 * A zone with 1,000,000 findings (every record a private address) lints to completion in every
 * format, through the built CLI in its own process, as a user runs it. The process gets a 128 MiB
 * heap: holding a million diagnostics takes several times that, so only a streaming lint finishes.
 * The report is counted as it arrives, never held whole (it is hundreds of MiB). `records` lists the
 * same zone, 1,000,000 rows, in every format: CSV, JSON and the checklist stream in the same small heap;
 * the table lines up columns, so it holds the cells of every row.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDINGS_APEX, FINDINGS_HEAD_LINES, FINDINGS_RULE, writeFindingsZone } from '../bench/lib/findings-zone.mjs';
import { REPO_ROOT } from './helpers/shared.js';

const RECORDS = 1_000_000;
const HEAP_MIB = 128;
/** Generous: the index of a million names and the runtime, not the findings (measured about 210-240 MiB). */
const MAX_RSS_MIB = 384;
const RUN_TIMEOUT_MS = 5 * 60_000;

// The CLI is built into a folder of its own inside the repository (so its imports find node_modules),
// never into dist/, which a concurrent `npm run build` may be rewriting.
const build = mkdtempSync(join(REPO_ROOT, '.test-build-'));
const scratch = mkdtempSync(join(build, 'zone-'));
const zone = join(scratch, 'findings.example.zone');
const wrapper = join(build, 'measured-cli.mjs');

afterAll(() => rmSync(build, { recursive: true, force: true }));

beforeAll(() => {
  const tsc = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', join(build, 'dist')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  // The build is laid out as the package is: --version reads the package.json beside dist/.
  copyFileSync(join(REPO_ROOT, 'package.json'), join(build, 'package.json'));
  // Runs the CLI's main and, on the way out, reports the process's peak resident memory on stderr.
  writeFileSync(
    wrapper,
    `import { writeSync } from 'node:fs';\n` +
      `process.on('exit', () => writeSync(2, '\\nmaxRSS ' + process.resourceUsage().maxRSS + '\\n'));\n` +
      `const { main } = await import(${JSON.stringify(pathToFileURL(join(build, 'dist/cli.js')).href)});\n` +
      `process.exitCode = await main(process.argv.slice(2));\n`,
  );
  writeFindingsZone(zone, RECORDS);
}, RUN_TIMEOUT_MS);

interface Counted {
  code: number | null;
  lines: number;
  /** How many times `marker` occurs in the output. */
  marked: number;
  head: string;
  tail: string;
  stderr: string;
  maxRssMiB: number;
}

/** Runs `lint ZONE --format F --max-warnings 0` and counts its output as it streams by. */
function lint(format: string, marker: string): Promise<Counted> {
  return counted([`--max-old-space-size=${HEAP_MIB}`, wrapper, 'lint', zone, '--format', format, '--max-warnings', '0'], marker);
}

/** Runs node with `argv` (standard input from the file `stdin`, if given) and counts its output as it streams by. */
function counted(argv: string[], marker: string, stdin?: string): Promise<Counted> {
  const child = spawn(process.execPath, argv, {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // A reader that stops early (a refusal) closes the pipe: that is its answer, not a failure here.
  child.stdin.on('error', () => {});
  if (stdin === undefined) child.stdin.end();
  else createReadStream(stdin).pipe(child.stdin);
  let lines = 0;
  let marked = 0;
  let head = '';
  let tail = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (head.length < 1000) head += chunk.slice(0, 1000);
    // A marker split between two chunks is found in the joined tail of one and head of the next.
    const text = tail.slice(-(marker.length - 1)) + chunk;
    for (let i = text.indexOf(marker); i !== -1; i = text.indexOf(marker, i + marker.length)) marked++;
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
    tail = (tail + chunk).slice(-1000);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /maxRSS (\d+)/.exec(stderr);
      resolve({ code, lines, marked, head, tail, stderr, maxRssMiB: rss ? Number(rss[1]) / 1024 : Number.NaN });
    });
  });
}

const OVER = `zonesmith lint: ${RECORDS} warnings, more than --max-warnings 0`;

describe('a zone with 1,000,000 findings', () => {
  it('text: every finding with its quoted line and caret, the count per rule, in bounded memory', async () => {
    const r = await lint('text', `  warning  `);
    expect(r.stderr).toContain(OVER);
    expect(r.code).toBe(1);
    expect(r.marked).toBe(RECORDS);
    // Three lines per finding, a blank line, the count per rule and the summary.
    expect(r.lines).toBe(3 * RECORDS + 3);
    expect(r.head).toMatch(new RegExp(`^\\S+findings\\.example\\.zone:${FINDINGS_HEAD_LINES + 1}:10  warning  ns1\\.findings\\.example\\. has the RFC 1918 private address 10\\.0\\.0\\.1`));
    expect(r.head).toContain(`    ${FINDINGS_HEAD_LINES + 1} | ns1 IN A 10.0.0.1\n`);
    expect(r.tail).toMatch(new RegExp(`\n\n${RECORDS} ${FINDINGS_RULE}\n${RECORDS} problems \\(0 errors, ${RECORDS} warnings, 0 info\\) in 1 file\n$`));
    expect(r.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
  }, RUN_TIMEOUT_MS);

  it('github: one workflow command per finding, in bounded memory', async () => {
    const r = await lint('github', `::warning file=`);
    expect(r.code).toBe(1);
    expect(r.marked).toBe(RECORDS);
    expect(r.lines).toBe(RECORDS);
    expect(r.tail).toMatch(new RegExp(`line=${FINDINGS_HEAD_LINES + RECORDS},col=\\d+,endColumn=\\d+,title=${FINDINGS_RULE}::host-${RECORDS}\\.findings\\.example\\. has`));
    expect(r.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
  }, RUN_TIMEOUT_MS);

  it('json: an array of every finding, streamed', async () => {
    const r = await lint('json', `"rule": "${FINDINGS_RULE}"`);
    expect(r.code).toBe(1);
    expect(r.marked).toBe(RECORDS);
    // Nine lines per finding (no endColumn-less rows here), the brackets.
    expect(r.lines).toBe(9 * RECORDS + 2);
    expect(r.head.startsWith('[\n  {\n    "file": ')).toBe(true);
    expect(r.tail.endsWith('  }\n]\n')).toBe(true);
  }, RUN_TIMEOUT_MS);

  it('sarif: one result per finding, streamed into the log', async () => {
    const r = await lint('sarif', `"ruleId": "${FINDINGS_RULE}"`);
    expect(r.code).toBe(1);
    expect(r.marked).toBe(RECORDS);
    expect(r.head).toContain('"version": "2.1.0"');
    expect(r.tail).toMatch(/\n {8}\}\n {6}\][\s\S]*\}\n$/);
  }, RUN_TIMEOUT_MS);
});

describe('a zone with 1,000,000 findings, read otherwise', () => {
  it('from standard input: every finding, in bounded memory', async () => {
    const r = await counted([`--max-old-space-size=${HEAP_MIB}`, wrapper, 'lint', '-', '--origin', 'findings.example', '--max-warnings', '0'], '  warning  ', zone);
    expect(r.stderr).toContain(OVER);
    expect(r.code).toBe(1);
    expect(r.marked).toBe(RECORDS);
    expect(r.lines).toBe(3 * RECORDS + 3);
    expect(r.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
  }, RUN_TIMEOUT_MS);

  it('standard input without end (/dev/zero) is refused past its bound, in one line', async () => {
    const r = await counted([`--max-old-space-size=${HEAP_MIB}`, wrapper, 'lint', '-', '--origin', 'findings.example'], '  warning  ', '/dev/zero');
    expect(r.code).toBe(2);
    expect(r.lines).toBe(0);
    expect(r.stderr).toMatch(/^zonesmith: cannot read <stdin>: more than 256 MiB on standard input; name the file instead\n\s*maxRSS \d+\s*$/);
  }, RUN_TIMEOUT_MS);

  it('with --quiet: the warnings are dropped as they come, the run is clean', async () => {
    const r = await counted([`--max-old-space-size=${HEAP_MIB}`, wrapper, 'lint', zone, '--quiet', '--format', 'json'], '"rule"');
    expect(r.stderr).toMatch(/^\s*maxRSS \d+\s*$/);
    expect(r.code).toBe(0);
    expect(r.marked).toBe(0);
    expect(r.head).toBe('[]\n');
    expect(r.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
  }, RUN_TIMEOUT_MS);
});

describe('records of a zone with 1,000,000 records', () => {
  const records = (format: string, marker: string, ...more: string[]) => counted([wrapper, 'records', zone, '--format', format, ...more], marker);
  const LAST = `host-${RECORDS}.findings.example.`;

  // The rows: the A records (the SOA and the apex NS are the provider's, left out without --all).
  const ROWS = RECORDS;

  it('table: a header, one aligned row per record, then the note on what was left out', async () => {
    const r = await records('table', ' A ');
    expect(r.code, r.stderr).toBe(0);
    // The header, the rows, a blank line and the two lines of the note.
    expect(r.lines).toBe(1 + ROWS + 3);
    expect(r.marked).toBe(RECORDS);
    expect(r.head).toMatch(/^ZONE {2,}NAME {2,}FQDN {2,}TYPE/);
    expect(r.tail).toMatch(new RegExp(`\n${FINDINGS_APEX.replace(/\./g, '\\.')} +host-${RECORDS} +${LAST.replace(/\./g, '\\.')} +A +3600 +10\\.15\\.66\\.64\n\n\\[1\\] note \\(3 rows\\)`));
  }, RUN_TIMEOUT_MS);

  it('csv, json, md and bind: one row per record, streamed in a 128 MiB heap (no row is held)', async () => {
    const heap = (format: string, marker: string, ...more: string[]) =>
      counted([`--max-old-space-size=${HEAP_MIB}`, wrapper, 'records', zone, '--format', format, ...more], marker);
    const csv = await heap('csv', ',A,');
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.lines).toBe(1 + ROWS);
    expect(csv.marked).toBe(RECORDS);
    expect(csv.stderr).toMatch(/\[1\] note \(3 rows\): The SOA and the apex NS records are left out/);
    expect(csv.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
    // Each record names its type twice (the record, and the form's Type field): count the record's.
    const json = await heap('json', '"type":"A","ttl"', '--for', 'route53');
    expect(json.code, json.stderr).toBe(0);
    expect(json.marked).toBe(RECORDS);
    expect(json.tail).toContain(`"fqdn":"${LAST}"`);
    expect(json.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
    const md = await heap('md', '- [ ] A ', '--for', 'godaddy');
    expect(md.code, md.stderr).toBe(0);
    expect(md.marked).toBe(RECORDS);
    expect(md.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
    const bind = await records('bind', '\tIN\tA\t', '--all');
    expect(bind.code, bind.stderr).toBe(0);
    expect(bind.lines).toBe(ROWS + 3);
    expect(bind.marked).toBe(RECORDS);
  }, 4 * RUN_TIMEOUT_MS);
});
