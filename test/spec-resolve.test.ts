import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeSpec } from '../src/lint/spec-judge.js';
import { loadSpecText } from '../src/spec/load.js';
import { loadSpecFile } from '../src/spec/load-file.js';
import { resolveSpec, type ResolvedSpec } from '../src/spec/resolve.js';
import type { ResourceRecord } from '../src/zone/record.js';
import { REPO_ROOT, requireShared, SEED_ZONE } from './helpers/shared.js';

const fixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'specs', name);
const resolveFile = (path: string) => resolveSpec(loadSpecFile(path));
const resolveText = (text: string) => resolveSpec(loadSpecText(text, 'spec.yaml'));

function errors(spec: ResolvedSpec): string[] {
  return spec.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message}`);
}

/** What the one judge says of a spec: `line:column severity rule message`. */
function judged(spec: ResolvedSpec, severity?: string): string[] {
  return judgeSpec(spec)
    .filter((d) => severity === undefined || d.severity === severity)
    .map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
}

function owners(records: ResourceRecord[], type: string): string[] {
  return records.filter((r) => r.type === type).map((r) => r.owner.toString());
}

const base = (zone: string) => `version: 1
defaults:
  soa: { primary: ns1.example.net, contact: hostmaster@example.net }
  nameservers: [ns1.example.net, ns2.example.net]
zones:
  - domain: example.org
${zone}`;

describe('spec -> zone model', () => {
  it('builds SOA, NS, addresses, MX and SRV from a minimal spec', () => {
    const spec = resolveFile(fixture('minimal.yaml'));
    expect(errors(spec)).toEqual([]);
    const zone = spec.zones[0]!.zone;
    expect(zone.origin.toString()).toBe('example.org.');
    expect(zone.defaultTtl).toBe(3600);
    const [soa] = zone.records;
    expect(soa).toMatchObject({ type: 'SOA', data: { refresh: 14400, retry: 3600, expire: 1209600, minimum: 3600 } });
    expect(String(soa!.data.rname)).toBe('hostmaster.example.org.');
    expect(zone.records.filter((r) => r.type === 'NS').map((r) => String(r.data.target))).toEqual(['ns1.example.org.', 'ns2.example.net.']);
    expect(zone.records.filter((r) => r.type === 'AAAA').map((r) => r.data.address)).toEqual(['2001:db8::25']);
    expect(zone.records.find((r) => r.type === 'MX')?.data).toMatchObject({ preference: 10 });
    const srv = zone.records.filter((r) => r.type === 'SRV').map((r) => `${r.owner} ${r.data.priority} ${r.data.weight} ${r.data.port} ${r.data.target}`);
    expect(srv).toEqual(['_imaps._tcp.example.org. 0 0 993 mail.example.org.', '_submissions._tcp.example.org. 0 0 465 mail.example.org.']);
    expect(spec.zones[0]!.serial).toBe('auto');
  });

  it('the mdaemon profile gives exactly the seed page\'s eight SRV owner names', () => {
    if (!requireShared(SEED_ZONE)) return;
    const seedOwners = readFileSync(SEED_ZONE, 'utf8')
      .split('\n')
      .filter((line) => /\sSRV\s/.test(line.replace(/\u00a0/g, ' ')))
      .map((line) => line.split(/[\s\u00a0]+/)[0] + '.example.com.');
    expect(seedOwners).toHaveLength(8);
    const spec = resolveFile(join(REPO_ROOT, 'examples', 'example.com.yaml'));
    expect(errors(spec)).toEqual([]);
    expect(owners(spec.zones[0]!.zone.records, 'SRV').sort()).toEqual(seedOwners.sort());
  });

  it('both profiles publish the union of their labels, each once, in the order the profiles are listed', () => {
    const spec = resolveFile(fixture('both-profiles.yaml'));
    expect(errors(spec)).toEqual([]);
    const srv = owners(spec.zones[0]!.zone.records, 'SRV').map((o) => o.replace('.example.com.', ''));
    expect(srv).toEqual([
      '_autodiscover._tcp',
      '_airsync._tcp',
      '_imap._tcp',
      '_imaps._tcp',
      '_pop._tcp',
      '_pop3._tcp',
      '_smtp._tcp',
      '_submission._tcp',
      '_caldav._tcp',
      '_carddav._tcp',
      '_xmpp-client._tcp',
    ]);
    const path = spec.zones[0]!.zone.records.find((r) => r.type === 'TXT');
    expect(path?.owner.toString()).toBe('_caldav._tcp.example.com.');
    expect(Buffer.from((path!.data.strings as Uint8Array[])[0]!).toString()).toBe('path=/caldav');
  });

  it('merges defaults: maps key by key, lists replace, records concatenate', () => {
    const spec = resolveFile(join(REPO_ROOT, 'examples', 'hosting.yaml'));
    expect(errors(spec)).toEqual([]);
    const [org, net, idn] = spec.zones.map((z) => z.zone.records);
    expect(org!.filter((r) => r.type === 'A' && r.owner.toString() === 'example.org.').map((r) => r.data.address)).toEqual(['203.0.113.80']);
    expect(net!.filter((r) => r.owner.toString() === 'example.net.' && (r.type === 'A' || r.type === 'AAAA')).map((r) => r.data.address)).toEqual(['198.51.100.7', '2001:db8:7::7']);
    expect(net!.filter((r) => r.type === 'A' && r.owner.toString() === 'autodiscover.example.net.')).toHaveLength(1);
    expect(owners(net!, 'TXT').filter((o) => !o.startsWith('_'))[0]).toBe('example.net.'); // the defaults' SPF first
    expect(owners(net!, 'SRV')).toContain('_xmpp-client._tcp.example.net.');
    const caldavs = idn!.find((r) => r.type === 'SRV' && r.owner.toString().startsWith('_caldavs.'));
    expect(caldavs?.data).toMatchObject({ priority: 0, weight: 0, port: 0 });
    expect(String(caldavs?.data.target)).toBe('.');
    const mx = org!.filter((r) => r.type === 'MX').map((r) => `${r.data.preference} ${r.data.exchange}`);
    expect(mx).toEqual(['10 mx1.hostingco.net.', '20 mx2.hostingco.net.']);
  });

  it('reports every problem at once, at its line: the spec\'s own and the rules\' over the records it could build', () => {
    const spec = resolveFile(fixture('bad-meaning.yaml'));
    // The zone is resolved as far as it goes, so the rules can judge it; with errors it is never written.
    expect(spec.zones.map((z) => z.domain)).toEqual(['example.org']);
    const all = judged(spec);
    const at = (line: number) => all.filter((e) => e.startsWith(`${line}:`)).join(' | ');
    expect(at(10)).toMatch(/error spec "192.0.2.300" is not an IPv4 address .* or IPv6 address/);
    expect(at(12)).toMatch(/error spec "2001:db8::zz" is not an IPv4/);
    expect(at(13)).toMatch(/error spec "bücher" is not ASCII.*use "xn--bcher-kva"/);
    expect(at(14)).toMatch(/error spec .*label of 64 octets is longer than 63/);
    expect(at(16)).toMatch(/error spec host "imap.mail" \(imap.mail.\) is outside zone example.org.*write "imap.mail.example.org.?"/);
    expect(at(18)).toMatch(/^18:17 error target-no-address MX target inbound.example.org. of example.org. has no A or AAAA record/);
    expect(at(21)).toMatch(/error spec protocol "activesync" has no SRV label in the profile standard; it is published by the mdaemon profile/);
    expect(at(22)).toMatch(/^22:20 warning srv-target-cname SRV target mx.example.org. is an alias/);
    expect(at(24)).toMatch(/error cname-and-other-data CNAME at the zone apex/);
    expect(at(25)).toMatch(/error cname-and-other-data www.example.org. has a CNAME and also A \(line 11\)/);
    expect(at(27)).toMatch(/error spec .*line break/);
    expect(at(28)).toMatch(/error spec ";" at character 19 would start a comment/);
    expect(at(29)).toMatch(/error spec "\(" at character 18 would group lines/);
    // The same severity as for a zone file: a warning (BIND uses the first TTL for the RRset).
    expect(at(31)).toMatch(/^31:9 warning rrset-ttl-mismatch TTL 600 differs from 300, the TTL of the first TXT of t1.example.org. \(line 30\)/);
    expect(spec.diagnostics.every((d) => d.file.endsWith('bad-meaning.yaml') && d.path?.startsWith('/zones/0/'))).toBe(true);
    const lines = judgeSpec(spec).map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('names all four problems of the issue\'s spec, each at its line and column, in one run', () => {
    const spec = resolveFile(fixture('four-problems.yaml'));
    expect(judged(spec)).toEqual([
      expect.stringMatching(/^10:10 error spec "999.1.1.1" is not an IPv4 address/),
      expect.stringMatching(/^13:33 error spec "priority" is 70000; it must be between 0 and 65535/),
      expect.stringMatching(/^15:14 error target-no-address SRV target mailbox.example.org. of _imaps._tcp.example.org. has no A or AAAA record/),
      expect.stringMatching(/^18:7 error spec unknown protocol "telepathy"/),
    ]);
    // The MX entry whose priority the schema refused still names its host, so the zone is judged with its MX.
    expect(spec.zones[0]!.zone.records.filter((r) => r.type === 'MX').map((r) => `${r.data.preference} ${r.data.exchange}`)).toEqual(['10 mail.example.org.']);
  });

  it('gives every record the place in the spec it came from, and a fully-qualified owner and explicit TTL', () => {
    const spec = resolveFile(fixture('minimal.yaml'));
    const records = spec.zones[0]!.zone.records;
    const place = (type: string) => records.filter((r) => r.type === type).map((r) => `${r.position.line}:${r.position.column}`);
    expect(place('SOA')).toEqual(['4:5']);
    expect(place('NS')).toEqual(['7:19', '7:24']);
    expect(place('A')).toEqual(['9:12', '10:12', '11:14']);
    expect(place('MX')).toEqual(['12:10']);
    expect(place('SRV')).toEqual(['14:14', '15:28']);
    expect(records.every((r) => r.ttlExplicit && r.ttl === 3600 && r.owner.isAbsolute && r.rdataTokens.length === 0 && r.ownerToken === undefined)).toBe(true);
    expect(records.every((r) => r.position.file === fixture('minimal.yaml'))).toBe(true);
  });

  it('says how to start when the spec is empty', () => {
    expect(errors(resolveText(''))).toEqual(['1:1 the spec is empty: `zonesmith init DOMAIN` writes a commented starter spec']);
    expect(errors(resolveText('# only a comment\n'))).toHaveLength(1);
  });

  it('needs the SOA primary and contact and the name servers, and says where to put them', () => {
    const spec = resolveText('version: 1\nzones:\n  - domain: example.org\n');
    expect(errors(spec).join('\n')).toMatch(/needs soa.primary .*\n.*needs soa.contact .*\n.*needs nameservers/);
  });

  it('in-zone name servers and targets need addresses (the rules say so), out-of-zone ones need none', () => {
    const spec = resolveText(base('    nameservers: [ns1, ns2.example.net]\n    mx: [mail.example.net]\n    services: { imaps: imap.example.net }\n'));
    expect(errors(spec)).toEqual([]);
    expect(judged(spec, 'error')).toEqual([expect.stringMatching(/^7:19 error target-no-address NS target ns1.example.org. of example.org. has no A or AAAA record/)]);
  });

  it('reads record values in zone-file form with the spec name rule', () => {
    const spec = resolveText(
      base(
        '    records:\n' +
          '      - { name: www, type: CNAME, value: web }\n' +
          '      - { name: ext, type: CNAME, value: web.example.net }\n' +
          '      - { name: "@", type: CAA, value: \'0 issue "ca.example"\' }\n' +
          '      - { name: _sip._tcp.example.org, type: SRV, value: "0 5 5060 sip.example.net." }\n' +
          '      - { name: web, type: A, value: 192.0.2.80 }\n' +
          '      - { name: apex, type: CNAME, value: "@" }\n',
      ),
    );
    expect(errors(spec)).toEqual([]);
    const records = spec.zones[0]!.zone.records;
    const target = (owner: string) => String(records.find((r) => r.owner.toString() === owner)?.data.target);
    expect(target('www.example.org.')).toBe('web.example.org.');
    expect(target('ext.example.org.')).toBe('web.example.net.');
    expect(target('_sip._tcp.example.org.')).toBe('sip.example.net.');
    expect(target('apex.example.org.')).toBe('example.org.');
  });

  it('holds MX, SRV and NS written as records to the same rules', () => {
    const spec = resolveText(
      base(
        '    hosts: { www: 192.0.2.80 }\n' +
          '    records:\n' +
          '      - { name: sub, type: NS, value: ns1 }\n' +
          '      - { name: _sip._tcp.example.org, type: SRV, value: "0 0 5060 alias" }\n' +
          '      - { name: alias, type: CNAME, value: www }\n' +
          '      - { name: lists, type: MX, value: "10 www" }\n',
      ),
    );
    expect(errors(spec)).toEqual([]);
    const found = judged(spec).filter((d) => !/missing-autodiscovery-record|apex-no-mx/.test(d));
    expect(found).toEqual([
      expect.stringMatching(/^9:9 error target-no-address NS target ns1.example.org. of sub.example.org. has no A or AAAA record/),
      expect.stringMatching(/^10:9 warning srv-target-cname SRV target alias.example.org. is an alias/),
    ]);
  });

  it('a target written as an address is the same error in a spec as in a zone file, though a spec record has no tokens', () => {
    const spec = resolveText(base('    mx: [192.0.2.25]\n    records: [{ name: alias, type: CNAME, value: "192.0.2.80." }]\n'));
    expect(errors(spec)).toEqual([]);
    expect(judged(spec, 'error')).toEqual([
      expect.stringMatching(/^7:10 error target-is-address the MX target `192.0.2.25.` is an address, but MX needs a host name/),
      expect.stringMatching(/^8:15 error target-is-address the CNAME target `192.0.2.80.` is an address/),
    ]);
  });

  it('says what is wrong with record data, and which types it does not know', () => {
    const spec = resolveText(
      base('    records:\n      - { name: a, type: MX, value: "70000 mail.example.net" }\n      - { name: b, type: NOPE, value: "x" }\n'),
    );
    const all = errors(spec);
    expect(all[0]).toMatch(/^8:/);
    expect(all[0]).toMatch(/70000/);
    expect(all[1]).toMatch(/^9:.*NOPE/);
  });

  it('refuses the same zone twice and the SOA or apex NS among records', () => {
    const spec = resolveText(
      base('    records:\n      - { name: "@", type: SOA, value: "x" }\n      - { name: "@", type: NS, value: "ns3.example.net" }\n  - domain: EXAMPLE.org\n'),
    );
    const all = errors(spec);
    expect(all.some((e) => /comes from soa/.test(e))).toBe(true);
    expect(all.some((e) => /come from nameservers/.test(e))).toBe(true);
    expect(all.some((e) => /^10:.*already defined by zones\[0\]/.test(e))).toBe(true);
  });
});

describe('what the rules say of a spec, as of the zone generated from it', () => {
  it('mail services without MX, and a mail profile half published', () => {
    const spec = resolveText(base('    hosts: { mail: 192.0.2.25 }\n    services: { autodiscover: mail, imaps: mail }\n'));
    expect(errors(spec)).toEqual([]);
    expect(spec.zones).toHaveLength(1);
    const warnings = judged(spec, 'warning').join('\n');
    expect(warnings).toMatch(/apex-no-mx example.org. has no MX, but the zone serves mail/);
    expect(warnings).toMatch(/missing-autodiscovery-record profile standard: no SRV record at _submissions._tcp.example.org. or _submission._tcp.example.org./);
  });

  it('SOA timers by the thresholds of soa-values, each at the timer written, and the discontinued SPF type', () => {
    const spec = resolveText(base('    soa: { refresh: 1h, retry: 2h, expire: 30m }\n    records: [{ name: "@", type: SPF, value: "v=spf1 -all" }]\n'));
    expect(errors(spec)).toEqual([]);
    const found = judged(spec).join('\n');
    expect(found).toMatch(/^7:44 warning soa-values SOA expire 1800 \(30m\) is below Zonemaster's minimum/m);
    expect(found).toMatch(/^7:32 info soa-values SOA retry 7200 \(2h\) is not shorter than refresh 3600/m);
    expect(found).toMatch(/^8:15 warning spf-record the SPF record type \(99\) is discontinued/m);
  });
});

describe('problems in defaults', () => {
  it('are reported once, naming the zones that inherit them', () => {
    const zones = ['a', 'b', 'c', 'd', 'e'].map((z) => `  - domain: ${z}.example\n`).join('');
    const spec = resolveText(
      `version: 1\ndefaults:\n  soa: { primary: ns1.example.net, contact: hostmaster@example.net }\n  nameservers: [ns1.example.net, ns2.example.net]\n  mx: [mail]\nzones:\n${zones}  - domain: f.example\n    hosts: { mail: 192.0.2.25 }\n`,
    );
    expect(errors(spec)).toEqual([]);
    expect(judged(spec, 'error')).toEqual([
      expect.stringMatching(/^5:8 error target-no-address MX target mail.a.example. of a.example. has no A or AAAA record.* \(also in zones b.example, c.example, d.example and 1 more\)$/),
    ]);
    expect(spec.zones.map((z) => z.domain)).toEqual(['a.example', 'b.example', 'c.example', 'd.example', 'e.example', 'f.example']);
  });

  it('a spec problem in defaults is reported once too', () => {
    const zones = ['a', 'b'].map((z) => `  - domain: ${z}.example\n`).join('');
    const spec = resolveText(
      `version: 1\ndefaults:\n  soa: { primary: ns1.example.net, contact: hostmaster@example.net }\n  nameservers: [ns1.example.net, ns2.example.net]\n  hosts: { www: 192.0.2.999 }\nzones:\n${zones}`,
    );
    expect(errors(spec)).toEqual(['5:17 "192.0.2.999" is not an IPv4 address (192.0.2.10) or IPv6 address (2001:db8::10) (zones a.example, b.example)']);
  });
});
