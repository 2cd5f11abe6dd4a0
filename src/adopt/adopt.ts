/**
 * `init --from`: a zone (records as BIND reads them) becomes a spec that generates it again. The
 * apex SOA, NS, A/AAAA hosts and MX go to soa, nameservers, hosts and mx; SRV records the catalog
 * knows go to services (under the profile their labels imply); everything else to `records`. What a
 * spec cannot say is named in the notes, never dropped without a word. The test of the whole is the
 * round trip: the spec, generated, gives the zone BIND dumps the same (apart from the SOA serial).
 *
 * A spec can carry a record only as its reader reads it back: each record under `records` is read
 * again with the spec's value reader and compared in wire form; one that does not come back equal
 * is named, not written. Hosts, MX and services use the zone's default TTL; RRsets with another TTL
 * stay under `records`, which carry their own.
 */
import { formatRdata, rdataToWire } from '../zone/rdata.js';
import { typeCodeOf } from '../zone/rdata/codes.js';
import { Name } from '../zone/name.js';
import type { ResourceRecord } from '../zone/record.js';
import { MAX_TTL } from '../zone/ttl.js';
import { labelsFor, PROTOCOLS, type ProfileId, type Protocol } from '../services/catalog.js';
import { hostnameProblem, parseSpecName } from '../spec/names.js';
import { SPEC_DEFAULTS } from '../spec/schema.js';
import { readPresentationValue, readTxtValue, splitCharacterStrings, txtTextProblem } from '../spec/values.js';
import { groupRRsets, rrsetLabel, utf8Text, type RRset } from '../export/model.js';

export interface AdoptNote {
  /** `owner TYPE` of the RRset concerned. */
  rrset?: string;
  message: string;
}

export interface AdoptedZone {
  /** The zone's entry of `zones:` in the spec. */
  zone: Record<string, unknown>;
  /** The SOA serial of the zone read, for the comment that says what `serial: auto` replaces. */
  originalSerial?: number;
  /** What the spec does not carry, or carries differently. Empty means the spec regenerates the zone. */
  notes: AdoptNote[];
}

const MAX_NAMESERVERS = 13;
/** The schema's bound on the addresses of one host (more stay under records). */
const MAX_HOST_ADDRESSES = 64;
const MAX_SPEC_RECORDS = 10000;

type Json = Record<string, unknown>;

/** Whether two records have the same data, compared as BIND compares it (uncompressed wire form). */
function sameData(type: string, a: ResourceRecord['data'], b: ResourceRecord['data']): boolean {
  const x = rdataToWire(type, a);
  const y = rdataToWire(type, b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

export function adoptZone(origin: Name, records: readonly ResourceRecord[]): AdoptedZone {
  return new Adopter(origin).adopt(records);
}

class Adopter {
  readonly notes: AdoptNote[] = [];
  private ttl: number = SPEC_DEFAULTS.ttl;
  private readonly spec: Json = {};

  constructor(private origin: Name) {}

  private note(set: RRset | undefined, message: string): void {
    this.notes.push(set ? { rrset: rrsetLabel(set), message } : { message });
  }

  adopt(records: readonly ResourceRecord[]): AdoptedZone {
    // The apex as the zone writes it (its SOA owner), not as the origin was given: BIND keeps the zone's case.
    const apex = records.find((r) => r.type === 'SOA' && r.owner.equals(this.origin));
    if (apex) this.origin = apex.owner;
    const domain = this.origin.toString().replace(/\.$/, '');
    this.spec.domain = domain;
    const domainProblem = this.origin.isRoot ? 'the root zone' : hostnameProblem(this.origin, false);
    if (domainProblem) this.note(undefined, `the zone name: a spec's domain is a host name, and ${domainProblem}`);

    let sets = groupRRsets(records).filter((set) => {
      if (!set.owner.isSubdomainOf(this.origin)) {
        this.note(set, `outside zone ${this.origin.toString()}: BIND ignores out-of-zone data, and so does the spec`);
        return false;
      }
      if (set.class !== 'IN') {
        this.note(set, `class ${set.class}: a spec writes Internet-class (IN) records only`);
        return false;
      }
      return true;
    });
    for (const set of sets) this.caseNotes(set);
    const soaSet = sets.find((s) => s.type === 'SOA' && s.owner.equals(this.origin));
    let originalSerial: number | undefined;
    if (soaSet) {
      this.ttl = soaSet.ttl;
      originalSerial = Number(soaSet.records[0]!.data.serial);
      this.soa(soaSet);
    } else this.note(undefined, 'the zone has no SOA record at its apex: the spec needs soa.primary and soa.contact');
    sets = sets.filter((s) => s !== soaSet);
    this.spec.ttl = this.ttl;

    const rest: RRset[] = [];
    const apexNs = sets.find((s) => s.type === 'NS' && s.owner.equals(this.origin));
    if (apexNs) this.nameservers(apexNs);
    else this.note(undefined, 'the zone has no NS records at its apex: a spec needs nameservers');
    const hosts: Json = {};
    const addressCount = new Map<string, number>();
    for (const s of sets) if (s.type === 'A' || s.type === 'AAAA') addressCount.set(s.owner.key, (addressCount.get(s.owner.key) ?? 0) + s.records.length);
    for (const set of sets) {
      if (set === apexNs) continue;
      if (this.isHost(set, addressCount)) {
        const key = this.specName(set.owner)!;
        const addresses = [...((hosts[key] as string[] | undefined) ?? []), ...set.records.map((r) => String(r.data.address))];
        hosts[key] = addresses;
      } else rest.push(set);
    }
    for (const key of Object.keys(hosts)) {
      const list = hosts[key] as string[];
      if (list.length === 1) hosts[key] = list[0];
    }

    const mxIndex = rest.findIndex((s) => s.type === 'MX' && s.owner.equals(this.origin) && this.mx(s));
    if (mxIndex >= 0) rest.splice(mxIndex, 1);
    const profiles = this.services(rest);

    const others: Json[] = [];
    for (const set of rest) for (const r of set.records) {
      const entry = this.recordEntry(set, r);
      if (entry) others.push(entry);
    }
    if (profiles) this.spec.profiles = profiles;
    if (Object.keys(hosts).length > 0) this.spec.hosts = hosts;
    // Key order in the spec file: the order a person reads a zone in.
    const ordered: Json = {};
    for (const key of ['domain', 'ttl', 'soa', 'nameservers', 'profiles', 'hosts', 'mx', 'services']) if (this.spec[key] !== undefined) ordered[key] = this.spec[key];
    if (others.length > MAX_SPEC_RECORDS) {
      this.note(undefined, `${others.length} records are left for \`records\`, and a spec holds at most ${MAX_SPEC_RECORDS} there: the last ${others.length - MAX_SPEC_RECORDS} are not written`);
      others.length = MAX_SPEC_RECORDS;
    }
    if (others.length > 0) ordered.records = others;
    return { zone: ordered, ...(originalSerial !== undefined ? { originalSerial } : {}), notes: this.notes };
  }

  /** What generate cannot write in the case the zone has it (see keepsOriginCase). */
  private caseNotes(set: RRset): void {
    if (set.caseVariants) this.note(set, 'repeated records differing only in the case of a name: BIND keeps one of them, and which one the regenerated zone gets may differ');
    const suffix = set.owner.labels.slice(set.owner.labels.length - this.origin.labels.length);
    if (suffix.some((label, i) => label !== this.origin.labels[i])) {
      this.note(set, `the owner is written with the zone's labels in another case than ${this.origin.toString()}; generate writes them as the zone's`);
    }
    const record = set.records.find((r) => !keepsOriginCase(this.origin, r.data));
    if (record) this.note(set, `${formatRdata(set.type, record.data)}: generate writes names below the zone relative to it, so the case of the zone's own labels in this data becomes ${this.origin.toString()}`);
  }

  /** How a spec writes a name of this zone: `@`, one relative label, or the absolute name; undefined when it cannot. */
  private specName(name: Name): string | undefined {
    const relative = name.relativeTo(this.origin);
    const text = relative === '@' ? '@' : relative.includes('.') || relative.includes('\\') ? name.toString() : relative;
    const parsed = parseSpecName(text, this.origin);
    return parsed.ok && parsed.name.equals(name) ? text : undefined;
  }

  /** A target as a spec host: a host name, written the way the spec reads it back. */
  private hostTarget(name: Name): string | undefined {
    if (name.isRoot || hostnameProblem(name, false)) return undefined;
    return this.specName(name) ?? (name.isSubdomainOf(this.origin) ? undefined : absoluteText(name));
  }

  private timer(set: RRset, field: string, value: number): number | undefined {
    if (value <= MAX_TTL) return value;
    this.note(set, `SOA ${field} ${value} is above ${MAX_TTL}, the largest a spec takes; written as ${MAX_TTL}`);
    return MAX_TTL;
  }

  private soa(set: RRset): void {
    const d = set.records[0]!.data;
    const mname = d.mname as Name;
    const rname = d.rname as Name;
    const soa: Json = {};
    const primary = hostnameProblem(mname, false) || mname.isRoot ? undefined : absoluteText(mname);
    if (primary) soa.primary = primary;
    else this.note(set, `SOA MNAME ${mname.toString()} is not a host name: set soa.primary by hand`);
    const contact = this.contact(rname);
    if (contact) soa.contact = contact;
    else this.note(set, `SOA RNAME ${rname.toString()} has no e-mail form a spec can write (local part@domain): set soa.contact by hand`);
    for (const field of ['refresh', 'retry', 'expire', 'minimum'] as const) soa[field] = this.timer(set, field, Number(d[field]));
    soa.serial = 'auto';
    this.spec.soa = soa;
  }

  private contact(rname: Name): string | undefined {
    if (rname.labels.length < 2) return undefined;
    const local = rname.labels[0]!;
    const domain = rname.parent();
    for (let i = 0; i < local.length; i++) {
      const c = local.charCodeAt(i);
      if (c <= 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c || c === 0x40) return undefined;
    }
    const domainText = domain.toString().replace(/\.$/, '');
    if (local.length > 64 || !/^[^@\s]{1,253}$/.test(domainText)) return undefined;
    const parsed = parseSpecName(domainText + '.', Name.root);
    if (!parsed.ok || !parsed.name.equals(domain) || parsed.name.toString() !== domain.toString()) return undefined;
    return `${local}@${domainText}`;
  }

  private nameservers(set: RRset): void {
    const names = set.records.map((r) => r.data.target as Name);
    const written = names.map((n) => (hostnameProblem(n, false) || n.isRoot ? undefined : absoluteText(n)));
    const bad = names.filter((_, i) => written[i] === undefined);
    if (bad.length > 0) this.note(set, `name server ${bad.map((n) => n.toString()).join(', ')} is not a host name a spec takes`);
    if (set.ttl !== this.ttl) this.note(set, `the apex NS records have TTL ${set.ttl}, the SOA ${this.ttl}: a spec gives both the zone TTL, ${this.ttl}`);
    const list = written.filter((w): w is string => w !== undefined);
    if (list.length > MAX_NAMESERVERS) this.note(set, `${list.length} name servers; a spec lists at most ${MAX_NAMESERVERS}: the rest are not written`);
    this.spec.nameservers = list.slice(0, MAX_NAMESERVERS);
  }

  private isHost(set: RRset, addressCount: Map<string, number>): boolean {
    if (set.type !== 'A' && set.type !== 'AAAA') return false;
    if ((addressCount.get(set.owner.key) ?? 0) > MAX_HOST_ADDRESSES) return false;
    if (set.ttl !== this.ttl || hostnameProblem(set.owner, true)) return false;
    return this.specName(set.owner) !== undefined;
  }

  /** The apex MX RRset as `mx:`; false when it has to stay under records. */
  private mx(set: RRset): boolean {
    if (set.ttl !== this.ttl) return false;
    if (set.records.length === 1 && (set.records[0]!.data.exchange as Name).isRoot && Number(set.records[0]!.data.preference) === 0) {
      this.spec.mx = false;
      return true;
    }
    const entries = set.records.map((r) => ({ host: this.hostTarget(r.data.exchange as Name), priority: Number(r.data.preference) }));
    if (entries.some((e) => e.host === undefined)) return false;
    this.spec.mx = entries;
    return true;
  }

  /**
   * The SRV RRsets the catalog knows, as `services:`, under the profile set that covers most of
   * them. A protocol is taken only when every label it publishes under that set holds the same
   * targets at the zone TTL: otherwise generate would write records the zone does not have.
   * Returns the profiles to write (undefined for the default, standard).
   */
  private services(rest: RRset[]): ProfileId[] | undefined {
    const srv = new Map(rest.filter((s) => s.type === 'SRV' && s.ttl === this.ttl).map((s) => [s.owner.key, s]));
    const txt = new Map(rest.filter((s) => s.type === 'TXT' && s.ttl === this.ttl).map((s) => [s.owner.key, s]));
    const candidates: ProfileId[][] = [['standard'], ['mdaemon'], ['standard', 'mdaemon']];
    let best: { profiles: ProfileId[]; taken: Map<string, { value: unknown; sets: RRset[] }>; count: number } | undefined;
    for (const profiles of candidates) {
      const taken = new Map<string, { value: unknown; sets: RRset[] }>();
      let count = 0;
      for (const protocol of PROTOCOLS) {
        const found = this.protocolValue(protocol, labelsFor(protocol, profiles), srv, txt);
        if (found) {
          taken.set(protocol.id, found);
          count += found.sets.filter((s) => s.type === 'SRV').length;
        }
      }
      if (!best || count > best.count) best = { profiles, taken, count };
    }
    if (!best || best.count === 0) return undefined;
    const services: Json = {};
    const used = new Set<RRset>();
    for (const [id, { value, sets }] of best.taken) {
      services[id] = value;
      for (const s of sets) used.add(s);
    }
    this.spec.services = services;
    for (let i = rest.length - 1; i >= 0; i--) if (used.has(rest[i]!)) rest.splice(i, 1);
    return best.profiles.length === 1 && best.profiles[0] === 'standard' ? undefined : best.profiles;
  }

  private protocolValue(protocol: Protocol, labels: string[], srv: Map<string, RRset>, txt: Map<string, RRset>): { value: unknown; sets: RRset[] } | undefined {
    if (labels.length === 0) return undefined;
    const owners = labels.map((l) => Name.from(l, this.origin));
    const sets = owners.map((o) => srv.get(o.key));
    if (sets.some((s) => s === undefined)) return undefined;
    const first = sets[0]!;
    // Owner names are written by generate in the catalog's case: a zone that writes them otherwise keeps its records.
    if (sets.some((s, i) => s!.owner.toString() !== owners[i]!.toString())) return undefined;
    if (sets.some((s) => !sameRdataSet(s!, first))) return undefined;
    const targets = this.serviceTargets(first);
    if (targets === undefined) return undefined;
    const used: RRset[] = sets.map((s) => s!);
    let path: string | undefined;
    if (protocol.davPath) {
      const paths = owners.map((o) => davPathOf(txt.get(o.key)));
      if (paths.every((p) => p !== undefined) && paths.every((p) => p === paths[0]) && targets !== false) {
        path = paths[0];
        for (const o of owners) used.push(txt.get(o.key)!);
      }
    }
    if (targets === false) return { value: false, sets: used };
    const several = targets.length > 1;
    const entries = targets.map((t) => {
      const entry: Json = { host: t.host };
      if (t.port !== protocol.defaultPort) entry.port = t.port;
      if (t.priority !== SPEC_DEFAULTS.srvPriority) entry.priority = t.priority;
      if (t.weight !== (several ? 1 : 0)) entry.weight = t.weight;
      if (path !== undefined) entry.path = path;
      return entry;
    });
    const value = !several && Object.keys(entries[0]!).length === 1 ? entries[0]!.host : several ? entries : entries[0];
    return { value, sets: used };
  }

  /** The SRV data as service targets; false for "not offered" (SRV 0 0 0 .); undefined when a spec cannot write it. */
  private serviceTargets(set: RRset): { host: string; port: number; priority: number; weight: number }[] | false | undefined {
    const data = set.records.map((r) => ({ target: r.data.target as Name, port: Number(r.data.port), priority: Number(r.data.priority), weight: Number(r.data.weight) }));
    if (data.length === 1 && data[0]!.target.isRoot && data[0]!.port === 0 && data[0]!.priority === 0 && data[0]!.weight === 0) return false;
    const out: { host: string; port: number; priority: number; weight: number }[] = [];
    for (const d of data) {
      const host = this.hostTarget(d.target);
      if (host === undefined || d.port === 0) return undefined;
      out.push({ host, port: d.port, priority: d.priority, weight: d.weight });
    }
    return out;
  }

  /** One record under `records`, read back by the spec's own reader to be sure it is the same. */
  private recordEntry(set: RRset, record: ResourceRecord): Json | undefined {
    const name = this.specName(set.owner);
    if (name === undefined) {
      this.note(set, `the owner name: a spec writes names of letters, digits, "-", "_" and "*" (a whole first label), and ${set.owner.toString()} is not one`);
      return undefined;
    }
    if (set.type === 'NS' && set.owner.equals(this.origin)) return undefined; // nameservers, noted there
    const entry: Json = { name, type: set.type };
    const txt = set.type === 'TXT' || set.type === 'SPF';
    const texts = txt ? (record.data.strings as readonly Uint8Array[]).map((s) => utf8Text(s)) : [];
    if (txt && texts.every((t) => t !== undefined && txtTextProblem(t) === undefined)) {
      const strings = texts as string[];
      const one = strings.length === 1 && splitCharacterStrings(strings[0]!).length === 1;
      entry.value = one ? strings[0] : strings;
    } else {
      // Other types, and text a spec's TXT value cannot hold: the zone-file form, under TYPEnnn for text.
      if (txt) entry.type = `TYPE${typeCodeOf(set.type)}`;
      entry.value = formatRdata(set.type, record.data);
    }
    if (set.ttl !== this.ttl) entry.ttl = set.ttl;
    const back = entry.type === 'TXT' || entry.type === 'SPF' ? readTxtValue(entry.value as string | string[]) : readPresentationValue(String(entry.type), entry.value, this.origin);
    if (!('data' in back) || !sameData(set.type, back.data, record.data)) {
      this.note(set, `${formatRdata(set.type, record.data)}: the spec's reader does not give this data back${'problems' in back ? ` (${back.problems.map((p) => p.message).join('; ')})` : ''}`);
      return undefined;
    }
    return entry;
  }
}

/** An absolute name as a spec reads it: without its trailing dot when it has a dot inside, else with it (`localhost.`). */
function absoluteText(name: Name): string {
  return name.labels.length > 1 ? name.toString().replace(/\.$/, '') : name.toString();
}

/**
 * Whether the record's data names a name below the zone with the zone's labels in another case
 * (`CdS.exAmPLe.` in zone `example.`): generate writes such names relative to the origin, and the
 * case of those labels becomes the origin's.
 */
export function keepsOriginCase(origin: Name, data: ResourceRecord['data']): boolean {
  const check = (value: unknown): boolean => {
    if (value instanceof Name) {
      if (!value.isSubdomainOf(origin)) return true;
      const tail = value.labels.slice(value.labels.length - origin.labels.length);
      return tail.every((label, i) => label === origin.labels[i]);
    }
    return Array.isArray(value) ? value.every(check) : true;
  };
  return Object.values(data).every(check);
}

function sameRdataSet(a: RRset, b: RRset): boolean {
  if (a.records.length !== b.records.length) return false;
  return a.records.every((r) => b.records.some((s) => sameData('SRV', r.data, s.data)));
}

/** The path of an RFC 6764 TXT `path=/...` RRset exactly as generate writes it, else undefined. */
function davPathOf(set: RRset | undefined): string | undefined {
  if (!set || set.records.length !== 1) return undefined;
  const strings = set.records[0]!.data.strings as readonly Uint8Array[];
  const text = strings.length === 1 ? utf8Text(strings[0]!) : undefined;
  if (text === undefined || !/^path=\/[\x21-\x7e]*$/.test(text) || text.length > 255) return undefined;
  return text.slice('path='.length);
}
