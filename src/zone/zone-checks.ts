/**
 * The zone-level refusals of BIND's zone load (lib/dns/zone.c integrity checks, `named-checkzone -i local`)
 * that need more than one record: CNAME beside other data, more than one CNAME/DNAME at a name, DS at
 * the apex, no NS at the apex, apex NS targets in the zone with no address, that are aliases or lie below a
 * DNAME, NS at a wildcard, CDS/CDNSKEY that match no DNSKEY. Fed the record stream; reads the types per
 * name (with the first place and data of each) from a `NameTable`, its own or one shared with the lint
 * index, plus the apex NS targets and keys, so memory grows with names, not records. Each finding is a
 * `ZoneProblem` of its own kind (problem.ts), with the name it is about: BIND refuses to load such a zone.
 */
import type { SourcePosition } from '../diagnostics.js';
import { latin1String } from './bytes.js';
import { Name } from './name.js';
import { NameTable, NONE } from './name-table.js';
import type { ParsedRecord } from './parser.js';
import { zoneProblem, type ZoneProblem, type ZoneProblemKind } from './problem.js';
import { rdataToWire } from './rdata.js';
import { TYPES_BESIDE_CNAME, type Rdata, type RdataValue, type TargetData } from './record.js';
/** Types of which a name holds at most one record. */
const SINGLETONS = new Set(['CNAME', 'DNAME']);

interface NsTarget {
  target: Name;
  where: SourcePosition;
}

interface KeySet {
  dnskeys: Uint8Array[];
  cds: { wire: Uint8Array; where: SourcePosition }[];
  cdnskeys: { wire: Uint8Array; where: SourcePosition }[];
}

interface PendingNs {
  owner: Name;
  target: Name;
  where: SourcePosition;
}

export class ZoneChecks {
  /** Types per name with the first place and data of each (the first data tells a duplicate singleton from a second one). */
  private readonly names: NameTable;
  /** False when the table is shared: its owner fills it, after this class has seen each record. */
  private readonly fillsNames: boolean;
  /** NS targets at the apex: each must have an address (lib/dns/zone.c zone_check_ns). */
  private readonly apexTargets = new Map<string, NsTarget>();
  /** NS records seen before the SOA told where the apex is. */
  private readonly pendingNs: PendingNs[] = [];
  private apex: Name | undefined;
  /** DNSKEY, CDS and CDNSKEY data per owner (they stand at the apex: a handful of records). */
  private readonly keySets = new Map<string, KeySet>();
  private readonly problems: ZoneProblem[] = [];
  private firstRecord: SourcePosition | undefined;

  /**
   * `shared`: a table someone else fills with every record, after calling `add` with it (the lint
   * engine shares its index's table, so the zone's names are held once); without it, this keeps its own.
   */
  constructor(shared?: NameTable) {
    this.names = shared ?? new NameTable();
    this.fillsNames = shared === undefined;
  }

  add(record: ParsedRecord): void {
    const where = record.position;
    if (!this.firstRecord) this.firstRecord = where;
    const key = record.owner.key;
    const id = this.names.idOf(key);
    const type = record.type;
    const hadCname = this.names.has(id, 'CNAME');
    if (type === 'CNAME' ? this.names.hasTypeOutside(id, TYPES_BESIDE_CNAME) : hadCname && !TYPES_BESIDE_CNAME.has(type)) {
      if (!this.names.has(id, type) || type === 'CNAME') {
        this.error('cname-beside-data', where, record.owner, `${record.owner.toString()}: CNAME and other data: a name with a CNAME can have no other records (RFC 1034 §3.6.2, RFC 2181 §10.1) and BIND refuses the zone; move the other records to the CNAME's target or drop the CNAME`);
      }
    }
    const singleton = SINGLETONS.has(type) ? this.names.rrset(id, type) : NONE;
    if (singleton !== NONE) {
      if (dataKey(type, this.names.firstDataOf(singleton)) !== dataKey(type, record.data)) {
        this.error(type === 'CNAME' ? 'second-cname' : 'second-dname', where, record.owner, `${record.owner.toString()}: more than one ${type} record: a name can have only one ${type} (RFC 2181 §10.1, RFC 6672 §2.4) and BIND refuses the zone; keep one`);
      }
    }
    if (type === 'NS') {
      if (record.owner.firstLabel === '*') {
        this.error('wildcard-ns-owner', where, record.owner, `${record.owner.toString()}: invalid NS owner name (wildcard): NS records cannot be at a wildcard (RFC 4592 §4.2) and BIND refuses the zone; name the delegated zone`);
      }
      const target = (record.data as TargetData).target;
      if (this.apex) this.noteNs(record.owner, target, where, this.apex);
      else this.pendingNs.push({ owner: record.owner, target, where });
    }
    if (type === 'SOA' && !this.apex) this.apex = record.owner;
    if (type === 'DNSKEY' || type === 'CDS' || type === 'CDNSKEY') {
      let keys = this.keySets.get(key);
      if (!keys) this.keySets.set(key, (keys = { dnskeys: [], cds: [], cdnskeys: [] }));
      const wire = rdataToWire(type, record.data);
      if (type === 'DNSKEY') keys.dnskeys.push(wire);
      else (type === 'CDS' ? keys.cds : keys.cdnskeys).push({ wire, where });
    }
    if (this.fillsNames) this.names.add(key, type, record.ttl, record.data, where.file, where.line, where.column, 0);
  }

  /** Whether the name has a record of the type. */
  private has(name: Name, type: string): boolean {
    return this.names.has(this.names.idOf(name.key), type);
  }

  /** The findings, once the whole zone has passed; `apex` is the zone's origin. */
  finish(apex: Name): ZoneProblem[] {
    const top = this.names.idOf(apex.key);
    const ds = this.names.rrset(top, 'DS');
    if (ds !== NONE) this.error('apex-ds', this.names.placeOf(ds), apex, `DS record at top of zone ${apex.toString()}: a DS belongs in the parent zone (RFC 4034 §5) and BIND refuses the zone; remove it here`);
    if (this.firstRecord && !this.names.has(top, 'NS')) {
      const soa = this.names.rrset(top, 'SOA');
      const at = soa === NONE ? this.firstRecord : this.names.placeOf(soa);
      this.error('apex-without-ns', at, apex, `zone ${apex.toString()} has no NS records: BIND refuses it; add "@ IN NS ns1.example.net." for each name server`);
    }
    this.checkCdsAndCdnskey(apex);
    for (const ns of this.pendingNs) this.noteNs(ns.owner, ns.target, ns.where, apex);
    for (const { target, where } of this.apexTargets.values()) this.checkApexNsTarget(target, where, apex);
    return this.problems;
  }

  /** Delegations' NS targets are only logged by BIND (zone_check_glue), never fatal: the linter's rules cover them. */
  private noteNs(owner: Name, target: Name, where: SourcePosition, apex: Name): void {
    if (owner.equals(apex) && !this.apexTargets.has(target.key)) this.apexTargets.set(target.key, { target, where });
  }

  /**
   * BIND's lookup of an in-zone target of the apex NS (zone_check_ns), top-down from the apex: a zone
   * cut on the way means the target is glue below a delegation (fine); a DNAME on the way, a CNAME at
   * the target, or no A/AAAA (nor a wildcard that gives one) is fatal.
   */
  private checkApexNsTarget(target: Name, where: SourcePosition, apex: Name): void {
    if (!target.isSubdomainOf(apex)) return; // out-of-zone targets are not checked locally (-i local)
    const between: Name[] = [];
    for (let n = target.parent(); n.labels.length > apex.labels.length; n = n.parent()) between.push(n);
    // The apex's NS is no zone cut, but a DNAME there redirects everything below it.
    if (this.has(apex, 'DNAME')) {
      this.belowDname(target, apex, where);
      return;
    }
    for (let i = between.length - 1; i >= 0; i--) {
      if (this.has(between[i]!, 'NS')) return;
      if (this.has(between[i]!, 'DNAME')) {
        this.belowDname(target, between[i]!, where);
        return;
      }
    }
    if (this.has(target, 'CNAME')) {
      this.error('apex-ns-target-alias', where, target, `NS '${target.toString()}' is a CNAME: an NS target must be a host name with addresses (RFC 2181 §10.3) and BIND refuses the zone; point the NS at the canonical name`);
      return;
    }
    if (this.has(target, 'NS') && !target.equals(apex)) return;
    if (this.has(target, 'A') || this.has(target, 'AAAA')) return;
    if (!this.names.hasRecords(this.names.idOf(target.key)) && this.wildcardHasAddress(between, apex)) return;
    this.error('apex-ns-target-no-address', where, target, `NS '${target.toString()}' has no address records (A or AAAA): BIND refuses the zone; add an A or AAAA record for ${target.toString()}`);
  }

  /**
   * BIND's CDS/CDNSKEY consistency check as 9.18 makes it (lib/dns/zone.c, dns_zone_cdscheck): each
   * CDS and CDNSKEY names an algorithm that a DNSKEY of the zone has (RFC 7344 §4.1 asks more: a CDS
   * the digest of a DNSKEY, a CDNSKEY a copy of one; BIND loads a zone that is wrong there, so it is not
   * refused here); the "delete" forms (algorithm 0) stand alone (RFC 8078 §4).
   */
  private checkCdsAndCdnskey(apex: Name): void {
    const keys = this.keySets.get(apex.key);
    if (!keys) return;
    this.checkDeleteAlone(keys.cds, 2, 'CDS', apex);
    this.checkDeleteAlone(keys.cdnskeys, 3, 'CDNSKEY', apex);
    const algorithms = new Set(keys.dnskeys.filter((dnskey) => dnskey.length >= 4).map((dnskey) => dnskey[3]!));
    for (const { wire, where } of keys.cds) {
      if (wire[2] === 0 || algorithms.has(wire[2]!)) continue;
      this.error('cds-matches-no-dnskey', where, apex, `CDS/CDNSKEY consistency checks failed, so BIND refuses the zone: this CDS is for algorithm ${wire[2]}, and no DNSKEY of ${apex.toString()} has it; publish the DNSKEY first or fix the CDS`);
    }
    for (const { wire, where } of keys.cdnskeys) {
      if (wire[3] === 0 || algorithms.has(wire[3]!)) continue;
      this.error('cds-matches-no-dnskey', where, apex, `CDS/CDNSKEY consistency checks failed, so BIND refuses the zone: this CDNSKEY is for algorithm ${wire[3]}, and no DNSKEY of ${apex.toString()} has it; publish the DNSKEY first or fix the CDNSKEY`);
    }
  }

  /** The "delete" form (algorithm 0, RFC 8078 §4) means "remove all": it cannot stand beside real ones. */
  private checkDeleteAlone(records: readonly { wire: Uint8Array; where: SourcePosition }[], algorithmOctet: number, type: string, apex: Name): void {
    const deletion = records.find((r) => r.wire[algorithmOctet] === 0);
    if (deletion && records.length > 1) {
      this.error('cds-delete-not-alone', deletion.where, apex, `CDS/CDNSKEY consistency checks failed, so BIND refuses the zone: the delete ${type} (algorithm 0, RFC 8078 §4) must be the only ${type}; remove it or the others`);
    }
  }

  private belowDname(target: Name, dname: Name, where: SourcePosition): void {
    this.error('apex-ns-target-below-dname', where, target, `NS '${target.toString()}' is below a DNAME '${dname.toString()}': a name server's name must resolve without a DNAME, so BIND refuses the zone; use the name the DNAME points to`);
  }

  /** A wildcard above the (absent) target that would answer with an address. */
  private wildcardHasAddress(ancestors: readonly Name[], apex: Name): boolean {
    for (const ancestor of [...ancestors, apex]) {
      const wildcard = ancestor.prepend('*');
      if (this.has(wildcard, 'A') || this.has(wildcard, 'AAAA')) return true;
      if (this.names.hasRecords(this.names.idOf(ancestor.key))) return false; // the closest encloser decides
    }
    return false;
  }

  private error(kind: ZoneProblemKind, where: SourcePosition, subject: Name, message: string): void {
    this.problems.push(zoneProblem(kind, where, message, subject));
  }
}

function lowerNames(value: RdataValue): RdataValue {
  if (value instanceof Name) return Name.from(value.key);
  if (Array.isArray(value)) return value.map(lowerNames);
  return value;
}

/**
 * Equality key of record data as BIND compares it (dns_rdata_compare): the wire form with the names in
 * it lower-cased, so `MX 10 Some.Domain` repeats `MX 10 some.domain` while TXT "A" and "a" stay apart.
 */
export function dataKey(type: string, data: Rdata): string {
  const canonical: Record<string, RdataValue> = {};
  for (const [field, value] of Object.entries(data)) canonical[field] = lowerNames(value);
  return latin1String(rdataToWire(type, canonical));
}

