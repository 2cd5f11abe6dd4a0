/**
 * The compact index the engine fills while records stream past (DESIGN.md "Big zones stream"):
 * per distinct name, the types present with the first record's place, TTL and data, and the MX/NS/SRV
 * targets with the first few places that refer to them. It stands on the shared `NameTable`
 * (src/zone/name-table.ts), which BIND's zone checks read too: names are small integer ids and the
 * per-name and per-RRset facts sit in typed arrays, so a million-name zone costs tens of bytes per
 * name. The objects rules see (`NameEntry`, `TypeEntry`, `TargetEntry`) are views made on demand.
 */
import { Name } from '../zone/name.js';
import { labelStarts, NameTable, NONE } from '../zone/name-table.js';
import type { ParsedRecord } from '../zone/parser.js';
import { isType, type SoaData } from '../zone/record.js';
import { recordWhere, tokenWhere, type Where } from './rule.js';

/** The records of one type at one name: where the first stands, its TTL, how many there are. */
export interface TypeEntry extends Where {
  type: string;
  ttl: number;
  count: number;
  /** The RRset's id in the index (stable for the run: rules key their own memory by it). */
  rrset: number;
}

/** One name of the zone: a view of the index, made when a rule asks. */
export class NameEntry {
  constructor(
    private readonly index: ZoneIndex,
    readonly id: number,
  ) {}

  get key(): string {
    return this.index.table.keyOf(this.id);
  }

  /** The name, rebuilt from its (lower-cased) key: the index keeps no Name object per name. */
  get name(): Name {
    return Name.from(this.key);
  }

  /** One entry per type present, in the order their first records came. */
  get types(): TypeEntry[] {
    return [...this.index.table.rrsets(this.id)].map((rr) => this.index.typeEntry(rr));
  }

  type(type: string): TypeEntry | undefined {
    const rr = this.index.table.rrset(this.id, type);
    return rr === NONE ? undefined : this.index.typeEntry(rr);
  }

  has(type: string): boolean {
    return this.index.table.has(this.id, type);
  }

  get cnameTarget(): Name | undefined {
    const rr = this.index.table.rrset(this.id, 'CNAME');
    return rr === NONE ? undefined : (this.index.table.firstDataOf(rr) as { target: Name }).target;
  }

  /** The first A or AAAA address (for "the record to add" suggestions). */
  get address(): string | undefined {
    const a = this.index.table.rrset(this.id, 'A');
    const aaaa = this.index.table.rrset(this.id, 'AAAA');
    // RRset ids grow in record order: the lower one came first.
    const first = a === NONE ? aaaa : aaaa === NONE ? a : Math.min(a, aaaa);
    return first === NONE ? undefined : (this.index.table.firstDataOf(first) as { address: string }).address;
  }

  /** The first MX exchange that is not the root (a null MX has none). */
  get mxExchange(): Name | undefined {
    const rr = this.index.table.rrset(this.id, 'MX');
    if (rr === NONE) return undefined;
    if (this.index.firstMxIsNull.has(this.id)) return this.index.laterMxExchange.get(this.id);
    return (this.index.table.firstDataOf(rr) as { exchange: Name }).exchange;
  }

  /** Where an `MX 0 .` (RFC 7505 null MX) stands at this name. */
  get nullMx(): Where | undefined {
    return this.index.nullMx.get(this.id);
  }
}

export type TargetingType = 'MX' | 'NS' | 'SRV';

export interface TargetRef {
  type: TargetingType;
  owner: Name;
  /** The owner's id in the index. */
  ownerId: number;
  where: Where;
}

/**
 * One MX/NS/SRV target: a view made once per run for each (a big zone has 100,000 of them), so the
 * target's name and its references are built only when a rule reads them (for a message, mostly).
 */
export class TargetEntry {
  constructor(
    private readonly index: ZoneIndex,
    /** The target's id in the index (it has records there only when `hasRecords`). */
    readonly id: number,
  ) {}

  get target(): Name {
    return this.index.targetName(this.id);
  }

  /** The first MAX_REFS_PER_TARGET references; `total` counts all of them. */
  get refs(): TargetRef[] {
    return this.index.targetRefs(this.id);
  }

  get total(): number {
    return this.index.refTotal(this.id);
  }

  /** The target's entry, when the zone has records at that name. */
  get entry(): NameEntry | undefined {
    return this.index.table.hasRecords(this.id) ? new NameEntry(this.index, this.id) : undefined;
  }
}

/** Enough places to point at; beyond that a message says "and N more". */
export const MAX_REFS_PER_TARGET = 8;

/** Index of the data token holding the target name, per type that points at a host. */
const TARGET_TOKEN: Record<TargetingType, number> = { MX: 1, NS: 0, SRV: 3 };

/**
 * References to targets, as parallel arrays (one slot per kept reference). A name as written, when
 * it differs from its key (upper case), is kept beside it: messages quote names as the user wrote them.
 */
class TargetRefs {
  /** Target name ids in the order they were first referred to. */
  readonly order: number[] = [];
  readonly total = new Map<number, number>();
  readonly first = new Map<number, number[]>();
  readonly targetText = new Map<number, string>();
  readonly type: TargetingType[] = [];
  readonly owner: number[] = [];
  readonly ownerText: (string | undefined)[] = [];
  readonly file: number[] = [];
  readonly line: number[] = [];
  readonly column: number[] = [];
  readonly endColumn: number[] = [];
}

export class ZoneIndex {
  readonly table: NameTable;
  soa?: { owner: Name; where: Where; ttl: number; data: SoaData };
  recordCount = 0;
  /** Records whose TTL came from `$TTL` or the SOA minimum rather than the record itself. */
  recordsWithoutTtl = 0;
  /** Whether a `$TTL` came before the records that needed it; known once the parser is done. */
  hasTtlDirective?: boolean;
  /** Where the owner of the records now streaming was last written (for blank-owner messages). */
  ownerWrittenAt?: Where;
  /** Names whose first MX is a null MX but that have a real one later: that one (few names). */
  readonly laterMxExchange = new Map<number, Name>();
  /** Where the first null MX of a name stands (few names). */
  readonly nullMx = new Map<number, Where>();
  /** Names whose first MX is a null MX (few names). */
  readonly firstMxIsNull = new Set<number>();
  private readonly refs = new TargetRefs();

  /** The origin the zone is read with; the engine settles it from the first record or the parser's summary. */
  constructor(
    public origin: Name,
    table: NameTable = new NameTable(),
  ) {
    this.table = table;
  }

  /** The zone's apex: its SOA owner once seen, else the origin. */
  get apex(): Name {
    return this.soa?.owner ?? this.origin;
  }

  /**
   * The rules and the index look up the same owner several times per record; remembering the last
   * lookup (by Name object, which the parser hands to all of them) saves most hash lookups in a big map.
   */
  private lastName: Name | undefined;
  private lastId = NONE;

  /** The id of a name with records, or NONE. */
  idOf(name: Name): number {
    if (name !== this.lastName) {
      const id = this.table.idOf(name.key);
      this.lastName = name;
      this.lastId = this.table.hasRecords(id) ? id : NONE;
    }
    return this.lastId;
  }

  entry(name: Name): NameEntry | undefined {
    const id = this.idOf(name);
    return id === NONE ? undefined : new NameEntry(this, id);
  }

  /** The RRset of `type` at `name` so far, or NONE: the per-record rules ask this for every record. */
  rrset(name: Name, type: string): number {
    return this.table.rrset(this.idOf(name), type);
  }

  typeEntry(rr: number): TypeEntry {
    const place = this.table.placeOf(rr);
    return {
      type: this.table.typeOf(rr),
      file: place.file,
      line: place.line,
      column: place.column,
      endColumn: place.endColumn === 0 ? undefined : place.endColumn,
      ttl: this.table.ttlOf(rr),
      count: this.table.countOf(rr),
      rrset: rr,
    };
  }

  /** Every name with records, in the order of their first records. */
  get names(): { values(): Generator<NameEntry> } {
    return { values: () => this.entriesWith() };
  }

  /** The names (with records) that have a record of `type`, or all of them; in the order of `names`. */
  *entriesWith(type?: string): Generator<NameEntry> {
    for (let id = 0; id < this.table.size; id++) {
      if (type === undefined ? this.table.hasRecords(id) : this.table.has(id, type)) yield new NameEntry(this, id);
    }
  }

  has(name: Name, type: string): boolean {
    return this.table.has(this.idOf(name), type);
  }

  hasAddress(name: Name): boolean {
    const id = this.idOf(name);
    return this.table.has(id, 'A') || this.table.has(id, 'AAAA');
  }

  /**
   * Whether the name with this key is inside the zone's authority: at or below the apex and not at
   * or below a zone cut (an NS other than at the apex), below which the data belongs to another zone,
   * so targets there cannot be verified from this file. Works on keys: a big zone has 100,000
   * targets, and no Name is built for them.
   */
  isInZoneAuthority(key: string): boolean {
    const apexKey = this.apex.key;
    if (key === apexKey) return true;
    const starts = labelStarts(key);
    // Where the apex begins in the key: it must end the key at a label boundary (every absolute name is below the root).
    const apexStart = apexKey === '.' ? key.length : key.length - apexKey.length;
    if (apexKey === '.' ? !key.endsWith('.') : apexStart <= 0 || !key.endsWith(apexKey) || !starts.includes(apexStart)) return false;
    for (const start of starts) {
      if (start >= apexStart) break;
      if (this.table.has(this.table.idOf(start === 0 ? key : key.slice(start)), 'NS')) return false;
    }
    return true;
  }

  /** The views of the targets, made once when the whole-zone rules first ask (several rules walk them). */
  private targetViews: TargetEntry[] | undefined;

  /** The MX, NS and SRV targets, in the order they were first referred to. */
  get targets(): readonly TargetEntry[] {
    this.targetViews ??= this.refs.order.map((id) => new TargetEntry(this, id));
    return this.targetViews;
  }

  /** A target's name as first written (case kept). */
  targetName(id: number): Name {
    return Name.from(this.refs.targetText.get(id) ?? this.table.keyOf(id));
  }

  refTotal(id: number): number {
    return this.refs.total.get(id) ?? 0;
  }

  /** The kept references to a target, with each owner as written. */
  targetRefs(id: number): TargetRef[] {
    const refs = this.refs;
    return (refs.first.get(id) ?? []).map((slot): TargetRef => {
      const endColumn = refs.endColumn[slot]!;
      return {
        type: refs.type[slot]!,
        owner: Name.from(refs.ownerText[slot] ?? this.table.keyOf(refs.owner[slot]!)),
        ownerId: refs.owner[slot]!,
        where: { file: this.table.fileName(refs.file[slot]!), line: refs.line[slot]!, column: refs.column[slot]!, ...(endColumn ? { endColumn } : {}) },
      };
    });
  }

  /** The first target (in target order) that an SRV record at the owner with this key points at. */
  srvTargetOf(ownerKey: string): TargetEntry | undefined {
    const owner = this.table.idOf(ownerKey);
    if (owner === NONE) return undefined;
    const refs = this.refs;
    for (const view of this.targets) {
      for (const slot of refs.first.get(view.id) ?? []) if (refs.type[slot] === 'SRV' && refs.owner[slot] === owner) return view;
    }
    return undefined;
  }

  add(record: ParsedRecord): void {
    this.recordCount++;
    if (!record.ttlExplicit) this.recordsWithoutTtl++;
    const where = recordWhere(record);
    if (record.ownerToken) this.ownerWrittenAt = where;
    this.targetViews = undefined;
    const rr = this.table.add(record.owner.key, record.type, record.ttl, record.data, where.file, where.line, where.column, where.endColumn ?? 0);
    // The table now has the name; the cached lookup may have said "no records" a moment ago.
    this.lastName = record.owner;
    this.lastId = this.table.lastAddedName;

    if (isType(record, 'SOA')) {
      if (!this.soa) this.soa = { owner: record.owner, where, ttl: record.ttl, data: record.data };
    } else if (isType(record, 'MX')) {
      const id = this.lastId;
      if (record.data.exchange.isRoot) {
        if (!this.nullMx.has(id)) this.nullMx.set(id, where);
        if (this.table.countOf(rr) === 1) this.firstMxIsNull.add(id);
      } else if (this.firstMxIsNull.has(id) && !this.laterMxExchange.has(id)) {
        this.laterMxExchange.set(id, record.data.exchange);
      }
    }
    if (record.type === 'MX' || record.type === 'NS' || record.type === 'SRV') {
      const type = record.type as TargetingType;
      const target = (record.data as { exchange?: Name; target?: Name }).exchange ?? (record.data as { target?: Name }).target;
      if (target instanceof Name && !target.isRoot) this.addTarget(record, type, target);
    }
  }

  private addTarget(record: ParsedRecord, type: TargetingType, target: Name): void {
    const refs = this.refs;
    const key = target.key;
    const id = this.table.intern(key);
    const total = refs.total.get(id);
    if (total === undefined) {
      refs.order.push(id);
      const text = target.toString();
      if (text !== key) refs.targetText.set(id, text);
    }
    refs.total.set(id, (total ?? 0) + 1);
    let first = refs.first.get(id);
    if (!first) refs.first.set(id, (first = []));
    if (first.length >= MAX_REFS_PER_TARGET) return;
    const token = record.rdataTokens[TARGET_TOKEN[type]];
    const where = token ? tokenWhere(record, token) : recordWhere(record);
    const ownerKey = record.owner.key;
    const ownerText = record.owner.toString();
    first.push(refs.type.length);
    refs.type.push(type);
    refs.owner.push(this.lastId);
    refs.ownerText.push(ownerText === ownerKey ? undefined : ownerText);
    refs.file.push(this.table.fileCode(where.file));
    refs.line.push(where.line);
    refs.column.push(where.column);
    refs.endColumn.push(where.endColumn ?? 0);
  }
}

/** The data token that holds the target name of an MX, NS or SRV record, if present. */
export function targetToken(record: ParsedRecord): ParsedRecord['rdataTokens'][number] | undefined {
  const index = TARGET_TOKEN[record.type as TargetingType];
  return index === undefined ? undefined : record.rdataTokens[index];
}
