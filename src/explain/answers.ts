/**
 * What the zone answers to a question, as its authoritative server would: exact names, CNAME chains
 * (followed while they stay in the zone), wildcards (RFC 4592), names below a delegation (another
 * server answers) and names outside the zone (the zone cannot tell). Built over the model's records,
 * never over the zone's text.
 */
import type { Name } from '../zone/name.js';
import type { Rdata, ResourceRecord } from '../zone/record.js';

/** How many CNAMEs a chain may have before it is called a loop (BIND follows 16; a client gives up sooner). */
export const MAX_CHAIN = 8;

export type AnswerEnd =
  /** Records of the type asked for. */
  | 'data'
  /** The name exists in the zone, without that type. */
  | 'no-data'
  /** No such name in the zone. */
  | 'no-name'
  /** The name (or a CNAME's target) lies outside the zone: another zone answers it. */
  | 'outside'
  /** The name lies below a delegation in this zone: the delegated zone's servers answer it. */
  | 'delegated'
  /** CNAMEs that point back at themselves or go on too long. */
  | 'loop';

export interface Answer {
  /** The records of the type asked for (empty unless `end` is `data`). */
  records: KeptRecord[];
  /** The CNAMEs followed on the way, in order. */
  chain: KeptRecord[];
  end: AnswerEnd;
  /** The last name asked: where the chain ends (outside, delegated, no-name, no-data) or the data's owner. */
  name: Name;
  /** For `delegated`: the name whose NS records cut the zone. */
  cut?: Name;
  /** The records came from a wildcard (`*.<name>`). */
  wildcard?: boolean;
}

/** A record as the walk shows it: the model's fields, and where it was written (`file:line`). */
export interface KeptRecord extends ResourceRecord {
  where?: string;
}

/** A record as the store keeps it: no owner (its key in the map says it), no tokens, where as numbers. */
interface Stored {
  type: string;
  ttl: number;
  class: string;
  data: Rdata;
  /** Index into the store's file names, or -1. */
  file: number;
  line: number;
}

const MAX_MX_OWNERS = 4;
const NOTHING: readonly Stored[] = Object.freeze([]);

/** The types a client's look-up reads, and NS for delegations; TXT only at `_service` names (RFC 6764 path). */
const KEPT_TYPES = new Set(['A', 'AAAA', 'CNAME', 'SRV', 'MX', 'NS', 'TXT']);

/**
 * The records explain reads, filled one record at a time as the zone streams by: only the types a
 * client's look-up asks about, each without its owner and tokens, and every name that exists (an owner,
 * or a name above one: RFC 4592 §2.2.2), in one map. Memory grows with the names and the kept records.
 */
export class ZoneRecords {
  private readonly names = new Map<string, readonly Stored[]>();
  private readonly files: string[] = [];
  /** The first few names with MX records (to say where the MX went when the mail domain has none). */
  readonly mxOwners: Name[] = [];

  add(record: ResourceRecord, where?: { file: string; line: number }): void {
    const key = record.owner.key;
    if (!this.names.has(key)) {
      this.names.set(key, NOTHING);
      // The names above it exist too (empty non-terminals), up to one that is already known.
      for (let name = record.owner.parent(); name.labels.length > 0 && !this.names.has(name.key); name = name.parent()) this.names.set(name.key, NOTHING);
    }
    if (!KEPT_TYPES.has(record.type)) return;
    if (record.type === 'TXT' && !record.owner.firstLabel?.startsWith('_')) return;
    if (record.type === 'MX' && this.mxOwners.length < MAX_MX_OWNERS && !this.mxOwners.some((n) => n.equals(record.owner))) this.mxOwners.push(record.owner);
    let file = -1;
    if (where) {
      file = this.files.lastIndexOf(where.file);
      if (file < 0) file = this.files.push(where.file) - 1;
    }
    const stored: Stored = { type: record.type, ttl: record.ttl, class: record.class, data: record.data, file, line: where?.line ?? 0 };
    const list = this.names.get(key)!;
    if (list === NOTHING) this.names.set(key, [stored]);
    else (list as Stored[]).push(stored);
  }

  /** True when the name exists in the zone read so far (an owner, or a name above one). */
  has(name: Name): boolean {
    return this.names.has(name.key);
  }

  /** The kept records at a name, with the name as their owner; undefined when the name does not exist. */
  at(name: Name): KeptRecord[] | undefined {
    const stored = this.names.get(name.key);
    if (!stored) return undefined;
    return stored.map((s) => {
      const kept: KeptRecord = { owner: name, ttl: s.ttl, class: s.class, type: s.type, data: s.data };
      if (s.file >= 0) kept.where = `${this.files[s.file]}:${s.line}`;
      return kept;
    });
  }
}

/** What the zone (its records and its apex) answers. */
export class ZoneAnswers {
  readonly mxOwners: readonly Name[];

  constructor(
    readonly apex: Name,
    private readonly records: ZoneRecords,
  ) {
    this.mxOwners = records.mxOwners;
  }

  /** The records at a name, of one type (or all types), as written: no CNAME, wildcard or delegation logic. */
  at(name: Name, type?: string): KeptRecord[] {
    const all = this.records.at(name) ?? [];
    return type === undefined ? all : all.filter((record) => record.type === type);
  }

  /** True when the name is inside the zone (the apex or below it). */
  inZone(name: Name): boolean {
    return name.isSubdomainOf(this.apex);
  }

  /** Asks the zone for `type` at `name`, following CNAMEs while they stay inside the zone. */
  query(name: Name, type: string): Answer {
    const chain: KeptRecord[] = [];
    const seen = new Set<string>();
    let current = name;
    for (;;) {
      if (!this.inZone(current)) return { records: [], chain, end: 'outside', name: current };
      const cut = this.cutAbove(current, type);
      if (cut) return { records: [], chain, end: 'delegated', name: current, cut };
      const { records, wildcard } = this.recordsAt(current);
      if (records === undefined) return { records: [], chain, end: 'no-name', name: current };
      const cname = type === 'CNAME' ? undefined : records.find((record) => record.type === 'CNAME');
      if (cname) {
        const followed = wildcard ? { ...cname, owner: current } : cname;
        chain.push(followed);
        if (seen.has(current.key) || chain.length > MAX_CHAIN) return { records: [], chain, end: 'loop', name: current };
        seen.add(current.key);
        current = cname.data.target as Name;
        continue;
      }
      const found = records.filter((record) => record.type === type).map((record) => (wildcard ? { ...record, owner: current } : record));
      const answer: Answer = { records: found, chain, end: found.length > 0 ? 'data' : 'no-data', name: current };
      if (wildcard) answer.wildcard = true;
      return answer;
    }
  }

  /**
   * The records a name has: its own, or a wildcard's when the name does not exist (RFC 4592 §3.3.1: the
   * closest encloser's `*` child answers). Undefined when the name does not exist and no wildcard covers it.
   */
  private recordsAt(name: Name): { records: KeptRecord[] | undefined; wildcard: boolean } {
    const own = this.records.at(name);
    if (own) return { records: own, wildcard: false };
    let encloser = name.parent();
    while (!this.records.has(encloser) && !encloser.equals(this.apex) && encloser.isSubdomainOf(this.apex)) encloser = encloser.parent();
    const wild = this.records.at(encloser.prepend('*'));
    return wild ? { records: wild, wildcard: true } : { records: undefined, wildcard: false };
  }

  /** The delegation (NS below the apex) at or above `name` that hands it to other servers; the NS set itself answers at the cut. */
  private cutAbove(name: Name, type: string): Name | undefined {
    let cut: Name | undefined;
    for (let at = name; !at.equals(this.apex) && at.isSubdomainOf(this.apex); at = at.parent()) {
      if (this.at(at, 'NS').length > 0 && !(at.equals(name) && (type === 'NS' || type === 'DS'))) cut = at;
    }
    return cut;
  }
}

export interface AddressAnswer {
  /** A and AAAA records found (after the chain). */
  addresses: KeptRecord[];
  chain: KeptRecord[];
  /** `data` when an address was found; otherwise why not. */
  end: AnswerEnd;
  /** Where the look-up ended. */
  name: Name;
  cut?: Name;
}

/** A and AAAA for a host name, as a client resolves it before it connects. */
export function addressesOf(answers: ZoneAnswers, host: Name): AddressAnswer {
  const a = answers.query(host, 'A');
  const aaaa = answers.query(host, 'AAAA');
  const addresses = [...a.records, ...aaaa.records];
  const answer: AddressAnswer = { addresses, chain: a.chain, end: addresses.length > 0 ? 'data' : a.end, name: a.name };
  if (a.cut) answer.cut = a.cut;
  return answer;
}
