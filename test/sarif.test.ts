/**
 * SARIF that code scanning accepts: artifact URIs against %SRCROOT%, fingerprints that survive
 * unrelated edits, rule descriptors, and Microsoft's SARIF validator (@microsoft/sarif-multitool, a dev
 * dependency) run on `zonesmith lint --format sarif` output for relative, absolute and outside inputs.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { main } from '../src/cli.js';
import { bufferIo } from '../src/io.js';
import { RULES } from '../src/lint/rules/index.js';
import { fnv1a64, normalizeLine } from '../src/report/fingerprint.js';
import { artifactLocation, FINGERPRINT_KEY, formatSarif, ruleName, SRCROOT } from '../src/report/sarif.js';
import { tempDir } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

const MIXED = join(REPO_ROOT, 'test/fixtures/sarif/mixed.example.com.dns');
const POLICY = join(REPO_ROOT, 'test/fixtures/sarif/validator-policy.json');
const metas = RULES.map((rule) => rule.meta);

async function lintSarif(args: string[], stdin = '') {
  const io = bufferIo(stdin);
  const code = await main(['lint', '--format', 'sarif', ...args], io);
  expect(io.stderr()).toBe('');
  return { code, log: JSON.parse(io.stdout()), text: io.stdout() };
}

const FOUR_PROBLEMS = join(REPO_ROOT, 'test/fixtures/specs/four-problems.yaml');

/** `validate --format sarif`: the report is on stdout; the count of errors that fail the run on stderr. */
async function validateSpecSarif(args: string[]) {
  const io = bufferIo();
  const code = await main(['validate', '--format', 'sarif', ...args], io);
  return { code, log: JSON.parse(io.stdout()), text: io.stdout() };
}

interface Finding {
  level: string;
  rule: string;
  text: string;
}

interface Result {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri?: string; uriBaseId?: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}
const results = (log: { runs: { results: Result[] }[] }) => log.runs[0]!.results;
/** The distinct artifact locations of a log's results. */
const uris = (log: { runs: { results: Result[] }[] }) =>
  [...new Set(results(log).map((r) => JSON.stringify(r.locations[0]!.physicalLocation.artifactLocation)))].map(
    (json) => JSON.parse(json) as { uri?: string; uriBaseId?: string },
  );

describe('artifact locations', () => {
  const context = { root: '/srv/dns', cwd: '/srv/dns' };

  it('are relative to %SRCROOT% inside the root, whether the input was given relative or absolute', () => {
    expect(artifactLocation('zones/a.dns', context)).toEqual({ uri: 'zones/a.dns', uriBaseId: SRCROOT });
    expect(artifactLocation('/srv/dns/zones/a.dns', context)).toEqual({ uri: 'zones/a.dns', uriBaseId: SRCROOT });
    expect(artifactLocation('../dns/zones/a.dns', context)).toEqual({ uri: 'zones/a.dns', uriBaseId: SRCROOT });
    expect(artifactLocation('a.dns', { root: '/srv', cwd: '/srv/dns' })).toEqual({ uri: 'dns/a.dns', uriBaseId: SRCROOT });
    // A file whose name starts with two dots is still inside.
    expect(artifactLocation('..a.dns', context)).toEqual({ uri: '..a.dns', uriBaseId: SRCROOT });
  });

  it('are absolute file:// URIs outside the root, with no uriBaseId', () => {
    expect(artifactLocation('/etc/bind/db.example', context)).toEqual({ uri: 'file:///etc/bind/db.example' });
    expect(artifactLocation('../other/a.dns', context)).toEqual({ uri: 'file:///srv/other/a.dns' });
  });

  it('percent-encode spaces, #, %, ? and non-ASCII in both forms', () => {
    expect(artifactLocation('zones/a b#1%?é.dns', context)).toEqual({ uri: 'zones/a%20b%231%25%3F%C3%A9.dns', uriBaseId: SRCROOT });
    expect(artifactLocation('/tmp/a b#1%?é.dns', context)).toEqual({ uri: 'file:///tmp/a%20b%231%25%3F%C3%A9.dns' });
  });

  it('name standard input without pretending it is a file under the root', () => {
    expect(artifactLocation('-', context)).toEqual({ uri: 'stdin', description: { text: 'standard input' } });
    expect(artifactLocation('<stdin>', context)).toEqual({ uri: 'stdin', description: { text: 'standard input' } });
  });

  it('map %SRCROOT% to the root as a file:// URI ending in a slash', () => {
    const log = JSON.parse(formatSarif([], metas, { root: '/srv/dns zones', cwd: '/' }));
    expect(log.runs[0].originalUriBaseIds).toEqual({ [SRCROOT]: { uri: 'file:///srv/dns%20zones/' } });
    expect(JSON.parse(formatSarif([], metas, { root: '/', cwd: '/' })).runs[0].originalUriBaseIds[SRCROOT].uri).toBe('file:///');
  });
});

describe('rule descriptors', () => {
  const log = JSON.parse(formatSarif([], metas, { version: '1.2.3' }));
  const driver = log.runs[0].tool.driver;

  it('name the tool with its version, semantic version and information URI', () => {
    expect(driver).toMatchObject({ name: 'zonesmith', version: '1.2.3', semanticVersion: '1.2.3' });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const own = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;
    expect(JSON.parse(formatSarif([], metas)).runs[0].tool.driver.version).toBe(own);
  });

  it('give every rule a PascalCase name, descriptions, a help link, a default level and tags', () => {
    expect(ruleName('srv-port-zero')).toBe('SrvPortZero');
    expect(ruleName('syntax')).toBe('SyntaxCheck');
    for (const [i, rule] of driver.rules.entries()) {
      expect(rule.id).toBe(metas[i]!.id);
      expect(rule.name).toBe(ruleName(rule.id));
      expect(rule.name.toLowerCase()).not.toBe(rule.id.toLowerCase());
      expect(rule.shortDescription.text).not.toContain('`');
      expect(rule.fullDescription.text).toContain(metas[i]!.source);
      expect(rule.helpUri).toMatch(/^https:\/\//);
      expect(rule.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[metas[i]!.severity]);
      expect(rule.properties.tags).toContain('dns');
    }
    const nbsp = driver.rules.find((r: { id: string }) => r.id === 'non-ascii-whitespace');
    expect(nbsp.properties.tags).toEqual(expect.arrayContaining(['fixable', 'rfc1035']));
  });
});

describe('fingerprints', () => {
  it('FNV-1a 64 matches the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('normalize a line: comment and spacing aside, quoted semicolons kept', () => {
    expect(normalizeLine('  www \t IN  A 192.0.2.1 ; web')).toBe('www IN A 192.0.2.1');
    expect(normalizeLine('@ TXT "v=DKIM1; k=rsa" \\; ; note')).toBe('@ TXT "v=DKIM1; k=rsa" \\;');
  });

  it('are the same across runs, and distinct for every result, identical lines included', async () => {
    const first = await lintSarif([MIXED]);
    const second = await lintSarif([MIXED]);
    expect(first.text).toBe(second.text);
    const prints = results(first.log).map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(prints.every((p) => /^[0-9a-f]{16}$/.test(p!))).toBe(true);
    expect(new Set(prints).size).toBe(prints.length);
    // Lines 5 and 7 are the same record (comments differ): two private-address results, two fingerprints.
    expect(results(first.log).filter((r) => r.ruleId === 'private-address')).toHaveLength(2);
  });

  it('do not change when unrelated lines are added above, or a record is re-indented or re-commented', async () => {
    const dir = tempDir();
    const original = readFileSync(MIXED, 'utf8');
    const shifted = original
      .replace('$ORIGIN example.com.\n', '$ORIGIN example.com.\n; a comment\n\nhello 600 IN TXT "hi"\n')
      .replace('_imap._tcp IN SRV 0 0 0 mail.example.com.', '_imap._tcp   IN SRV 0 0 0    mail.example.com. ; edited');
    const before = join(dir, 'before', 'example.com.dns');
    const after = join(dir, 'after', 'example.com.dns');
    mkdirSync(join(dir, 'before'));
    mkdirSync(join(dir, 'after'));
    writeFileSync(before, original);
    writeFileSync(after, shifted);
    const key = (log: { runs: { results: Result[] }[] }) =>
      results(log).map((r) => `${r.ruleId} ${r.partialFingerprints[FINGERPRINT_KEY]}`).sort();
    const a = await lintSarif([before, '--sarif-root', join(dir, 'before')]);
    const b = await lintSarif([after, '--sarif-root', join(dir, 'after')]);
    // The missing-$TTL finding stays at line 1; the others moved down.
    expect(results(b.log).some((r) => r.ruleId === 'missing-ttl' && r.locations[0]!.physicalLocation.region.startLine === 1)).toBe(true);
    expect(results(b.log).map((r) => r.locations[0]!.physicalLocation.region.startLine)).not.toEqual(
      results(a.log).map((r) => r.locations[0]!.physicalLocation.region.startLine),
    );
    expect(key(b.log)).toEqual(key(a.log));
  });

  it('fall back to the message when the line text is not known, still ignoring the line number', () => {
    const d: Diagnostic = { file: 'a.dns', line: 3, column: 1, severity: 'warning', rule: 'missing-ttl', message: 'no $TTL' };
    const print = (diagnostic: Diagnostic) =>
      JSON.parse(formatSarif([diagnostic], metas, { root: '/z', cwd: '/z' })).runs[0].results[0].partialFingerprints[FINGERPRINT_KEY];
    expect(print({ ...d, line: 9 })).toBe(print(d));
    expect(print({ ...d, message: 'no $TTL at all' })).not.toBe(print(d));
  });
});

describe('lint --format sarif', () => {
  it('writes relative, absolute-inside and outside inputs as code scanning expects', async () => {
    const outside = join(tempDir(), 'zones a#1%é');
    mkdirSync(outside);
    copyFileSync(MIXED, join(outside, 'example.com.dns'));
    const rel = await lintSarif([relative(process.cwd(), MIXED)]);
    const abs = await lintSarif([MIXED]);
    const far = await lintSarif([join(outside, 'example.com.dns')]);
    const rooted = await lintSarif([join(outside, 'example.com.dns'), '--sarif-root', outside]);
    const expected = { uri: relative(process.cwd(), MIXED).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
    expect(uris(rel.log)).toEqual([expected]);
    expect(abs.text).toBe(rel.text);
    expect(uris(far.log)).toEqual([{ uri: pathToFileURL(join(outside, 'example.com.dns')).href }]);
    expect(uris(far.log)[0]!.uri).toContain('zones%20a%231%25%C3%A9');
    expect(uris(rooted.log)).toEqual([{ uri: 'example.com.dns', uriBaseId: SRCROOT }]);
    expect(rooted.log.runs[0].originalUriBaseIds[SRCROOT].uri).toBe(pathToFileURL(outside).href + '/');
  });

  it('refuses a --sarif-root that is not a folder', async () => {
    const io = bufferIo();
    expect(await main(['lint', '--format', 'sarif', MIXED, '--sarif-root', join(REPO_ROOT, 'no-such-folder')], io)).toBe(2);
    expect(io.stderr()).toMatch(/^zonesmith: --sarif-root .*no-such-folder is not a folder/);
  });
});

/**
 * Runs Microsoft's SARIF validator with its GitHub code-scanning rules (`--rule-kind Sarif;Gh`) on the
 * files; returns its findings per validated file. The policy only turns off SARIF2006, which fetches
 * every URI in the log (tests stay off the network).
 */
function validateSarif(files: string[], dir: string): Map<string, Finding[]> {
  const binary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
  const output = join(dir, 'validation.sarif');
  const args = ['validate', '--rule-kind', 'Sarif;Gh', '--config', POLICY, '--output', output, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note'];
  const run = spawnSync(binary, [...args, ...files], { encoding: 'utf8' });
  expect(run.error, `cannot run ${binary}`).toBeUndefined();
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const log = JSON.parse(readFileSync(output, 'utf8'));
  const invocation = log.runs[0].invocations[0];
  // A validator that crashed or could not load its rules says so here, not in its exit code.
  const trouble = [...(invocation.toolExecutionNotifications ?? []), ...(invocation.toolConfigurationNotifications ?? [])];
  expect(trouble.filter((n: { level?: string }) => n.level === 'error'), run.stdout).toEqual([]);
  expect(invocation.executionSuccessful).toBe(true);
  const found = new Map<string, Finding[]>(files.map((f) => [pathToFileURL(f).href, []]));
  const rules = log.runs[0].tool.driver.rules as { id: string; messageStrings: Record<string, { text: string }> }[];
  for (const r of log.runs[0].results) {
    const template = rules.find((m) => m.id === r.ruleId)?.messageStrings[r.message.id]?.text ?? r.message.text ?? r.message.id;
    const text = template.replace(/\{(\d+)\}/g, (_: string, i: string) => r.message.arguments?.[Number(i)] ?? '');
    found.get(r.locations[0].physicalLocation.artifactLocation.uri)?.push({ level: r.level ?? 'warning', rule: r.ruleId, text });
  }
  return found;
}

describe("Microsoft's SARIF validator", () => {
  it('finds no error and no warning in zonesmith output, GitHub rules included; it does report a broken log', async () => {
    const dir = tempDir();
    const outside = join(dir, 'outside dir');
    mkdirSync(outside);
    copyFileSync(MIXED, join(outside, 'example.com.dns'));
    const zone = readFileSync(MIXED, 'utf8');
    const logs = {
      relative: await lintSarif([relative(process.cwd(), MIXED)]),
      absolute: await lintSarif([MIXED]),
      outside: await lintSarif([join(outside, 'example.com.dns')]),
      stdin: await lintSarif(['-', '--origin', 'example.com'], zone),
      none: await lintSarif([join(REPO_ROOT, 'test/fixtures/lint/correct/example.com.dns')]),
      spec: await validateSpecSarif([FOUR_PROBLEMS, '--sarif-root', REPO_ROOT]),
    };
    const files = Object.entries(logs).map(([name, { text }]) => {
      const file = join(dir, `${name}.sarif`);
      writeFileSync(file, text);
      return file;
    });
    // The bug this issue reports (an absolute path written as a relative reference starting with '/'),
    // and a rule without the `help` GitHub requires.
    const broken = structuredClone(logs.absolute.log);
    for (const r of results(broken)) r.locations[0]!.physicalLocation.artifactLocation = { uri: MIXED };
    delete broken.runs[0].tool.driver.rules[0].help;
    const brokenFile = join(dir, 'broken.sarif');
    writeFileSync(brokenFile, JSON.stringify(broken));

    const found = validateSarif([...files, brokenFile], dir);
    const brokenErrors = found.get(pathToFileURL(brokenFile).href)!.filter((f) => f.level === 'error').map((f) => f.rule);
    expect(brokenErrors).toEqual(expect.arrayContaining(['SARIF1004', 'GH2012']));
    for (const file of files) {
      const problems = found.get(pathToFileURL(file).href)!.filter((f) => f.level === 'error' || f.level === 'warning');
      expect(problems, file).toEqual([]);
    }
    // What was validated is worth validating: findings, fixes, and none for a clean zone.
    expect(results(logs.relative.log).length).toBeGreaterThan(5);
    expect(results(logs.relative.log).some((r) => 'fixes' in r)).toBe(true);
    expect(results(logs.stdin.log).some((r) => 'fixes' in r)).toBe(false);
    expect(results(logs.none.log)).toEqual([]);
    // validate's findings, the spec's own and the rules', at the spec's lines under the same root.
    expect(results(logs.spec.log).map((r) => r.ruleId)).toEqual(expect.arrayContaining(['spec', 'target-no-address']));
    expect(uris(logs.spec.log)).toEqual([{ uri: 'test/fixtures/specs/four-problems.yaml', uriBaseId: SRCROOT }]);
  });
});
