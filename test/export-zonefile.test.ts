/**
 * `export --to zonefile --for PROVIDER`: golden files for the examples, each file loaded by BIND
 * (with the SOA and NS it leaves out added back) and read back to the records it came from; the
 * documented limits (Route 53: 1,000 records; Cloudflare: 256 KiB) refused with a clear error, and
 * with --split met by files of whole RRsets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IMPORT_TARGET_IDS, IMPORT_TARGETS } from '../src/export/import-targets.js';
import { exportZoneFile } from '../src/export/zonefile.js';
import { parseZone } from '../src/index.js';
import { Name } from '../src/zone/name.js';
import type { ResourceRecord } from '../src/zone/record.js';
import { bindAvailable, checkZoneText } from './helpers/bind.js';
import { run, tempDir } from './helpers/cli.js';
import { EXAMPLE_SPECS, recordSet, specZones } from './helpers/export-source.js';
import { expectGolden } from './helpers/golden.js';
import { REPO_ROOT } from './helpers/shared.js';

beforeAll(() => {
  vi.stubEnv('SOURCE_DATE_EPOCH', '1764633600'); // 2025-12-02: the serial of `serial: auto`
});

/** The import file as a zone BIND loads: the SOA and NS the importer does without, added back (when left out). */
function withSoaAndNs(origin: Name, text: string): string {
  if (/\tSOA\t/.test(text)) return text;
  const o = origin.toString();
  return `${o} 3600 IN SOA ns1.${o} hostmaster.${o} 1 7200 3600 1209600 3600\n${o} 3600 IN NS ns1.${o}\nns1.${o} 3600 IN A 192.0.2.53\n${text}`;
}

function readBack(origin: Name, text: string): ResourceRecord[] {
  // Read against the root: a name written relative would land outside the zone and fail the comparison.
  const parsed = parseZone(text, { origin: '.' });
  // Read against the root, the zone's SOA is missing (the provider keeps its own) or not at "the" apex: no other refusal.
  expect(parsed.problems.filter((p) => p.severity === 'error' && p.kind !== 'no-soa' && p.kind !== 'soa-not-at-apex')).toEqual([]);
  return parsed.records.filter((r) => r.owner.isSubdomainOf(origin));
}

describe('export --to zonefile', () => {
  for (const spec of EXAMPLE_SPECS) {
    for (const provider of IMPORT_TARGET_IDS) {
      it(`${spec} for ${provider}: golden, loads in BIND, reads back to the same records`, async () => {
        const dir = tempDir();
        const result = await run('export', join(REPO_ROOT, spec), '--to', 'zonefile', '--for', provider, '-o', dir);
        expect(result.code, result.stderr).toBe(0);
        // The SOA and apex NS are left out where the importer ignores them, and named on standard error with the source.
        const target = IMPORT_TARGETS[provider];
        if (target.apexNs.omit) expect(result.stderr).toContain(`NS: ${target.apexNs.text} [${target.apexNs.source}]`);
        if (target.soa.omit) expect(result.stderr).toContain(`SOA: ${target.soa.text} [${target.soa.source}]`);
        for (const zone of specZones(spec)) {
          const domain = zone.origin.toString().replace(/\.$/, '');
          const name = `${domain}.${provider}.zone`;
          const text = readFileSync(join(dir, name), 'utf8');
          expectGolden(`export/zonefile/${name}`, text);
          expect(text).not.toMatch(/\$/); // no directive ($INCLUDE, $GENERATE, $ORIGIN, $TTL), not even named in a comment
          expect(/\tSOA\t/.test(text)).toBe(!target.soa.omit);
          if (bindAvailable()) {
            const verdict = checkZoneText(zone.origin.toString(), withSoaAndNs(zone.origin, text));
            expect(verdict.code, verdict.lines.join('\n')).toBe(0);
          }
          const kept = (r: ResourceRecord) =>
            r.type === 'SOA' ? !target.soa.omit : r.type === 'NS' && r.owner.equals(zone.origin) ? !target.apexNs.omit : true;
          expect(recordSet(readBack(zone.origin, text))).toEqual(recordSet(zone.records, kept));
        }
      });
    }
  }

  it('one judge: a spec generate would refuse is not exported (exit 1, the findings on stderr)', async () => {
    const dir = tempDir();
    const spec = join(dir, 'bad.yaml');
    (await import('node:fs')).writeFileSync(
      spec,
      'version: 1\nzones:\n  - domain: bad.example\n    soa: { primary: ns1.bad.example, contact: hostmaster@bad.example }\n    nameservers: [ns1.bad.example]\n    hosts: { ns1: 192.0.2.1 }\n    services: { imaps: mailbox }\n',
    );
    const result = await run('export', spec, '--to', 'zonefile', '--for', 'cloudflare', '-o', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('target-no-address');
    expect(result.stderr).toContain('nothing was exported');
    expect(readdirSync(dir)).toEqual(['bad.yaml']);
  });

  it('--to zonefile without --for says which providers there are (exit 2)', async () => {
    const result = await run('export', join(REPO_ROOT, EXAMPLE_SPECS[0]), '--to', 'zonefile');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('route53 (Amazon Route 53)');
  });
});

/** A zone of `count` A records at distinct names, plus SOA and NS. */
function bigZone(count: number, txtBytes = 0): { origin: Name; records: ResourceRecord[] } {
  const lines = ['$ORIGIN big.example.', '$TTL 300', '@ SOA ns1 hostmaster 1 7200 3600 1209600 300', '@ NS ns1', 'ns1 A 192.0.2.53'];
  for (let i = 0; i < count; i++) {
    lines.push(`h${i} A 198.51.100.${i % 250}`);
    if (txtBytes > 0) lines.push(`h${i} TXT "${'x'.repeat(txtBytes)}"`);
  }
  const parsed = parseZone(lines.join('\n') + '\n', { origin: 'big.example.' });
  return { origin: parsed.origin, records: parsed.records };
}

describe('import limits', () => {
  it('Route 53: over 1,000 records is an error naming the limit and its source; --split writes whole RRsets, each file within it', () => {
    const zone = bigZone(1200);
    const refused = exportZoneFile(zone, 'route53');
    expect(refused.files).toEqual([]);
    const limit = refused.notes.find((n) => n.kind === 'limit')!;
    expect(limit.message).toContain('1201 records');
    expect(limit.message).toContain('at most 1000');
    expect(limit.message).toContain('--split');
    expect(limit.source).toBe(IMPORT_TARGETS.route53.maxRecords!.source);

    const split = exportZoneFile(zone, 'route53', { split: true });
    expect(split.files.map((f) => f.suffix)).toEqual(['.part1', '.part2']);
    const seen = new Map<string, string>();
    let total = 0;
    for (const file of split.files) {
      const records = readBack(zone.origin, file.text);
      expect(records.length).toBeLessThanOrEqual(1000);
      total += records.length;
      for (const r of records) {
        const rrset = `${r.owner.key} ${r.type}`;
        expect(seen.get(rrset) ?? file.suffix, `${rrset} in two files`).toBe(file.suffix);
        seen.set(rrset, file.suffix);
      }
      if (bindAvailable()) expect(checkZoneText('big.example.', withSoaAndNs(zone.origin, file.text)).code).toBe(0);
    }
    expect(total).toBe(1201);
  });

  it('Cloudflare: over 256 KiB is an error; --split keeps every file at or under 262144 bytes', () => {
    const zone = bigZone(1100, 240);
    const refused = exportZoneFile(zone, 'cloudflare');
    expect(refused.files).toEqual([]);
    expect(refused.notes.find((n) => n.kind === 'limit')!.message).toMatch(/would be [0-9]+ bytes; Cloudflare takes at most 262144/);
    const split = exportZoneFile(zone, 'cloudflare', { split: true });
    expect(split.files.length).toBeGreaterThan(1);
    for (const file of split.files) expect(Buffer.byteLength(file.text)).toBeLessThanOrEqual(262144);
    expect(split.files.reduce((n, f) => n + readBack(zone.origin, f.text).length, 0)).toBe(2201);
  });

  it('a provider whose importer has no documented way to take several files gets the error without --split', () => {
    const result = exportZoneFile(bigZone(10), 'hetzner', { split: true });
    expect(result.files.length).toBe(1);
    expect(IMPORT_TARGETS.hetzner.split).toBeUndefined();
  });

  it('the CLI writes nothing and exits 1 over a limit', async () => {
    const dir = tempDir();
    const zone = bigZone(1001);
    const text = zone.records.map((r) => `${r.owner.toString()} ${r.ttl} IN ${r.type} ${r.type === 'SOA' ? 'ns1.big.example. hostmaster.big.example. 1 7200 3600 1209600 300' : r.type === 'NS' ? 'ns1.big.example.' : String(r.data.address)}`).join('\n');
    const file = join(tempDir(), 'big.example.zone');
    (await import('node:fs')).writeFileSync(file, text + '\n');
    const result = await run('export', file, '--to', 'zonefile', '--for', 'route53', '-o', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('imports at most 1000');
    expect(result.stderr).toContain('nothing was written');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('what an importer does not take is named', () => {
  const rich = () => {
    const file = join(REPO_ROOT, 'test/fixtures/export/source/rich.example.dns');
    const parsed = parseZone(readFileSync(file, 'utf8'), { file, origin: 'rich.example.' });
    return { origin: parsed.origin, records: parsed.records };
  };

  it('Azure: the types its import does not support are left out, each with the page that lists them; multi-string TXT is warned of', () => {
    const result = exportZoneFile(rich(), 'azure');
    const said = result.notes.map((n) => `${n.kind} ${n.rrset}`);
    expect(said).toEqual(
      expect.arrayContaining([
        'left-out _443._tcp.www.rich.example. TLSA',
        'left-out host.rich.example. SSHFP',
        'left-out sub.rich.example. DS',
        'left-out sip.rich.example. NAPTR',
        'left-out 10.2.0.rich.example. PTR',
        'left-out info.rich.example. HINFO',
        'warning sel1._domainkey.rich.example. TXT',
        'warning semi.rich.example. TXT',
      ]),
    );
    expect(result.notes.every((n) => n.source?.startsWith('https://'))).toBe(true);
    expect(result.files[0]!.text).not.toContain('\tTLSA\t');
  });

  it('GoDaddy: CAA is kept, TLSA is left out', () => {
    const result = exportZoneFile(rich(), 'godaddy');
    expect(result.files[0]!.text).toContain('\tCAA\t0 issue "letsencrypt.org"');
    expect(result.notes.map((n) => n.rrset)).toContain('_443._tcp.www.rich.example. TLSA');
  });
});
