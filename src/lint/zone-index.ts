/**
 * The compact index the engine fills while records stream past (DESIGN.md "Big zones stream"):
 * per distinct name, the types present with the first record's place and TTL, and the few data the
 * whole-zone rules need (CNAME target, first address, first MX exchange, null MX). MX/NS/SRV targets
 * are kept per distinct target name with the first few places that refer to them. Nothing here grows
 * with the number of records beyond what the number of names already costs.
 */
import { Name } from '../zone/name.js';
import type { ParsedRecord } from '../zone/parser.js';
import { isType, type Rdata, type SoaData } from '../zone/record.js';
import { recordWhere, tokenWhere, type Where } from './rule.js';

/** The records of one type at one name: where the first stands, its TTL, how many there are. */
export interface TypeEntry extends Where {
  type: string;
  ttl: number;
  count: number;
  /** The data of the first record (the parser's object, kept rather than copied), to compare later ones with. */
  firstData: Rdata;
}

/**
 * One name of the zone. Kept small on purpose (a million-name zone has a million of these): the
 * types live in a plain object, and the name itself is rebuilt from its key when a rule needs it.
 */
export class NameEntry {
  /** One entry per type present; a name has few types, so a list is smaller and as quick as a map. */
  readonly types: TypeEntry[];
  cnameTarget?: Name;
  /** The first A or AAAA address (for "the record to add" suggestions). */
  address?: string;
  mxExchange?: Name;
  /** Where an `MX 0 .` (RFC 7505 null MX) stands at this name. */
  nullMx?: Where;

  constructor(
    readonly key: string,
    first: TypeEntry,
  ) {
    // An array literal is allocated at its exact length; pushing onto [] would reserve 17 slots per name.
    this.types = [first];
  }

  /** The name, rebuilt from its (lower-cased) key: the index keeps no Name object per name. */
  get name(): Name {
    return Name.from(this.key);
  }

  type(type: string): TypeEntry | undefined {
    for (const entry of this.types) if (entry.type === type) return entry;
    return undefined;
  }

  has(type: string): boolean {
    return this.type(type) !== undefined;
  }
}

export type TargetingType = 'MX' | 'NS' | 'SRV';

export interface TargetRef {
  type: TargetingType;
  owner: Name;
  where: Where;
}

export interface TargetEntry {
  target: Name;
  /** The first MAX_REFS_PER_TARGET references; `total` counts all of them. */
  refs: TargetRef[];
  total: number;
}

/** Enough places to point at; beyond that a message says "and N more". */
export const MAX_REFS_PER_TARGET = 8;

/** Index of the data token holding the target name, per type that points at a host. */
const TARGET_TOKEN: Record<TargetingType, number> = { MX: 1, NS: 0, SRV: 3 };

export class ZoneIndex {
  readonly names = new Map<string, NameEntry>();
  readonly targets = new Map<string, TargetEntry>();
  soa?: { owner: Name; where: Where; ttl: number; data: SoaData };
  recordCount = 0;
  /** Records whose TTL came from `$TTL` or the SOA minimum rather than the record itself. */
  recordsWithoutTtl = 0;
  /** Whether a `$TTL` came before the records that needed it; known once the parser is done. */
  hasTtlDirective?: boolean;
  /** Where the owner of the records now streaming was last written (for blank-owner messages). */
  ownerWrittenAt?: Where;

  /** The origin the zone is read with; the engine settles it from the first record or the parser's summary. */
  constructor(public origin: Name) {}

  /** The zone's apex: its SOA owner once seen, else the origin. */
  get apex(): Name {
    return this.soa?.owner ?? this.origin;
  }

  /**
   * The rules and the index look up the same owner several times per record; remembering the last
   * lookup (by Name object, which the parser hands to all of them) saves most hash lookups in a big map.
   */
  private lastName: Name | undefined;
  private lastEntry: NameEntry | undefined;

  entry(name: Name): NameEntry | undefined {
    if (name !== this.lastName) {
      this.lastName = name;
      this.lastEntry = this.names.get(name.key);
    }
    return this.lastEntry;
  }

  has(name: Name, type: string): boolean {
    return this.entry(name)?.has(type) ?? false;
  }

  hasAddress(name: Name): boolean {
    const entry = this.entry(name);
    return entry !== undefined && (entry.has('A') || entry.has('AAAA'));
  }

  /**
   * The in-zone name with NS records (other than the apex) at or above `name`: below a zone cut
   * the data belongs to another zone, so targets there cannot be verified from this file.
   */
  delegationOf(name: Name): Name | undefined {
    const apex = this.apex;
    for (let at = name; at.isSubdomainOf(apex) && !at.equals(apex); at = at.parent()) {
      if (this.has(at, 'NS')) return at;
    }
    return undefined;
  }

  add(record: ParsedRecord): void {
    this.recordCount++;
    if (!record.ttlExplicit) this.recordsWithoutTtl++;
    if (record.ownerToken) this.ownerWrittenAt = recordWhere(record);
    const entry = this.entryFor(record);

    if (isType(record, 'SOA') && !this.soa) {
      this.soa = { owner: record.owner, where: recordWhere(record), ttl: record.ttl, data: record.data };
    } else if (isType(record, 'CNAME')) {
      entry.cnameTarget ??= record.data.target;
    } else if (isType(record, 'A') || isType(record, 'AAAA')) {
      entry.address ??= record.data.address;
    } else if (isType(record, 'MX')) {
      if (record.data.exchange.isRoot) entry.nullMx ??= recordWhere(record);
      else entry.mxExchange ??= record.data.exchange;
    }
    if (record.type === 'MX' || record.type === 'NS' || record.type === 'SRV') {
      const type = record.type as TargetingType;
      const target = (record.data as { exchange?: Name; target?: Name }).exchange ?? (record.data as { target?: Name }).target;
      if (target instanceof Name && !target.isRoot) this.addTarget(record, type, target);
    }
  }

  /** The record's name entry, with the record counted in its type (both made when new). */
  private entryFor(record: ParsedRecord): NameEntry {
    const entry = this.entry(record.owner);
    if (!entry) {
      const created = new NameEntry(record.owner.key, newTypeEntry(record));
      this.names.set(record.owner.key, created);
      this.lastEntry = created;
      return created;
    }
    const typeEntry = entry.type(record.type);
    if (typeEntry) typeEntry.count++;
    else entry.types.push(newTypeEntry(record));
    return entry;
  }

  private addTarget(record: ParsedRecord, type: TargetingType, target: Name): void {
    let entry = this.targets.get(target.key);
    if (!entry) {
      entry = { target, refs: [], total: 0 };
      this.targets.set(target.key, entry);
    }
    entry.total++;
    if (entry.refs.length < MAX_REFS_PER_TARGET) {
      const token = record.rdataTokens[TARGET_TOKEN[type]];
      entry.refs.push({ type, owner: record.owner, where: token ? tokenWhere(record, token) : recordWhere(record) });
    }
  }
}

/** One literal shape for every entry keeps V8 from making a hidden class per name. */
function newTypeEntry(record: ParsedRecord): TypeEntry {
  const where = recordWhere(record);
  return {
    type: record.type,
    file: where.file,
    line: where.line,
    column: where.column,
    endColumn: where.endColumn,
    ttl: record.ttl,
    count: 1,
    firstData: record.data,
  };
}

/** The data token that holds the target name of an MX, NS or SRV record, if present. */
export function targetToken(record: ParsedRecord): ParsedRecord['rdataTokens'][number] | undefined {
  const index = TARGET_TOKEN[record.type as TargetingType];
  return index === undefined ? undefined : record.rdataTokens[index];
}
