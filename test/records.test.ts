import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run, tempDir } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

const fixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'specs', name);
const minimal = fixture('minimal.yaml');

beforeEach(() => vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2026, 10, 22) / 1000)));
afterEach(() => vi.unstubAllEnvs());

describe('zonesmith records SPEC', () => {
  it('json: every record with zone, absolute and relative name, type, class, ttl, data, and MX/SRV fields', async () => {
    const { code, stdout } = await run('records', minimal, '--format', 'json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows[0]).toEqual({
      zone: 'example.org.',
      name: 'example.org.',
      relative: '@',
      type: 'SOA',
      class: 'IN',
      ttl: 3600,
      data: 'ns1.example.org. hostmaster.example.org. 2026112200 14400 3600 1209600 3600',
    });
    expect(rows.find((r) => r.type === 'MX')).toEqual({
      zone: 'example.org.', name: 'example.org.', relative: '@', type: 'MX', class: 'IN', ttl: 3600,
      data: '10 mail.example.org.', priority: 10, target: 'mail.example.org.',
    });
    expect(rows.find((r) => r.relative === '_submissions._tcp')).toMatchObject({
      name: '_submissions._tcp.example.org.', type: 'SRV', data: '0 0 465 mail.example.org.', priority: 0, weight: 0, port: 465, target: 'mail.example.org.',
    });
    expect(rows.filter((r) => r.type === 'AAAA').map((r) => r.data)).toEqual(['2001:db8::25']);
    expect(rows).toHaveLength(10);
  });

  it('csv: a header row, RFC 4180 quoting, CRLF line ends', async () => {
    const { stdout } = await run('records', fixture('escaping.yaml'), '--format', 'csv');
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('zone,name,fqdn,type,ttl,priority,weight,port,value');
    expect(lines).toContain('example.org.,quotes,quotes.example.org.,TXT,3600,,,,"""say \\""hello\\"" \\\\ back\\\\slash; semi; (paren)"""');
    expect(lines).toContain('example.org.,list,list.example.org.,TXT,3600,,,,"""first string"" ""second; string"""');
    expect(stdout.endsWith('\r\n')).toBe(true);
    expect(stdout.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const mx = (await run('records', minimal, '--format', 'csv')).stdout.split('\r\n').find((l) => l.includes(',MX,'));
    expect(mx).toBe('example.org.,@,example.org.,MX,3600,10,,,mail.example.org.');
  });

  it('table: aligned columns for a terminal', async () => {
    const { stdout } = await run('records', minimal);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ZONE +NAME +FQDN +TYPE +TTL +PRIORITY +WEIGHT +PORT +VALUE$/);
    const typeColumn = lines[0]!.indexOf('TYPE');
    for (const line of lines.slice(1)) expect(line.slice(typeColumn)).toMatch(/^[A-Z]+ /);
    expect(lines.find((l) => l.includes(' SRV ') && l.includes('_imaps'))).toMatch(/_imaps\._tcp +_imaps\._tcp\.example\.org\. +SRV +3600 +0 +0 +993 +mail\.example\.org\.$/);
  });

  it('bind: the record lines alone, names absolute', async () => {
    const { stdout } = await run('records', minimal, '--format', 'bind');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain('example.org.\t3600\tIN\tMX\t10 mail.example.org.');
    expect(lines).toContain('mail.example.org.\t3600\tIN\tAAAA\t2001:db8::25');
    expect(lines.every((l) => l.split('\t').length === 5)).toBe(true);
  });

  it('--zone picks zones of a multi-zone spec, and names the zones when it finds none', async () => {
    const hosting = join(REPO_ROOT, 'examples', 'hosting.yaml');
    const one = await run('records', hosting, '--zone', 'EXAMPLE.NET.', '--format', 'json');
    const zones = new Set((JSON.parse(one.stdout) as { zone: string }[]).map((r) => r.zone));
    expect([...zones]).toEqual(['example.net.']);
    const none = await run('records', hosting, '--zone', 'example.com');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/has no zone example\.com; its zones: example\.org, example\.net, xn--bcher-kva\.example/);
  });

  it('an invalid spec prints its problems and no records; a bad format is a usage error', async () => {
    const bad = await run('records', fixture('bad-meaning.yaml'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/bad-meaning\.yaml:\d+:\d+: error:/);
    const usage = await run('records', minimal, '--format', 'xml');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Choices: "table", "csv", "json", "bind"/);
  });
});

describe('zonesmith records ZONEFILE', () => {
  it('reads a generated zone back to the same records as its spec', async () => {
    const dir = tempDir();
    expect((await run('generate', minimal, '-o', dir)).code).toBe(0);
    const fromSpec = JSON.parse((await run('records', minimal, '--format', 'json')).stdout) as object[];
    const fromZone = await run('records', join(dir, 'example.org.dns'), '--format', 'json');
    expect(fromZone.stderr).toBe('');
    expect(fromZone.code).toBe(0);
    expect(JSON.parse(fromZone.stdout)).toEqual(fromSpec); // same records, same order
  });

  it('a spec and the zone generate wrote from it list the same records, serial included', async () => {
    const examples = join(REPO_ROOT, 'examples');
    const fromSpec = await run('records', join(examples, 'example.com.yaml'), '--format', 'json', '-o', examples);
    const fromZone = await run('records', join(examples, 'example.com.dns'), '--format', 'json');
    expect(fromSpec.code).toBe(0);
    expect(JSON.parse(fromZone.stdout)).toEqual(JSON.parse(fromSpec.stdout));
  });

  it('a missing file is an I/O error', async () => {
    const { code, stderr } = await run('records', join(tempDir(), 'nothing.dns'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such file/);
  });
});
