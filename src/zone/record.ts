/**
 * The Zone model both roads lead into: records read from a zone file and records resolved from a
 * spec have this one shape. It knows nothing of files, command lines or output formats.
 */
import type { Name } from './name.js';

/**
 * Record data as named fields. Which fields a type has, and how each is read, written and encoded,
 * is declared once per type in src/zone/rdata.ts. Names are `Name`, integers are `number`
 * (or `bigint` above 2^53), binary data is `Uint8Array`, character-strings are `Uint8Array`.
 */
export type RdataValue = number | bigint | string | Name | Uint8Array | readonly RdataValue[];
export type Rdata = { readonly [field: string]: RdataValue };

export interface ResourceRecord<D extends Rdata = Rdata> {
  owner: Name;
  ttl: number;
  /** `IN`, `CH`, `HS` or `CLASSnnn`. */
  class: string;
  /** Mnemonic (`MX`) or `TYPEnnn` for types without one. */
  type: string;
  data: D;
}

/**
 * The types a name with a CNAME may also hold: the CNAME itself and the DNSSEC records about the
 * name (RFC 2181 §10.1, RFC 4034 §3 and §4, RFC 4035 §2.5), plus the SIG and KEY of RFC 2535 that
 * BIND still allows there. Checked with named-checkzone 9.18: CNAME beside RRSIG, NSEC, SIG or KEY
 * loads; beside NXT (RFC 2535's NSEC) or any other type the zone is refused. The zone checks, the
 * lint rules and the spec resolver all read this one set.
 */
export const TYPES_BESIDE_CNAME: ReadonlySet<string> = new Set(['CNAME', 'RRSIG', 'NSEC', 'SIG', 'KEY']);

/* Typed views of the data of the types that zonesmith writes and checks. */
export interface SoaData extends Rdata {
  mname: Name;
  rname: Name;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}
export interface AddressData extends Rdata {
  /** Canonical text: dotted quad, or RFC 5952 IPv6. */
  address: string;
}
/** NS, CNAME, PTR, DNAME. */
export interface TargetData extends Rdata {
  target: Name;
}
export interface MxData extends Rdata {
  preference: number;
  exchange: Name;
}
export interface SrvData extends Rdata {
  priority: number;
  weight: number;
  port: number;
  target: Name;
}
/** TXT, SPF: each character-string as raw octets. */
export interface TxtData extends Rdata {
  strings: readonly Uint8Array[];
}
export interface CaaData extends Rdata {
  flags: number;
  tag: string;
  value: Uint8Array;
}

export interface TypedRecords {
  SOA: SoaData;
  A: AddressData;
  AAAA: AddressData;
  NS: TargetData;
  CNAME: TargetData;
  PTR: TargetData;
  DNAME: TargetData;
  MX: MxData;
  SRV: SrvData;
  TXT: TxtData;
  SPF: TxtData;
  CAA: CaaData;
}

/** Narrows a record to a typed view when its type matches. */
export function isType<T extends keyof TypedRecords>(
  record: ResourceRecord,
  type: T,
): record is ResourceRecord<TypedRecords[T]> {
  return record.type === type;
}

/** A zone as a whole: what the generator builds and renders. */
export interface Zone {
  origin: Name;
  /** The `$TTL` written at the top of the file. */
  defaultTtl: number;
  records: ResourceRecord[];
}
