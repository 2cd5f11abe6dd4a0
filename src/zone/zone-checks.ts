/**
 * The zone-level refusals of BIND's zone load (lib/dns/zone.c integrity checks, `named-checkzone -i local`)
 * that need more than one record: CNAME beside other data, more than one CNAME/DNAME at a name, DS at
 * the apex, no NS at the apex, NS targets in the zone with no address, that are aliases or lie below a DNAME.
 * Fed the record stream; keeps per distinct name only the set of types (with the first place of each),
 * plus the distinct NS targets, so memory grows with names, not records. All findings are `syntax` errors:
 * BIND refuses to load such a zone.
 */
import type { Diagnostic, SourcePosition } from '../diagnostics.js';
import type { Name } from './name.js';
import type { ParsedRecord } from './parser.js';
import { rdataToWire } from './rdata.js';
import type { TargetData } from './record.js';

/** Types that may stand beside a CNAME (RFC 2181 §10.1, RFC 4035 §2.5). */
const CNAME_COMPANIONS = new Set(['CNAME', 'RRSIG', 'NSEC']);
/** Types of which a name holds at most one record. */
const SINGLETONS = new Set(['CNAME', 'DNAME']);

interface NameTypes {
  name: Name;
  /** Type -> where its first record stands. */
  types: Map<string, SourcePosition>;
  /** Wire data of the first record of a singleton type, to tell a duplicate from a second one. */
  singletonData?: Map<string, string>;
}

interface NsTarget {
  target: Name;
  where: SourcePosition;
}

export class ZoneChecks {
  private readonly names = new Map<string, NameTypes>();
  private readonly nsTargets = new Map<string, NsTarget>();
  private readonly problems: Diagnostic[] = [];
  private firstRecord: SourcePosition | undefined;

  add(record: ParsedRecord): void {
    const where = record.position;
    if (!this.firstRecord) this.firstRecord = where;
    const key = record.owner.key;
    let entry = this.names.get(key);
    if (!entry) {
      entry = { name: record.owner, types: new Map() };
      this.names.set(key, entry);
    }
    const type = record.type;
    const hadCname = entry.types.has('CNAME');
    if (type === 'CNAME' ? hasOtherThanCnameCompanions(entry.types) : hadCname && !CNAME_COMPANIONS.has(type)) {
      if (!entry.types.has(type) || type === 'CNAME') {
        this.error(where, `${record.owner.toString()}: CNAME and other data: a name with a CNAME can have no other records (RFC 1034 §3.6.2, RFC 2181 §10.1); move the other records to the CNAME's target or drop the CNAME`);
      }
    }
    if (SINGLETONS.has(type)) {
      entry.singletonData ??= new Map();
      const data = Buffer.from(rdataToWire(type, record.data)).toString('latin1');
      const first = entry.singletonData.get(type);
      if (first === undefined) entry.singletonData.set(type, data);
      else if (first !== data) {
        this.error(where, `${record.owner.toString()}: more than one ${type} record: a name can have only one ${type} (RFC 2181 §10.1, RFC 6672 §2.4); keep one`);
      }
    }
    if (type === 'NS') {
      if (record.owner.firstLabel === '*') {
        this.error(where, `${record.owner.toString()}: invalid NS owner name (wildcard): NS records cannot be at a wildcard (RFC 4592 §4.2); name the delegated zone`);
      }
      const target = (record.data as TargetData).target;
      if (!this.nsTargets.has(target.key)) this.nsTargets.set(target.key, { target, where });
    }
    if (!entry.types.has(type)) entry.types.set(type, where);
  }

  /** The findings, once the whole zone has passed; `apex` is the zone's origin. */
  finish(apex: Name): Diagnostic[] {
    const top = this.names.get(apex.key);
    const ds = top?.types.get('DS');
    if (ds) this.error(ds, `DS record at top of zone ${apex.toString()}: a DS belongs in the parent zone (RFC 4034 §5); remove it here`);
    if (this.firstRecord && !top?.types.has('NS')) {
      const at = top?.types.get('SOA') ?? this.firstRecord;
      this.error(at, `zone ${apex.toString()} has no NS records: BIND refuses it; add "@ IN NS ns1.example.net." for each name server`);
    }
    for (const { target, where } of this.nsTargets.values()) {
      if (!target.isSubdomainOf(apex)) continue; // out-of-zone targets are not checked locally (-i local)
      const dname = this.dnameAbove(target, apex);
      if (dname) {
        this.error(where, `NS '${target.toString()}' is below a DNAME '${dname.toString()}': a name server's name must resolve without a DNAME; use the name the DNAME points to`);
        continue;
      }
      const types = this.names.get(target.key)?.types;
      if (types?.has('CNAME')) {
        this.error(where, `NS '${target.toString()}' is a CNAME: an NS target must be a host name with addresses (RFC 2181 §10.3); point the NS at the canonical name`);
      } else if (!types || (!types.has('A') && !types.has('AAAA'))) {
        this.error(where, `NS '${target.toString()}' has no address records (A or AAAA): BIND refuses the zone; add an A or AAAA record for ${target.toString()}`);
      }
    }
    return this.problems;
  }

  /** The nearest DNAME owner strictly above `name` and at or below `apex`. */
  private dnameAbove(name: Name, apex: Name): Name | undefined {
    let current = name.parent();
    while (current.isSubdomainOf(apex) && current.labels.length >= apex.labels.length) {
      if (this.names.get(current.key)?.types.has('DNAME')) return current;
      if (current.labels.length === apex.labels.length) break;
      current = current.parent();
    }
    return undefined;
  }

  private error(where: SourcePosition, message: string): void {
    this.problems.push({ file: where.file, line: where.line, column: where.column, severity: 'error', rule: 'syntax', message });
  }
}

function hasOtherThanCnameCompanions(types: Map<string, SourcePosition>): boolean {
  for (const type of types.keys()) if (!CNAME_COMPANIONS.has(type)) return true;
  return false;
}
