import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run, tempDir } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

const fixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'specs', name);
const minimal = fixture('minimal.yaml');

beforeEach(() => vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2026, 10, 22) / 1000)));
afterEach(() => vi.unstubAllEnvs());

interface JsonSheet {
  provider: { id: string; name: string; form: string; source: string };
  columns: { field: string; label: string }[];
  records: { zone: string; fqdn: string; type: string; ttl: number; data: string; fields: Record<string, string>; notes: string[] }[];
  notes: { number: number; id: string; severity: string; text: string; source: string; rows: number }[];
}

describe('zonesmith records SPEC', () => {
  it('json: the provider, its columns, every record with zone, name, type, ttl, data and the form fields, then the notes', async () => {
    const { code, stdout } = await run('records', minimal, '--format', 'json');
    expect(code).toBe(0);
    const sheet = JSON.parse(stdout) as JsonSheet;
    expect(sheet.provider.id).toBe('generic');
    expect(sheet.columns.map((c) => c.field)).toEqual(['zone', 'name', 'fqdn', 'type', 'ttl', 'priority', 'weight', 'port', 'value']);
    expect(sheet.records.find((r) => r.type === 'MX')).toEqual({
      zone: 'example.org.', fqdn: 'example.org.', type: 'MX', ttl: 3600, data: '10 mail.example.org.',
      fields: { zone: 'example.org.', name: '@', fqdn: 'example.org.', type: 'MX', ttl: '3600', priority: '10', value: 'mail.example.org.' },
      notes: [],
    });
    expect(sheet.records.find((r) => r.fqdn === '_submissions._tcp.example.org.')).toMatchObject({
      type: 'SRV', data: '0 0 465 mail.example.org.', fields: { name: '_submissions._tcp', priority: '0', weight: '0', port: '465', value: 'mail.example.org.' },
    });
    expect(sheet.records.filter((r) => r.type === 'AAAA').map((r) => r.data)).toEqual(['2001:db8::25']);
    // The SOA and the two apex NS are the provider's: left out, and said so.
    expect(sheet.records.map((r) => r.type)).not.toContain('SOA');
    expect(sheet.records.some((r) => r.type === 'NS' && r.fqdn === 'example.org.')).toBe(false);
    expect(sheet.records).toHaveLength(7);
    expect(sheet.notes.at(-1)).toMatchObject({ id: 'soa-ns-left-out', rows: 3 });
  });

  it('--all lists the SOA (with the serial generate would write) and the apex NS too', async () => {
    const sheet = JSON.parse((await run('records', minimal, '--format', 'json', '--all')).stdout) as JsonSheet;
    expect(sheet.records[0]).toMatchObject({ type: 'SOA', fqdn: 'example.org.', data: 'ns1.example.org. hostmaster.example.org. 2026112200 14400 3600 1209600 3600' });
    expect(sheet.records.filter((r) => r.type === 'NS')).toHaveLength(2);
    expect(sheet.records).toHaveLength(10);
    expect(sheet.notes.map((n) => n.id)).not.toContain('soa-ns-left-out');
  });

  it('csv: a header row, RFC 4180 quoting, CRLF line ends; the notes go to stderr so the file stays importable', async () => {
    const { stdout, stderr } = await run('records', fixture('escaping.yaml'), '--format', 'csv');
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('zone,name,fqdn,type,ttl,priority,weight,port,value,notes');
    expect(lines).toContain('example.org.,quotes,quotes.example.org.,TXT,3600,,,,"""say \\""hello\\"" \\\\ back\\\\slash; semi; (paren)""",');
    expect(lines).toContain('example.org.,list,list.example.org.,TXT,3600,,,,"""first string"" ""second; string""",1');
    expect(stdout.endsWith('\r\n')).toBe(true);
    expect(stdout.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(stderr).toMatch(/^\[1\] differs \(2 rows\): A TXT value of several quoted strings/);
    const mx = (await run('records', minimal, '--format', 'csv')).stdout.split('\r\n').find((l) => l.includes(',MX,'));
    expect(mx).toBe('example.org.,@,example.org.,MX,3600,10,,,mail.example.org.,');
  });

  it('table: aligned columns for a terminal, then the numbered notes with their sources', async () => {
    const { stdout } = await run('records', minimal);
    const [table, notes] = stdout.split('\n\n');
    const lines = table!.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ZONE +NAME +FQDN +TYPE +TTL +PRIORITY +WEIGHT +PORT +VALUE$/);
    const typeColumn = lines[0]!.indexOf('TYPE');
    for (const line of lines.slice(1)) expect(line.slice(typeColumn)).toMatch(/^[A-Z]+ /);
    expect(lines.find((l) => l.includes(' SRV ') && l.includes('_imaps'))).toMatch(/_imaps\._tcp +_imaps\._tcp\.example\.org\. +SRV +3600 +0 +0 +993 +mail\.example\.org\.$/);
    expect(notes).toMatch(/^\[1\] note \(3 rows\): The SOA and the apex NS records are left out.*\n    source: https:\/\//);
  });

  it('bind: the record lines alone, names absolute', async () => {
    const { stdout } = await run('records', minimal, '--format', 'bind', '--all');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain('example.org.\t3600\tIN\tMX\t10 mail.example.org.');
    expect(lines).toContain('mail.example.org.\t3600\tIN\tAAAA\t2001:db8::25');
    expect(lines[0]).toMatch(/^example\.org\.\t3600\tIN\tSOA\t/);
    expect(lines.every((l) => l.split('\t').length === 5)).toBe(true);
    const without = (await run('records', minimal, '--format', 'bind')).stdout;
    expect(without).not.toMatch(/\tSOA\t|^example\.org\.\t3600\tIN\tNS\t/m);
    const refused = await run('records', minimal, '--format', 'bind', '--for', 'route53');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--format bind writes zone-file lines, the same for every provider/);
  });

  it('--zone picks zones of a multi-zone spec, and names the zones when it finds none', async () => {
    const hosting = join(REPO_ROOT, 'examples', 'hosting.yaml');
    const one = await run('records', hosting, '--zone', 'EXAMPLE.NET.', '--format', 'json');
    const zones = new Set((JSON.parse(one.stdout) as JsonSheet).records.map((r) => r.zone));
    expect([...zones]).toEqual(['example.net.']);
    const none = await run('records', hosting, '--zone', 'example.com');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/has no zone example\.com; its zones: example\.org, example\.net, xn--bcher-kva\.example/);
  });

  it('an invalid spec prints its problems and no records; a bad format or provider is a usage error', async () => {
    const bad = await run('records', fixture('bad-meaning.yaml'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/bad-meaning\.yaml:\d+:\d+/);
    const usage = await run('records', minimal, '--format', 'xml');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Choices: "table", "csv", "json", "md", "bind"/);
    const provider = await run('records', minimal, '--for', 'dyn');
    expect(provider.code).toBe(2);
    expect(provider.stderr).toMatch(/"generic", "cloudflare", "route53", "azure", "gcloud", "digitalocean", "hetzner", "ovh", "godaddy", "namecheap", "bunny"/);
  });

  it('a spec the lint rules find errors in lists no records (the one judge, as generate)', async () => {
    const dir = tempDir();
    const spec = join(dir, 'clash.yaml');
    // A CNAME beside an address at the same name: the spec loads, and cname-and-other-data is an error.
    writeFileSync(spec, 'version: 1\nzones:\n  - domain: example.org\n    soa: { primary: ns1.example.net, contact: h@example.org }\n    nameservers: [ns1.example.net, ns2.example.net]\n    hosts: { www: 192.0.2.1 }\n    records:\n      - { name: www, type: CNAME, value: elsewhere.example.net }\n');
    const r = await run('records', spec);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cname-and-other-data/);
    expect(r.stderr).toMatch(/no records listed/);
  });
});

describe('zonesmith records ZONEFILE', () => {
  it('reads a generated zone back to the same records as its spec', async () => {
    const dir = tempDir();
    expect((await run('generate', minimal, '-o', dir)).code).toBe(0);
    const fromSpec = JSON.parse((await run('records', minimal, '--format', 'json')).stdout) as JsonSheet;
    const fromZone = await run('records', join(dir, 'example.org.dns'), '--format', 'json');
    expect(fromZone.stderr).toBe('');
    expect(fromZone.code).toBe(0);
    expect(JSON.parse(fromZone.stdout)).toEqual(fromSpec); // same records, same order
  });

  it('a spec and the zone generate wrote from it list the same records, serial included', async () => {
    const examples = join(REPO_ROOT, 'examples');
    const fromSpec = await run('records', join(examples, 'example.com.yaml'), '--format', 'json', '-o', examples, '--all');
    const fromZone = await run('records', join(examples, 'example.com.dns'), '--format', 'json', '--all');
    expect(fromSpec.code).toBe(0);
    expect(JSON.parse(fromZone.stdout)).toEqual(JSON.parse(fromSpec.stdout));
  });

  it('a missing file is an I/O error', async () => {
    const { code, stderr } = await run('records', join(tempDir(), 'nothing.dns'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such file/);
  });
});
