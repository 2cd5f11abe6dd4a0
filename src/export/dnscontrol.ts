/**
 * `export --to dnscontrol`: a `dnsconfig.js` with one `D(...)` per zone. Facts from dnscontrol's
 * documentation (documentation/language-reference/domain-modifiers/*.md):
 * - record functions take the name relative to the domain, `@` for the apex: A(name, address),
 *   AAAA, CNAME(name, target), DNAME, PTR, NS (not at the apex), MX(name, priority, target),
 *   SRV(name, priority, weight, port, target), TXT(name, contents: string | string[]),
 *   CAA(name, tag, value) with CAA_CRITICAL for flag 128, SSHFP(name, algorithm, type, value),
 *   TLSA(name, usage, selector, type, certificate), DS(name, keytag, algorithm, digesttype, digest),
 *   NAPTR(subdomain, order, preference, terminalflag, service, regexp, target);
 * - a target with any dot must be fully qualified, ending in `.` (all targets here are);
 * - the apex NS records are NAMESERVER(name), their TTL NAMESERVER_TTL(ttl); DefaultTTL(ttl) is
 *   the TTL of records without TTL(ttl).
 * TXT contents are given as a list when the record has several character-strings, so their
 * boundaries are kept.
 */
import { formatRdata } from '../zone/rdata.js';
import type { ResourceRecord } from '../zone/record.js';
import { commonTtl, groupRRsets, partitionInZone, rrsetLabel, utf8Text, rdataWords, type ExportNote, type ExportResult, type ExportZone } from './model.js';

const DOCS = 'https://github.com/StackExchange/dnscontrol/tree/main/documentation/language-reference/domain-modifiers';

type Arg = string | number | readonly string[];

const CAA_CRITICAL = 128;

/** Each type's arguments after the name; undefined when the data cannot be given (not UTF-8). */
const ARGS_OF: Readonly<Record<string, (r: ResourceRecord) => Arg[] | undefined>> = {
  A: (r) => [String(r.data.address)],
  AAAA: (r) => [String(r.data.address)],
  CNAME: (r) => [r.data.target!.toString()],
  DNAME: (r) => [r.data.target!.toString()],
  PTR: (r) => [r.data.target!.toString()],
  NS: (r) => [r.data.target!.toString()],
  MX: (r) => [Number(r.data.preference), r.data.exchange!.toString()],
  SRV: (r) => [Number(r.data.priority), Number(r.data.weight), Number(r.data.port), r.data.target!.toString()],
  TXT: (r) => {
    const texts = (r.data.strings as readonly Uint8Array[]).map(utf8Text);
    if (texts.some((t) => t === undefined)) return undefined;
    return [texts.length === 1 ? texts[0]! : (texts as string[])];
  },
  CAA: (r) => {
    const value = utf8Text(r.data.value as Uint8Array);
    return value === undefined ? undefined : [String(r.data.tag), value];
  },
  SSHFP: (r) => {
    const [algorithm, type, ...rest] = rdataWords(r);
    return [Number(algorithm), Number(type), rest.join('')];
  },
  TLSA: (r) => {
    const [usage, selector, type, ...rest] = rdataWords(r);
    return [Number(usage), Number(selector), Number(type), rest.join('')];
  },
  DS: (r) => {
    const [keyTag, algorithm, digestType, ...rest] = rdataWords(r);
    return [Number(keyTag), Number(algorithm), Number(digestType), rest.join('')];
  },
  NAPTR: (r) => {
    const texts = ['flags', 'services', 'regexp'].map((f) => utf8Text(r.data[f] as Uint8Array));
    if (texts.some((t) => t === undefined)) return undefined;
    return [Number(r.data.order), Number(r.data.preference), texts[0]!, texts[1]!, texts[2]!, r.data.replacement!.toString()];
  },
};

/** A JavaScript literal: JSON is valid JavaScript for strings, numbers and arrays of strings. */
function literal(arg: Arg): string {
  return typeof arg === 'number' ? String(arg) : JSON.stringify(arg).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The `D(...)` text of one zone, and the notes about it. */
export function dnscontrolDomain(zone: ExportZone, notes: ExportNote[]): string {
  const sets = partitionInZone(zone, groupRRsets(zone.records), notes);
  const defaultTtl = commonTtl(sets);
  const lines: string[] = [`DefaultTTL(${defaultTtl})`];
  const body: string[] = [];
  for (const set of sets) {
    const label = rrsetLabel(set);
    const apex = set.owner.equals(zone.origin);
    if (set.type === 'SOA') {
      notes.push({ kind: 'left-out', rrset: label, message: 'the SOA is the DNS provider\'s (dnscontrol\'s SOA() serves only a few providers)', source: `${DOCS}/SOA.md` });
      continue;
    }
    if (set.type === 'NS' && apex) {
      if (set.ttl !== defaultTtl) lines.push(`NAMESERVER_TTL(${set.ttl})`);
      for (const r of set.records) lines.push(`NAMESERVER(${literal(r.data.target!.toString())})`);
      continue;
    }
    const argsOf = ARGS_OF[set.type];
    if (!argsOf) {
      notes.push({ kind: 'left-out', rrset: label, message: `zonesmith writes no dnscontrol function for ${set.type}`, source: DOCS });
      continue;
    }
    const name = set.owner.relativeTo(zone.origin);
    if (/[^A-Za-z0-9_*.@-]/.test(name)) {
      notes.push({ kind: 'warning', rrset: label, message: `the name "${name}" holds characters beyond letters, digits, "-", "_" and "*": check how dnscontrol reads it`, source: DOCS });
    }
    for (const r of set.records) {
      const args = argsOf(r);
      if (!args) {
        notes.push({ kind: 'left-out', rrset: label, message: `${formatRdata(r.type, r.data)}: not UTF-8 text, which a JavaScript string cannot carry as octets`, source: DOCS });
        continue;
      }
      const modifiers: string[] = [];
      if (set.ttl !== defaultTtl) modifiers.push(`TTL(${set.ttl})`);
      if (set.type === 'CAA') {
        const flags = Number(r.data.flags);
        if (flags === CAA_CRITICAL) modifiers.push('CAA_CRITICAL');
        else if (flags !== 0) notes.push({ kind: 'changed', rrset: label, message: `CAA flags ${flags}: dnscontrol sets only the critical flag (128); written as 0`, source: `${DOCS}/CAA.md` });
      }
      if ((set.type === 'SRV' || set.type === 'MX') && r.data[set.type === 'SRV' ? 'target' : 'exchange']!.toString() === '.') {
        notes.push({ kind: 'warning', rrset: label, message: 'target "." (service not offered / null MX): some dnscontrol versions reject it (dnscontrol issue #3997)', source: 'https://github.com/StackExchange/dnscontrol/issues/3997' });
      }
      body.push(`${set.type}(${[literal(name), ...args.map(literal), ...modifiers].join(', ')})`);
    }
  }
  const all = [...lines, ...body];
  return `D(${literal(zone.origin.toString().replace(/\.$/, ''))}, REG_NONE, DnsProvider(DSP_MAIN),\n${all.map((l) => `  ${l},\n`).join('')});\n`;
}

export function exportDnscontrol(zones: readonly ExportZone[]): ExportResult {
  const notes: ExportNote[] = [];
  const domains = zones.map((zone) => dnscontrolDomain(zone, notes));
  const text = [
    '// dnsconfig.js written by zonesmith export --to dnscontrol.',
    '// REG_NONE: the registrar is not managed here. DSP_MAIN: name the DNS provider of your creds.json.',
    'var REG_NONE = NewRegistrar("none");',
    'var DSP_MAIN = NewDnsProvider("main");',
    '',
    ...domains,
  ].join('\n');
  return { files: [{ suffix: '', text }], notes };
}
