/**
 * `lint --fix` on files on disk, through the command line in process: the missing-TTL repairs keep
 * every TTL BIND gives (checked against BIND's own dump), untouched bytes stay as they were, and the
 * file keeps its mode, owner and symbolic link. (The tests run as root, so a read-only mode does not
 * stop a write: what they check is that the mode comes back as it was.)
 */
import { chmodSync, chownSync, copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindAvailable, compileZone } from './helpers/bind.js';
import { run, tempDir } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

const fixture = (name: string) => join(REPO_ROOT, 'test/fixtures/fix', name);
const SOA_MINIMUM = fixture('soa-minimum.example.com.dns');

/** A copy of a fixture in a fresh folder, named as the zone (its origin comes from the name). */
function copy(source: string, name = 'example.com.dns'): string {
  const path = join(tempDir(), name);
  copyFileSync(source, path);
  return path;
}

const fix = (file: string) => run('lint', '--fix', file, '-f', 'json');

/** Fixes a copy of the fixture and checks that BIND reads it exactly as before and still loads it. */
async function fixKeepingBind(source: string): Promise<{ zone: string; stderr: string }> {
  const zone = copy(source);
  const bind = bindAvailable();
  const before = bind ? compileZone('example.com.', zone) : undefined;
  expect(before?.code ?? 0).toBe(0);
  const r = await fix(zone);
  expect(r.code).toBe(0);
  if (before) expect(compileZone('example.com.', zone)).toEqual(before);
  return { zone, stderr: r.stderr };
}

describe('--fix keeps every TTL BIND gives (missing-ttl)', () => {
  it('records that take the last TTL written, all the same: $TTL with that value', async () => {
    const { zone, stderr } = await fixKeepingBind(fixture('last-ttl-same.example.com.dns'));
    expect(stderr).toContain('1 × missing-ttl');
    expect(readFileSync(zone, 'utf8').split('\n')[0]).toBe('$TTL 3600');
  });

  it('records that take the last TTL written, which differs: each one gets its TTL written', async () => {
    const { zone } = await fixKeepingBind(fixture('last-ttl-varies.example.com.dns'));
    expect(readFileSync(zone, 'utf8').split('\n').slice(2)).toEqual([
      '@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 14400 3600 1209600 600',
      '  IN 3600 NS ns1.example.net.',
      '  IN 3600 NS ns2.example.org.',
      'www 300 IN A 192.0.2.80',
      '    IN 300 AAAA 2001:db8::80',
      'mail IN 300 A 192.0.2.25',
      '$GENERATE 1-3 host$ 300 A 192.0.2.$',
      'ftp 60 A 192.0.2.21',
      '    60 A 192.0.2.22',
      '',
    ]);
    // Nothing is left to repair: a second run leaves the file alone.
    const again = await fix(zone);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout).filter((d: { rule: string }) => d.rule === 'missing-ttl')).toEqual([]);
  });

  it('the last TTL written was on an out-of-zone record (BIND still takes it): kept', async () => {
    const { zone } = await fixKeepingBind(join(REPO_ROOT, 'test/fixtures/zones/no-ttl-out-of-zone.zone'));
    expect(readFileSync(zone, 'utf8')).toContain('\ny 60 A 192.0.2.5\n');
  });

  it('the SOA minimum: $TTL with the minimum', async () => {
    const { zone } = await fixKeepingBind(SOA_MINIMUM);
    expect(readFileSync(zone, 'utf8').split('\n')[0]).toBe('$TTL 600');
  });
});

describe('--fix keeps the bytes it does not repair', () => {
  it('a Latin-1 comment and TXT and CRLF line ends stay as they were; the new line ends in CRLF too', async () => {
    const source = fixture('latin1-crlf.example.com.dns');
    const { zone } = await fixKeepingBind(source);
    expect(readFileSync(zone)).toEqual(Buffer.concat([Buffer.from('$TTL 600\r\n'), readFileSync(source)]));
  });

  it('a repair on a line that is not UTF-8 is made, and every other octet of it kept', async () => {
    const zone = copy(fixture('latin1-first-line.example.com.dns'));
    const before = readFileSync(zone);
    const r = await fix(zone);
    expect(r.stderr).toContain('fixed');
    const after = readFileSync(zone);
    expect(after.subarray(0, 9)).toEqual(Buffer.from('$TTL 600\n'));
    expect(after.subarray(9)).toEqual(before); // the Latin-1 line is as it was, octet for octet
  });
});

describe('--fix keeps the file what it was', () => {
  for (const mode of [0o600, 0o640, 0o444]) {
    it(`mode ${mode.toString(8)} is kept`, async () => {
      const zone = copy(SOA_MINIMUM);
      chmodSync(zone, mode);
      expect((await fix(zone)).code).toBe(0);
      expect(readFileSync(zone, 'utf8')).toMatch(/^\$TTL 600\n/);
      expect(statSync(zone).mode & 0o7777).toBe(mode);
    });
  }

  it('owner and group are kept', async () => {
    const zone = copy(SOA_MINIMUM);
    if (process.getuid?.() !== 0) return; // only root may give a file to another user
    chownSync(zone, 1234, 5678);
    expect((await fix(zone)).code).toBe(0);
    expect(readFileSync(zone, 'utf8')).toMatch(/^\$TTL 600\n/);
    expect(statSync(zone)).toMatchObject({ uid: 1234, gid: 5678 });
  });

  it('a symbolic link is fixed in its target and stays a link', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'example.com.dns');
    copyFileSync(SOA_MINIMUM, target);
    const link = join(dir, 'example.com.dns');
    symlinkSync(join('real', 'example.com.dns'), link);
    expect((await fix(link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^\$TTL 600\n/);
    // No temporary file is left beside the target or the link.
    expect(readdirSync(join(dir, 'real'))).toEqual(['example.com.dns']);
    expect(readdirSync(dir).sort()).toEqual(['example.com.dns', 'real']);
  });

  it('a file with another hard link is refused, with the reason, and left alone (exit 2)', async () => {
    const zone = copy(SOA_MINIMUM);
    linkSync(zone, `${zone}.bak`);
    const r = await fix(zone);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`zonesmith: not fixing ${zone}: it has 2 hard links, which a rewrite would separate; it is unchanged\n`);
    expect(readFileSync(zone)).toEqual(readFileSync(SOA_MINIMUM));
    // Its findings are still reported.
    expect(JSON.parse(r.stdout).map((d: { rule: string }) => d.rule)).toContain('missing-ttl');
  });
});
