/**
 * `export --to octodns`: the zone file octoDNS's YamlProvider reads (`<zone>.yaml` in its
 * directory), with its keys in the order the provider's `enforce_order` demands (natural-sort.ts).
 * Facts from octoDNS's docs/records.rst and its record classes (octodns/record/*.py):
 * - each top-level key is a name relative to the zone, `''` the apex; its value is one record or a
 *   list of records (one per type);
 * - a record has `type`, `ttl`, and `value` or `values`; MX values are {exchange, preference}, SRV
 *   {port, priority, target, weight}, CAA {flags, tag, value}, SSHFP {algorithm, fingerprint,
 *   fingerprint_type}, TLSA {certificate_association_data, certificate_usage, matching_type,
 *   selector}, DS {algorithm, digest, digest_type, key_tag}, NAPTR {flags, order, preference,
 *   regexp, replacement, service}; targets are fully qualified with a trailing dot;
 * - TXT/SPF values are one text (the character-strings joined; octoDNS chunks it again at 255
 *   octets) with `;` escaped as `\;`, ASCII unless the record is `lenient`;
 * - there is no SOA record type; the class is always IN.
 */
import { Document } from 'yaml';
import { formatRdata } from '../zone/rdata.js';
import type { ResourceRecord } from '../zone/record.js';
import { splitCharacterStrings } from '../spec/values.js';
import { groupRRsets, partitionInZone, rrsetLabel, utf8Text, rdataWords, type ExportNote, type ExportResult, type ExportZone, type RRset } from './model.js';
import { compareNatural } from './natural-sort.js';

const RECORDS_DOC = 'https://github.com/octodns/octodns/blob/main/docs/records.rst';

type Value = string | Record<string, string | number>;

/** The types written, and each one's value. Types absent here are named in the notes. */
const VALUE_OF: Readonly<Record<string, (r: ResourceRecord) => Value | undefined>> = {
  A: (r) => String(r.data.address),
  AAAA: (r) => String(r.data.address),
  CNAME: (r) => r.data.target!.toString(),
  DNAME: (r) => r.data.target!.toString(),
  PTR: (r) => r.data.target!.toString(),
  NS: (r) => r.data.target!.toString(),
  MX: (r) => ({ exchange: r.data.exchange!.toString(), preference: Number(r.data.preference) }),
  SRV: (r) => ({ port: Number(r.data.port), priority: Number(r.data.priority), target: r.data.target!.toString(), weight: Number(r.data.weight) }),
  CAA: (r) => {
    const value = utf8Text(r.data.value as Uint8Array);
    return value === undefined ? undefined : { flags: Number(r.data.flags), tag: String(r.data.tag), value };
  },
  SSHFP: (r) => {
    const [algorithm, type, ...rest] = rdataWords(r);
    return { algorithm: Number(algorithm), fingerprint: rest.join(''), fingerprint_type: Number(type) };
  },
  TLSA: (r) => {
    const [usage, selector, matching, ...rest] = rdataWords(r);
    return { certificate_association_data: rest.join(''), certificate_usage: Number(usage), matching_type: Number(matching), selector: Number(selector) };
  },
  DS: (r) => {
    const [keyTag, algorithm, digestType, ...rest] = rdataWords(r);
    return { algorithm: Number(algorithm), digest: rest.join(''), digest_type: Number(digestType), key_tag: Number(keyTag) };
  },
  NAPTR: (r) => {
    const text = (field: string) => utf8Text(r.data[field] as Uint8Array);
    const [flags, service, regexp] = [text('flags'), text('services'), text('regexp')];
    if (flags === undefined || service === undefined || regexp === undefined) return undefined;
    return { flags, order: Number(r.data.order), preference: Number(r.data.preference), regexp, replacement: r.data.replacement!.toString(), service };
  },
  TXT: (r) => txtValue(r),
  SPF: (r) => txtValue(r),
};

/** Types octoDNS holds one value of (CNAME-like): written with `value`. */
const SINGLE = new Set(['CNAME', 'DNAME']);

function joined(r: ResourceRecord): Uint8Array {
  const strings = r.data.strings as readonly Uint8Array[];
  let length = 0;
  for (const s of strings) length += s.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const s of strings) {
    out.set(s, at);
    at += s.length;
  }
  return out;
}

function txtValue(r: ResourceRecord): string | undefined {
  const text = utf8Text(joined(r));
  return text === undefined ? undefined : text.replace(/;/g, '\\;');
}

/** Whether octoDNS's own chunking (255 octets) gives back the record's character-strings. */
function sameChunks(r: ResourceRecord): boolean {
  const strings = r.data.strings as readonly Uint8Array[];
  const text = utf8Text(joined(r)) ?? '';
  const again = splitCharacterStrings(text);
  return again.length === strings.length && again.every((s, i) => s.length === strings[i]!.length);
}

function sortKey(value: Value): string {
  if (typeof value === 'string') return value;
  // The fields octoDNS's values compare by (preference, priority, ...) lead, as numbers padded.
  const order = ['preference', 'order', 'priority', 'weight', 'port', 'flags', 'key_tag', 'algorithm', 'certificate_usage', 'selector', 'matching_type'];
  return [...order.filter((k) => k in value).map((k) => String(value[k]).padStart(5, '0')), JSON.stringify(value)].join(' ');
}

function sortedValue(value: Value): Value {
  if (typeof value === 'string') return value;
  return Object.fromEntries(Object.keys(value).sort(compareNatural).map((k) => [k, value[k]!]));
}

export function exportOctodns(zone: ExportZone): ExportResult {
  const notes: ExportNote[] = [];
  const byName = new Map<string, Record<string, unknown>[]>();
  for (const set of partitionInZone(zone, groupRRsets(zone.records), notes)) {
    const record = octodnsRecord(set, zone, notes);
    if (!record) continue;
    const name = set.owner.equals(zone.origin) ? '' : set.owner.relativeTo(zone.origin);
    const list = byName.get(name);
    if (list) list.push(record);
    else byName.set(name, [record]);
  }
  const data: Record<string, unknown> = {};
  for (const name of [...byName.keys()].sort(compareNatural)) {
    const records = byName.get(name)!.sort((a, b) => compareNatural(String(a.type), String(b.type)));
    data[name] = records.length === 1 ? records[0] : records;
  }
  // YAML 1.1 output: octoDNS reads with PyYAML, to which `yes`, `on` or `0x10` unquoted are not strings.
  const doc = new Document(data, { version: '1.1' });
  const text = `---\n${doc.toString({ lineWidth: 0, indentSeq: true })}`;
  return { files: [{ suffix: '', text: Object.keys(data).length === 0 ? '--- {}\n' : text }], notes };
}

function octodnsRecord(set: RRset, zone: ExportZone, notes: ExportNote[]): Record<string, unknown> | undefined {
  const label = rrsetLabel(set);
  if (set.type === 'SOA') {
    notes.push({ kind: 'left-out', rrset: label, message: 'octoDNS has no SOA record: the provider it syncs to keeps its own', source: RECORDS_DOC });
    return undefined;
  }
  const valueOf = VALUE_OF[set.type];
  if (!valueOf) {
    notes.push({ kind: 'left-out', rrset: label, message: `octoDNS has no ${set.type} record type (or zonesmith does not write it yet)`, source: RECORDS_DOC });
    return undefined;
  }
  const values: Value[] = [];
  for (const record of set.records) {
    const value = valueOf(record);
    if (value === undefined) {
      notes.push({ kind: 'left-out', rrset: label, message: `${formatRdata(record.type, record.data)}: octoDNS values are Unicode text, and this data is not UTF-8`, source: RECORDS_DOC });
      return undefined;
    }
    values.push(sortedValue(value));
  }
  let lenient = false;
  if (set.type === 'TXT' || set.type === 'SPF') {
    if (set.records.some((r) => !sameChunks(r))) {
      notes.push({ kind: 'changed', rrset: label, message: 'octoDNS joins the character-strings and cuts them again at 255 octets: the text is kept, the string boundaries are not', source: RECORDS_DOC });
    }
    if (values.some((v) => /[^\x20-\x7e]/.test(String(v)))) {
      lenient = true;
      notes.push({ kind: 'changed', rrset: label, message: 'text outside printable ASCII: octoDNS accepts it only with `octodns: {lenient: true}`, which is set', source: RECORDS_DOC });
    }
  }
  if (SINGLE.has(set.type) && values.length > 1) {
    notes.push({ kind: 'left-out', rrset: label, message: `octoDNS holds one ${set.type} value per name; this RRset has ${values.length}`, source: RECORDS_DOC });
    return undefined;
  }
  if (set.type === 'CNAME' && set.owner.equals(zone.origin)) {
    notes.push({ kind: 'changed', rrset: label, message: 'octoDNS refuses a CNAME at the zone apex unless lenient; set', source: RECORDS_DOC });
    lenient = true;
  }
  values.sort((a, b) => compareNatural(sortKey(a), sortKey(b)));
  const record: Record<string, unknown> = {};
  if (lenient) record.octodns = { lenient: true };
  record.ttl = set.ttl;
  record.type = set.type;
  if (values.length === 1) record.value = values[0];
  else record.values = values;
  return record;
}
