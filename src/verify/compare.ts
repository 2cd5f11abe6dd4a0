/**
 * `verify`'s judgement, apart from the network: the RRsets a zone defines, and what each server's
 * answer to them says (match, missing, different data, different TTL, extra records), plus the SOA
 * serial each server has. Text in, values out: the queries are made elsewhere (src/verify/dns-client.ts).
 */
import { Name } from '../zone/name.js';
import { formatRdata, rdataToWire } from '../zone/rdata.js';
import type { Rdata, RdataValue, ResourceRecord, SoaData } from '../zone/record.js';
import { bytesEqual } from '../zone/bytes.js';

/**
 * Types not compared: a signer makes RRSIG and NSEC/NSEC3 anew (their data changes with every
 * signing, and NSEC3 owners are hashes no one queries by name).
 */
const UNCOMPARED_TYPES: ReadonlySet<string> = new Set(['RRSIG', 'NSEC', 'NSEC3']);

/** One RRset the zone defines: the records a server should answer with. */
export interface ExpectedRRset {
  owner: Name;
  type: string;
  /** BIND serves an RRset with one TTL, the first record's ("TTL set to prior TTL"). */
  ttl: number;
  records: ResourceRecord[];
}

/** The RRsets of a zone in the order their first records appear, DNSSEC signatures and chains aside. */
export function expectedRRsets(records: readonly ResourceRecord[]): ExpectedRRset[] {
  const sets = new Map<string, ExpectedRRset>();
  for (const record of records) {
    if (UNCOMPARED_TYPES.has(record.type) || record.class !== 'IN') continue;
    const key = `${record.owner.key} ${record.type}`;
    const set = sets.get(key);
    if (!set) sets.set(key, { owner: record.owner, type: record.type, ttl: record.ttl, records: [record] });
    else if (!set.records.some((r) => sameData(r, record))) set.records.push(record);
  }
  return [...sets.values()];
}

/** What one server said about one RRset. */
export type Answer =
  /** Records of the asked owner and type (from the answer, or from a referral's authority and additional sections). */
  | { kind: 'records'; records: ResourceRecord[] }
  /** The name exists without data of the type (NODATA), or does not exist (NXDOMAIN). */
  | { kind: 'nodata' }
  | { kind: 'nxdomain' }
  /** An alias where data was expected: the server answers with a CNAME (or DNAME) at the name. */
  | { kind: 'alias'; records: ResourceRecord[] }
  /** No usable answer: timeout, unreachable, REFUSED, SERVFAIL, not authoritative, malformed. */
  | { kind: 'error'; reason: string };

export const STATUSES = ['match', 'ttl', 'extra', 'missing', 'different', 'no-answer'] as const;
export type Status = (typeof STATUSES)[number];

export interface RRsetResult {
  status: Status;
  /** Found data, in zone-file form (names absolute), with the TTL it came with. */
  found: { ttl: number; type: string; data: string }[];
  /** Expected records the server does not have, and records it has that the zone does not. */
  missing: string[];
  extra: string[];
  /** Why there is no answer, or what the answer was instead of data (NXDOMAIN, NODATA, CNAME). */
  note?: string;
}

/** Compares one server's answer with the RRset the zone defines. */
export function compareRRset(expected: ExpectedRRset, answer: Answer): RRsetResult {
  switch (answer.kind) {
    case 'error':
      return { status: 'no-answer', found: [], missing: [], extra: [], note: answer.reason };
    case 'nodata':
    case 'nxdomain':
      return {
        status: 'missing',
        found: [],
        missing: expected.records.map(dataText),
        extra: [],
        note: answer.kind === 'nxdomain' ? 'NXDOMAIN: the server has no such name' : `NODATA: the name exists, without ${expected.type}`,
      };
    case 'alias':
      return {
        status: 'different',
        found: answer.records.map(foundOf),
        missing: expected.records.map(dataText),
        extra: answer.records.map((r) => `${r.type} ${dataText(r)}`),
        note: `the server has an alias (${answer.records[0]?.type ?? 'CNAME'}) at the name instead of ${expected.type}`,
      };
    case 'records': {
      const found = answer.records;
      const missing = expected.records.filter((e) => !found.some((f) => sameData(e, f)));
      const extra = found.filter((f) => !expected.records.some((e) => sameData(e, f)));
      const ttls = new Set(found.map((r) => r.ttl));
      const result: RRsetResult = { status: 'match', found: found.map(foundOf), missing: missing.map(dataText), extra: extra.map(dataText) };
      if (missing.length > 0) result.status = found.length === 0 ? 'missing' : 'different';
      else if (extra.length > 0) result.status = 'extra';
      else if (ttls.size !== 1 || !ttls.has(expected.ttl)) {
        result.status = 'ttl';
        result.note = `TTL ${[...ttls].join(', ')} where the zone has ${expected.ttl}`;
      }
      return result;
    }
  }
}

/** An RRset the zone does not define, found when asked for with --type: every record is extra. */
export function unexpectedRRset(answer: Answer): RRsetResult | undefined {
  if (answer.kind !== 'records' || answer.records.length === 0) return undefined;
  return { status: 'extra', found: answer.records.map(foundOf), missing: [], extra: answer.records.map(dataText), note: 'the zone defines no such RRset' };
}

function foundOf(record: ResourceRecord): { ttl: number; type: string; data: string } {
  return { ttl: record.ttl, type: record.type, data: dataText(record) };
}

export function dataText(record: ResourceRecord): string {
  return formatRdata(record.type, record.data);
}

/**
 * Equal data as DNS compares it: names case-insensitively (a server may print a name in the case
 * of the question it compressed it against), everything else octet for octet. The SOA serial is
 * left out: it is reported per server (see serialVerdicts), and a spec's `auto` serial has no value yet.
 */
export function sameData(a: ResourceRecord, b: ResourceRecord): boolean {
  if (a.type !== b.type) return false;
  return bytesEqual(canonicalWire(a), canonicalWire(b));
}

function canonicalWire(record: ResourceRecord): Uint8Array {
  let data = canonicalData(record.data) as Rdata;
  if (record.type === 'SOA') data = { ...(data as SoaData), serial: 0 };
  return rdataToWire(record.type, data);
}

function canonicalData(value: RdataValue | Rdata): RdataValue | Rdata {
  if (value instanceof Name) return Name.fromLabels(value.labels.map(lowerAscii), value.isAbsolute);
  if (Array.isArray(value)) return value.map((v: RdataValue) => canonicalData(v) as RdataValue);
  if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) {
    const out: Record<string, RdataValue> = {};
    for (const [field, v] of Object.entries(value as Rdata)) out[field] = canonicalData(v) as RdataValue;
    return out;
  }
  return value;
}

function lowerAscii(label: string): string {
  return label.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** RFC 1982 serial arithmetic: true when `a` is older than `b`. */
export function serialBefore(a: number, b: number): boolean {
  return a !== b && ((a < b && b - a < 0x80000000) || (a > b && a - b > 0x80000000));
}

export interface SerialVerdict {
  serial: number | undefined;
  /** Set when the server is behind: another server or the zone itself has a newer serial. */
  lag?: string;
}

/**
 * The serial each server answered with, and which lag: behind the newest serial any server has
 * (a secondary that has not transferred yet), or behind the zone's own serial when it is known
 * (`expected`: a zone file's, or a spec's fixed one).
 */
export function serialVerdicts(serials: readonly (number | undefined)[], expected?: number): SerialVerdict[] {
  let newest: number | undefined;
  for (const s of serials) if (s !== undefined && (newest === undefined || serialBefore(newest, s))) newest = s;
  return serials.map((serial) => {
    if (serial === undefined) return { serial };
    if (expected !== undefined && serialBefore(serial, expected)) return { serial, lag: `behind the zone's serial ${expected}` };
    if (newest !== undefined && serialBefore(serial, newest)) return { serial, lag: `behind ${newest}, which another server has` };
    return { serial };
  });
}
