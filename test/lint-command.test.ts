/** `zonesmith lint` end to end through the CLI entry, in process: formats, exit codes, config, --fix. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { bufferIo } from '../src/io.js';
import { REPO_ROOT } from './helpers/shared.js';

const fixture = (path: string) => join(REPO_ROOT, 'test/fixtures/lint', path);
const CORRECT = fixture('correct/example.com.dns');
const WARNINGS = fixture('defects/warnings-only.example.com.dns');
const CNAME_CLASH = fixture('defects/cname-clash.example.com.dns');

async function lint(args: string[], stdin = '') {
  const io = bufferIo(stdin);
  const code = await main(['lint', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('exit codes', () => {
  it('0 for a correct zone (profiles from the .zonesmith.yaml beside it)', async () => {
    const r = await lint([CORRECT]);
    expect(r.out).toBe('no problems in 1 file\n');
    expect(r.code).toBe(0);
  });

  it('text ends with the count per rule, then the summary; --quiet counts only what it shows', async () => {
    const r = await lint([WARNINGS, '--origin', 'example.com']);
    expect(r.out.split('\n').slice(-5)).toEqual(['', '2 private-address', '1 single-nameserver', '3 problems (0 errors, 3 warnings, 0 info) in 1 file', '']);
    expect((await lint([WARNINGS, '--origin', 'example.com', '--quiet'])).out).toBe('no problems in 1 file\n');
    // --quiet hides the warnings, not their weight against --max-warnings.
    expect((await lint([WARNINGS, '--origin', 'example.com', '--quiet', '--max-warnings', '2'])).code).toBe(1);
  });

  it('0 with warnings only, 1 once they exceed --max-warnings', async () => {
    expect((await lint([WARNINGS, '--origin', 'example.com'])).code).toBe(0);
    expect((await lint([WARNINGS, '--origin', 'example.com', '--max-warnings', '3'])).code).toBe(0);
    const over = await lint([WARNINGS, '--origin', 'example.com', '--max-warnings', '2']);
    expect(over.code).toBe(1);
    expect(over.err).toContain('3 warnings, more than --max-warnings 2');
  });

  it('1 for an error (BIND would refuse the zone)', async () => {
    expect((await lint([CNAME_CLASH, '--origin', 'example.com'])).code).toBe(1);
  });

  it('2 for a missing file, and the other files are still linted', async () => {
    const r = await lint([join(REPO_ROOT, 'no/such.dns'), CNAME_CLASH, '--origin', 'example.com', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^zonesmith: cannot read .*no\/such\.dns: no such file or directory\n$/);
    expect(JSON.parse(r.out).map((d: { rule: string }) => d.rule)).toEqual(['cname-and-other-data']);
  });

  it('2 for a folder without zone files, an unknown profile, a bad --origin or a bad --max-warnings', async () => {
    expect((await lint([fixture('config')])).code).toBe(2);
    const profile = await lint([CORRECT, '--profile', 'mdaemn']);
    expect(profile.code).toBe(2);
    expect(profile.err).toContain('unknown profile "mdaemn" (did you mean "mdaemon"?)');
    expect((await lint([CORRECT, '--origin', 'a..b'])).code).toBe(2);
    expect((await lint([CORRECT, '--max-warnings', '-1'])).code).toBe(2);
  });

  it('2 for an unknown format or an unknown option', async () => {
    expect((await lint([CORRECT, '--format', 'xml'])).code).toBe(2);
    const option = await lint([CORRECT, '--formt', 'json']);
    expect(option.code).toBe(2);
    expect(option.err).toContain('unknown option --formt');
  });
});

describe('options', () => {
  it('--quiet reports errors only', async () => {
    const r = await lint([WARNINGS, '--origin', 'example.com', '--quiet']);
    expect(r.out).toBe('no problems in 1 file\n');
  });

  it('--profile takes comma lists and repeats, and overrides the config', async () => {
    const r = await lint([CORRECT, '--profile', 'standard', '-f', 'json']);
    expect(JSON.parse(r.out).map((d: { rule: string }) => d.rule)).toEqual(['nonstandard-service-label']);
    expect((await lint([CORRECT, '-p', 'standard,mdaemon', '-p', 'connector'])).code).toBe(0);
  });

  it('reads standard input for -', async () => {
    const text = readFileSync(CNAME_CLASH, 'utf8');
    const piped = await lint(['-', '--origin', 'example.com'], text);
    expect(piped.code).toBe(1);
    expect(piped.out).toMatch(/^<stdin>:5:1 {2}error {2}www\.example\.com\. has a CNAME and also A \(line 6\)/);
    expect(piped.out).toContain('    5 | www    IN CNAME web.example.net.');
  });

  it('--config applies a spec file\'s lint: key', async () => {
    const r = await lint([WARNINGS, '--origin', 'example.com', '--config', fixture('config/spec/zonesmith.yaml'), '-f', 'json']);
    const rows = JSON.parse(r.out) as { rule: string; severity: string; message: string }[];
    expect(rows.find((d) => d.rule === 'single-nameserver')?.severity).toBe('error');
    // The connector profile from the config: MDaemon Connector's probed hosts are missing.
    expect(rows.some((d) => d.rule === 'missing-autodiscovery-record' && d.message.startsWith('profile connector'))).toBe(true);
    expect(r.code).toBe(1);
  });

  it('a config beside the zone turns rules off or changes their severity', async () => {
    const r = await lint([fixture('config/off/example.com.dns'), '-f', 'json']);
    expect(JSON.parse(r.out)).toEqual([expect.objectContaining({ rule: 'single-nameserver', severity: 'info' })]);
    expect(r.code).toBe(0);
  });

  it('a broken config is reported with its line and column, and exits 2', async () => {
    const r = await lint([fixture('config/bad/example.com.dns')]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('.zonesmith.yaml:1:12  error  unknown profile "standrd" (did you mean "standard"?)');
    expect(r.out).toContain('.zonesmith.yaml:3:3  error  unknown rule "private-adress" (did you mean "private-address"?)');
    expect(r.out).toContain('.zonesmith.yaml:4:22  error  rule single-nameserver: "loud" is not a setting');
    expect(r.out).toContain('.zonesmith.yaml:5:1  error  unknown key "colour"');
  });
});

describe('--fix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zonesmith-fix-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the Unicode spaces and adds $TTL from the SOA minimum, says so, then lints the result', async () => {
    const zone = join(dir, 'example.com.dns');
    copyFileSync(fixture('defects/nbsp-no-ttl.example.com.dns'), zone);
    const r = await lint([zone, '--fix', '-f', 'json']);
    expect(r.err).toContain('fixed');
    expect(r.err).toContain('1 × missing-ttl');
    // Only where BIND refuses: `@<U+00A0>IN SOA` is an SOA owned by \@\194\160IN, not at the apex;
    // `www<U+00A0><U+00A0>IN A` BIND loads as the name www\194\160\194\160IN (named-checkzone warns,
    // check-names), so it is reported, not changed.
    expect(r.err).toContain('1 × non-ascii-whitespace');
    const fixed = readFileSync(zone, 'utf8');
    expect(fixed.split('\n').slice(0, 2)).toEqual(['$TTL 600', '@ IN SOA ns1.example.net. hostmaster.example.com. 1 14400 3600 1209600 600']);
    expect(fixed).toContain('www\u00a0\u00a0IN A 192.0.2.80');
    expect(JSON.parse(r.out).map((d: { rule: string; severity: string }) => `${d.rule} ${d.severity}`).sort()).toEqual([
      'name-syntax warning',
      'name-syntax warning',
      'non-ascii-whitespace warning',
    ]);
    expect(r.code).toBe(0);
    // A second run has nothing left to do and leaves the file alone.
    const again = await lint([zone, '--fix']);
    expect(again.err).toBe('');
    expect(readFileSync(zone, 'utf8')).toBe(fixed);
  });

  it('refuses standard input', async () => {
    expect((await lint(['-', '--fix'])).code).toBe(2);
  });
});
