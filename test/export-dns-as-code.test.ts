/**
 * The DNS-as-code exports, checked without the tools themselves (neither octoDNS nor dnscontrol can
 * be installed here): octoDNS's YAML against a JSON Schema written from its documentation and
 * against its YamlProvider's key order, then read back; dnsconfig.js run in Node against stubs of
 * dnscontrol's documented functions; dns-zonefile's JSON fed to the real package and its zone
 * loaded in BIND. Each ends with the records it came from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { default as formatsPlugin } from 'ajv-formats';
import { generate as dnsZonefileGenerate } from 'dns-zonefile';
import { parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readOctodnsZone } from '../src/adopt/octodns-read.js';
import { exportZones, type ExportZone } from '../src/export/index.js';
import { compareNatural } from '../src/export/natural-sort.js';
import { parseZone } from '../src/index.js';
import { Name } from '../src/zone/name.js';
import type { ResourceRecord } from '../src/zone/record.js';
import { bindAvailable, checkZoneText } from './helpers/bind.js';
import { EXAMPLE_SPECS, notSoaOrApexNs, recordSet, specZones } from './helpers/export-source.js';
import { expectGolden } from './helpers/golden.js';
import { REPO_ROOT } from './helpers/shared.js';

const RICH = join(REPO_ROOT, 'test/fixtures/export/source/rich.example.dns');

function richZone(): ExportZone {
  const parsed = parseZone(readFileSync(RICH, 'utf8'), { file: RICH, origin: 'rich.example.' });
  return { origin: parsed.origin, records: parsed.records };
}

const SOURCES: { name: string; zones: () => ExportZone[] }[] = [
  ...EXAMPLE_SPECS.map((spec) => ({ name: spec.replace(/^examples\/|\.yaml$/g, ''), zones: () => specZones(spec) })),
  { name: 'rich.example', zones: () => [richZone()] },
];

/** The types each export names as left out of the rich zone (and only those). */
const leftOutTypes = (notes: { kind: string; rrset?: string }[]) => new Set(notes.filter((n) => n.kind === 'left-out').map((n) => n.rrset!));

describe('natural order, as octoDNS enforces it (natsort_keygen)', () => {
  it('numbers compare as numbers, a leading number sorts before text, text by code point', () => {
    const keys = ['www', 'a10', '*', '10', 'b', '', 'a9', '_imaps._tcp', 'WWW', '9', 'a1'];
    expect([...keys].sort(compareNatural)).toEqual(['', '9', '10', '*', 'WWW', '_imaps._tcp', 'a1', 'a9', 'a10', 'b', 'www']);
  });
});

describe('export --to octodns', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (formatsPlugin as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/octodns-zone.schema.json'), 'utf8')));

  it('the schema refuses what octoDNS\'s docs refuse', () => {
    expect(validate({ www: { type: 'CNAME', value: 'example.com' } })).toBe(false); // target without its dot
    expect(validate({ '': { type: 'TXT', value: 'v=DKIM1; k=rsa' } })).toBe(false); // unescaped ;
    expect(validate({ '': { type: 'MX', value: { exchange: 'mx.example.com.' } } })).toBe(false); // no preference
    expect(validate({ '': { type: 'A', value: '192.0.2.1', values: ['192.0.2.2'] } })).toBe(false); // both
    expect(validate({ '': { type: 'TXT', value: 'v=DKIM1\\; k=rsa', ttl: 300 } })).toBe(true);
  });

  for (const source of SOURCES) {
    it(`${source.name}: golden, valid by the schema, keys in enforce_order, read back to the same records`, () => {
      for (const zone of source.zones()) {
        const outcome = exportZones([zone], { to: 'octodns' });
        const file = outcome.files[0]!;
        expectGolden(`export/octodns/${file.name}`, file.text);
        const doc = parseDocument(file.text, { version: '1.1' });
        expect(doc.errors).toEqual([]);
        expect(validate(doc.toJS()), JSON.stringify(validate.errors)).toBe(true);
        visit(doc, {
          Map(_, map) {
            const keys = map.items.map((p) => String((p.key as { value: unknown }).value));
            expect(keys, 'keys out of order').toEqual([...keys].sort(compareNatural));
          },
        });
        // Read back (as init --from reads it): the records, less the SOA and what was named.
        const read = readOctodnsZone(file.text, zone.origin);
        expect(read.problems).toEqual([]);
        const leftOut = leftOutTypes(outcome.notes);
        // TXT cut into strings other than octoDNS's 255-octet chunks comes back as the same text, cut anew.
        const rechunked = new Set(outcome.notes.filter((n) => n.kind === 'changed').map((n) => n.rrset!));
        const label = (r: ResourceRecord) => `${r.owner.toString()} ${r.type}`;
        const carried = (r: ResourceRecord) => r.type !== 'SOA' && !leftOut.has(label(r)) && !rechunked.has(label(r));
        expect(recordSet(read.records, carried)).toEqual(recordSet(zone.records, carried));
        const joined = (records: readonly ResourceRecord[]) =>
          records.filter((r) => rechunked.has(label(r))).map((r) => `${label(r)} ${Buffer.concat(r.data.strings as Uint8Array[]).toString('latin1')}`).sort();
        expect(joined(read.records)).toEqual(joined(zone.records));
      }
    });
  }

  it('names what it cannot carry: the SOA, HINFO, the string boundaries of TXT', () => {
    const outcome = exportZones([richZone()], { to: 'octodns' });
    const said = outcome.notes.map((n) => `${n.kind} ${n.rrset}`);
    expect(said).toContain('left-out rich.example. SOA');
    expect(said).toContain('left-out info.rich.example. HINFO');
    expect(said).toContain('changed semi.rich.example. TXT');
    expect(outcome.files[0]!.text).toContain('value: a\\;bc');
  });
});

/**
 * dnscontrol's documented functions (documentation/language-reference/domain-modifiers/*.md), as
 * stubs that check each argument against the documented parameter types and collect the records.
 */
function runDnsconfig(js: string): { domains: Map<string, string[]>; problems: string[] } {
  const problems: string[] = [];
  const domains = new Map<string, string[]>();
  const isTarget = (s: unknown) => typeof s === 'string' && (!s.includes('.') || s.endsWith('.'));
  const isU16 = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 65535;
  const isU8 = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 255;
  const quote = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  type Check = (args: unknown[]) => string | undefined; // the rdata text, or undefined with a problem pushed
  const record = (type: string, arity: number, check: Check) => (name: unknown, ...rest: unknown[]) => {
    const args = rest.slice(0, arity);
    const modifiers = rest.slice(arity);
    if (typeof name !== 'string') problems.push(`${type}: name ${String(name)} is not a string`);
    const rdata = check(args);
    if (rdata === undefined) problems.push(`${type}(${JSON.stringify([name, ...args])}): arguments do not match the documentation`);
    return { kind: 'record', type, name, rdata, modifiers };
  };
  const sandbox = {
    NewRegistrar: (name: unknown) => (typeof name === 'string' ? { kind: 'registrar' } : problems.push('NewRegistrar')),
    NewDnsProvider: (name: unknown) => (typeof name === 'string' ? { kind: 'dsp' } : problems.push('NewDnsProvider')),
    DnsProvider: (dsp: { kind?: string }) => (dsp?.kind === 'dsp' ? { kind: 'provider' } : problems.push('DnsProvider')),
    DefaultTTL: (ttl: unknown) => (Number.isInteger(ttl) ? { kind: 'defaultTtl', ttl } : problems.push('DefaultTTL')),
    TTL: (ttl: unknown) => (Number.isInteger(ttl) ? { kind: 'ttl', ttl } : problems.push('TTL')),
    NAMESERVER_TTL: (ttl: unknown) => (Number.isInteger(ttl) ? { kind: 'nsTtl', ttl } : problems.push('NAMESERVER_TTL')),
    NAMESERVER: (name: unknown) => (isTarget(name) ? { kind: 'nameserver', name } : problems.push(`NAMESERVER(${String(name)})`)),
    CAA_CRITICAL: { kind: 'caaCritical' },
    A: record('A', 1, ([a]) => (typeof a === 'string' ? a : undefined)),
    AAAA: record('AAAA', 1, ([a]) => (typeof a === 'string' ? a : undefined)),
    CNAME: record('CNAME', 1, ([t]) => (isTarget(t) ? String(t) : undefined)),
    DNAME: record('DNAME', 1, ([t]) => (isTarget(t) ? String(t) : undefined)),
    PTR: record('PTR', 1, ([t]) => (isTarget(t) ? String(t) : undefined)),
    NS: record('NS', 1, ([t]) => (isTarget(t) ? String(t) : undefined)),
    MX: record('MX', 2, ([p, t]) => (isU16(p) && isTarget(t) ? `${String(p)} ${String(t)}` : undefined)),
    SRV: record('SRV', 4, ([p, w, port, t]) => (isU16(p) && isU16(w) && isU16(port) && isTarget(t) ? `${String(p)} ${String(w)} ${String(port)} ${String(t)}` : undefined)),
    TXT: record('TXT', 1, ([c]) => (typeof c === 'string' ? quote(c) : Array.isArray(c) && c.every((s) => typeof s === 'string') ? c.map(quote).join(' ') : undefined)),
    CAA: record('CAA', 2, ([tag, value]) => (typeof tag === 'string' && typeof value === 'string' ? `${tag} ${quote(value)}` : undefined)),
    SSHFP: record('SSHFP', 3, ([a, t, v]) => ([0, 1, 2, 3, 4].includes(a as number) && [0, 1, 2].includes(t as number) && typeof v === 'string' ? `${String(a)} ${String(t)} ${v}` : undefined)),
    TLSA: record('TLSA', 4, ([u, s, t, c]) => (isU8(u) && isU8(s) && isU8(t) && typeof c === 'string' ? `${String(u)} ${String(s)} ${String(t)} ${c}` : undefined)),
    DS: record('DS', 4, ([k, a, d, digest]) => (isU16(k) && isU8(a) && isU8(d) && typeof digest === 'string' ? `${String(k)} ${String(a)} ${String(d)} ${digest}` : undefined)),
    NAPTR: record('NAPTR', 6, ([o, p, f, s, r, t]) =>
      isU16(o) && isU16(p) && typeof f === 'string' && typeof s === 'string' && typeof r === 'string' && isTarget(t) ? `${String(o)} ${String(p)} ${quote(f)} ${quote(s)} ${quote(r)} ${String(t)}` : undefined,
    ),
    D: (name: unknown, registrar: { kind?: string }, ...items: { kind: string; [k: string]: unknown }[]) => {
      if (typeof name !== 'string' || registrar?.kind !== 'registrar') problems.push(`D(${String(name)})`);
      const origin = `${String(name)}.`;
      const defaultTtl = (items.find((i) => i.kind === 'defaultTtl')?.ttl as number | undefined) ?? 300;
      const nsTtl = (items.find((i) => i.kind === 'nsTtl')?.ttl as number | undefined) ?? defaultTtl;
      const lines: string[] = [];
      for (const item of items) {
        if (item.kind === 'nameserver') lines.push(`${origin} ${nsTtl} IN NS ${String(item.name)}`);
        if (item.kind !== 'record') continue;
        const mods = item.modifiers as { kind: string; ttl?: number }[];
        const ttl = mods.find((m) => m.kind === 'ttl')?.ttl ?? defaultTtl;
        const owner = item.name === '@' ? origin : `${String(item.name)}.${origin}`;
        const rdata = item.type === 'CAA' ? `${mods.some((m) => m.kind === 'caaCritical') ? 128 : 0} ${String(item.rdata)}` : String(item.rdata);
        lines.push(`${owner} ${ttl} IN ${String(item.type)} ${rdata}`);
      }
      domains.set(String(name), lines);
    },
  };
  runInNewContext(js, sandbox, { timeout: 5000 });
  return { domains, problems };
}

describe('export --to dnscontrol', () => {
  for (const source of SOURCES) {
    it(`${source.name}: golden; run against stubs of dnscontrol's documented functions, it gives the records back`, () => {
      const zones = source.zones();
      const outcome = exportZones(zones, { to: 'dnscontrol' });
      const js = outcome.files[0]!.text;
      expectGolden(`export/dnscontrol/${source.name}.dnsconfig.js`, js);
      const { domains, problems } = runDnsconfig(js);
      expect(problems).toEqual([]);
      const leftOut = leftOutTypes(outcome.notes);
      for (const zone of zones) {
        const lines = domains.get(zone.origin.toString().replace(/\.$/, ''))!;
        const read = parseZone(lines.join('\n') + '\n', { origin: zone.origin });
        expect(read.problems.filter((p) => p.severity === 'error' && p.kind !== 'no-soa')).toEqual([]);
        const carried = (r: ResourceRecord) => r.type !== 'SOA' && !leftOut.has(`${r.owner.toString()} ${r.type}`);
        expect(recordSet(read.records)).toEqual(recordSet(zone.records, carried));
      }
    });
  }

  it('names what it cannot carry: the SOA, HINFO, CAA flags other than 128; warns of target "."', () => {
    const outcome = exportZones([richZone()], { to: 'dnscontrol' });
    const said = outcome.notes.map((n) => `${n.kind} ${n.rrset}`);
    expect(said).toEqual(expect.arrayContaining(['left-out rich.example. SOA', 'left-out info.rich.example. HINFO', 'warning _pop3._tcp.rich.example. SRV']));
  });
});

describe('export --to dns-zonefile', () => {
  for (const source of SOURCES) {
    it(`${source.name}: golden; dns-zonefile's generate() writes a zone BIND loads, with the same records`, () => {
      for (const zone of source.zones()) {
        const outcome = exportZones([zone], { to: 'dns-zonefile' });
        const file = outcome.files[0]!;
        expectGolden(`export/dns-zonefile/${file.name}`, file.text);
        const text = dnsZonefileGenerate(JSON.parse(file.text));
        if (bindAvailable()) {
          const verdict = checkZoneText(zone.origin.toString(), text);
          expect(verdict.code, verdict.lines.join('\n')).toBe(0);
        }
        const read = parseZone(text, { origin: zone.origin });
        expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const leftOut = leftOutTypes(outcome.notes);
        expect(recordSet(read.records)).toEqual(recordSet(zone.records, (r) => !leftOut.has(`${r.owner.toString()} ${r.type}`)));
      }
    });
  }

  it('names the types its JSON has no list for', () => {
    const said = exportZones([richZone()], { to: 'dns-zonefile' }).notes.map((n) => `${n.kind} ${n.rrset}`);
    expect(said.sort()).toEqual(
      ['left-out _443._tcp.www.rich.example. TLSA', 'left-out host.rich.example. SSHFP', 'left-out info.rich.example. HINFO', 'left-out sip.rich.example. NAPTR'].sort(),
    );
  });
});

it('the stub checker is not blind: a relative multi-label target fails', () => {
  expect(runDnsconfig('var R = NewRegistrar("none"); D("x.example", R, CNAME("a", "b.c"))').problems).not.toEqual([]);
  expect(runDnsconfig('var R = NewRegistrar("none"); D("x.example", R, MX("@", 70000, "mx.example."))').problems).not.toEqual([]);
});
