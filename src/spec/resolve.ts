/**
 * Spec -> Zone model. Merges `defaults` into each zone (maps key by key, lists replace, records
 * concatenate), applies the name rule and looks protocols up in the service catalog. The result is the
 * model a zone file becomes: fully-qualified records with explicit TTLs, each at the spec node that
 * produced it. What a zone means (CNAMEs, targets, TTLs, SOA timers, addresses) is judged by the lint
 * rules over those records; here only what is about the spec itself: values that cannot become records
 * (an address that does not parse, a name outside the zone, a protocol no profile publishes).
 * Schema and meaning are one pass: a part with a schema error is left out and every other part is
 * still resolved. Every problem is collected with the position the user wrote; nothing throws.
 */
import type { Diagnostic, SourcePosition } from '../diagnostics.js';
import { labelsFor, PROFILE_IDS, profilesWithLabel, protocolById, type ProfileId, type Protocol } from '../services/catalog.js';
import { Name } from '../zone/name.js';
import type { ParsedRecord } from '../zone/parser.js';
import { parseIpv4, parseIpv6 } from '../zone/rdata/address.js';
import type { Rdata, SoaData, Zone } from '../zone/record.js';
import { MAX_TTL, parseTtl } from '../zone/ttl.js';
import { dedupeDiagnostics, specDiagnostic, toPointer, zoneList } from './diagnostics.js';
import type { LoadedSpec, SpecPath } from './load.js';
import { hostnameProblem, parseSpecName } from './names.js';
import { readSpecShape, SPEC_DEFAULTS } from './schema.js';
import { readPresentationValue, readTxtValue, splitCharacterStrings } from './values.js';

export type SerialPolicy = 'auto' | number;

/** A zone resolved from a spec: the Zone model, its records carrying the spec positions they came from. */
export interface SpecZone extends Zone {
  records: ParsedRecord[];
}

export interface ResolvedZone {
  /** The zone as written in the spec, without a trailing dot (`example.com`): names its file. */
  domain: string;
  /** SOA first; its serial is a placeholder until the generator settles it (see SerialPolicy). */
  zone: SpecZone;
  serial: SerialPolicy;
  /** The label profiles the zone was generated for; its header comment declares them to `lint`. */
  profiles: ProfileId[];
}

export interface ResolvedSpec {
  file: string;
  /**
   * Every zone that got as far as an SOA and name servers, to be judged by the lint rules. When the
   * diagnostics hold an error, a zone may lack the parts that had one: judge it, write none.
   */
  zones: ResolvedZone[];
  /** The spec's own problems (shape, values that cannot become records), in file order. */
  diagnostics: Diagnostic[];
}

type Json = Record<string, unknown>;
interface Sourced<T = unknown> {
  value: T;
  path: SpecPath;
}

function isMap(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Which parts of the data the schema found unusable, by JSON pointer. */
class Usable {
  constructor(private readonly broken: readonly string[]) {}
  /** The value itself has the right shape (its parts may still be broken): for maps and lists. */
  node(path: SpecPath): boolean {
    return this.broken.length === 0 || !this.broken.includes(toPointer(path));
  }
  /** Nothing at or below the path is broken: for a value read as one unit. */
  whole(path: SpecPath): boolean {
    // A valid spec (the usual case) asks for every value it reads: no pointer to build.
    if (this.broken.length === 0) return true;
    const pointer = toPointer(path);
    return !this.broken.some((b) => b === pointer || b.startsWith(pointer + '/'));
  }
}

/** Shape and meaning in one pass: the whole check of a loaded spec. */
export function resolveSpec(loaded: LoadedSpec): ResolvedSpec {
  const diagnostics = [...loaded.diagnostics];
  const zones: ResolvedZone[] = [];
  if (loaded.data === undefined) return { file: loaded.file, zones, diagnostics };
  if (loaded.data === null) {
    diagnostics.push(specDiagnostic(loaded.file, { line: 1, column: 1 }, 'the spec is empty: `zonesmith init DOMAIN` writes a commented starter spec', ''));
    return { file: loaded.file, zones, diagnostics };
  }
  const shape = readSpecShape(loaded);
  for (const d of shape.diagnostics) diagnostics.push(d);
  const usable = new Usable(shape.broken);
  const spec = loaded.data;
  if (!isMap(spec) || !Array.isArray(spec.zones) || !usable.node(['zones'])) {
    return { file: loaded.file, zones, diagnostics: sortByPosition(dedupeDiagnostics(diagnostics)) };
  }
  const defaults = isMap(spec.defaults) && usable.node(['defaults']) ? spec.defaults : {};
  const seenDomains = new Map<string, number>();
  // A problem in `defaults` shows in every zone that inherits it: reported once, naming the zones.
  const fromDefaults = new Map<string, { diagnostic: Diagnostic; zones: string[] }>();
  spec.zones.forEach((raw: unknown, index) => {
    if (!isMap(raw) || !usable.node(['zones', index]) || typeof raw.domain !== 'string' || !usable.whole(['zones', index, 'domain'])) return;
    const key = raw.domain.toLowerCase().replace(/\.$/, '');
    const first = seenDomains.get(key);
    if (first !== undefined) {
      const at = loaded.locate(['zones', index, 'domain']);
      // Still resolved and judged below: its other problems are reported now, not after this one is fixed.
      diagnostics.push(specDiagnostic(loaded.file, at, `zone ${key} is already defined by zones[${first}]; each zone once`, `/zones/${index}/domain`));
    } else {
      seenDomains.set(key, index);
    }
    const resolver = new ZoneResolver(loaded, usable, raw, defaults, index);
    const resolved = resolver.resolve();
    for (const d of resolver.diagnostics) {
      if (!d.path?.startsWith('/defaults/')) {
        diagnostics.push(d);
        continue;
      }
      const seen = fromDefaults.get(`${d.line}:${d.column}:${d.message}`);
      if (seen) seen.zones.push(key);
      else fromDefaults.set(`${d.line}:${d.column}:${d.message}`, { diagnostic: d, zones: [key] });
    }
    if (resolved) zones.push(resolved);
  });
  for (const { diagnostic, zones: names } of fromDefaults.values()) {
    diagnostics.push({ ...diagnostic, message: `${diagnostic.message} (${zoneList(names)})` });
  }
  return { file: loaded.file, zones, diagnostics: sortByPosition(dedupeDiagnostics(diagnostics)) };
}

/** The name rule, as advice: `_sip._tcp` means `_sip._tcp.` unless the zone is written out. */
function inZoneHint(text: string, origin: Name): string {
  return `a name with a dot is absolute: for the name in this zone write "${text}.${origin.toString().replace(/\.$/, '')}"`;
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** One SRV target of a protocol; no target means "not offered". */
interface ServiceTarget {
  target?: Name;
  priority: number;
  weight: number;
  port: number;
  path: SpecPath;
  davPath?: Sourced<string>;
}

/** RFC 6186 §3.4: `SRV 0 0 0 .` tells clients the service is not offered here, so they stop looking. */
function notOffered(path: SpecPath): ServiceTarget {
  return { priority: 0, weight: 0, port: 0, path };
}

class ZoneResolver {
  readonly diagnostics: Diagnostic[] = [];
  private origin!: Name;
  private defaultTtl: number = SPEC_DEFAULTS.ttl;
  private readonly records: ParsedRecord[] = [];
  /** Host names with addresses, by name key: one key per host. */
  private readonly addressed = new Map<string, SpecPath>();
  private readonly zonePath: SpecPath;

  constructor(
    private readonly loaded: LoadedSpec,
    private readonly usable: Usable,
    private readonly zone: Json,
    private readonly defaults: Json,
    index: number,
  ) {
    this.zonePath = ['zones', index];
  }

  resolve(): ResolvedZone | undefined {
    const domainText = String(this.zone.domain);
    const origin = this.readDomain(domainText);
    if (!origin) return undefined;
    this.origin = origin;
    const ttl = this.field('ttl');
    if (ttl) this.defaultTtl = this.ttl(ttl) ?? SPEC_DEFAULTS.ttl;
    const named = this.profiles();
    const profiles = named.length > 0 ? named : [...SPEC_DEFAULTS.profiles];

    const soa = this.soa();
    this.hosts();
    const hasNameservers = this.nameservers();
    this.mx();
    this.services(profiles);
    this.otherRecords();
    // Without an SOA or name servers the rules would only say so again: such a zone is not judged.
    if (!soa || !hasNameservers) return undefined;
    return {
      domain: domainText.replace(/\.$/, ''),
      zone: { origin, defaultTtl: this.defaultTtl, records: [soa.record, ...this.records] },
      serial: soa.serial,
      profiles,
    };
  }

  /* ---- reporting ---- */

  private error(path: SpecPath, message: string, key = false): void {
    this.diagnostics.push(specDiagnostic(this.loaded.file, this.loaded.locate(path, key), message, toPointer(path)));
  }

  /* ---- merging defaults ---- */

  /** A zone's key, else the defaults' one; undefined when absent or when the schema found it unusable. */
  private field<T = unknown>(key: string, whole = true): Sourced<T> | undefined {
    const written = this.written(key);
    if (!written) return undefined;
    const ok = whole ? this.usable.whole(written.path) : this.usable.node(written.path);
    return ok ? (written as Sourced<T>) : undefined;
  }

  /** A zone's key, else the defaults' one, as written (usable or not). */
  private written(key: string): Sourced | undefined {
    if (this.zone[key] !== undefined) return { value: this.zone[key], path: [...this.zonePath, key] };
    if (this.defaults[key] !== undefined) return { value: this.defaults[key], path: ['defaults', key] };
    return undefined;
  }

  /**
   * A map merged key by key (the zone's entries win), without the entries the schema found unusable
   * (`nodeOnly`: an entry counts when its own shape is right, and its parts are checked where read).
   */
  private mapField(key: string, nodeOnly = false): Map<string, Sourced> {
    const merged = new Map<string, Sourced>();
    for (const [source, path] of [
      [this.defaults[key], ['defaults', key]],
      [this.zone[key], [...this.zonePath, key]],
    ] as const) {
      if (!isMap(source) || !this.usable.node(path)) continue;
      for (const [k, v] of Object.entries(source)) {
        const ok = nodeOnly ? this.usable.node([...path, k]) : this.usable.whole([...path, k]);
        if (ok) merged.set(k, { value: v, path: [...path, k] });
        else merged.delete(k);
      }
    }
    return merged;
  }

  /**
   * The entries of a list field that the schema found usable, each with its path. With `key`, an
   * entry that is a map needs only that key usable: its other fields fall back to their defaults
   * (the zone is not written while the schema error stands, but the rest of it is judged).
   */
  private listEntries<T>(source: Sourced, key?: string): Sourced<T>[] {
    if (!Array.isArray(source.value)) return [];
    return source.value
      .map((value: unknown, i) => ({ value: value as T, path: [...source.path, i] }))
      .filter((entry) => (key && isMap(entry.value) ? this.usable.node(entry.path) && this.usable.whole([...entry.path, key]) : this.usable.whole(entry.path)));
  }

  /** The profiles the spec names for the zone, without names the schema refused (reported there). */
  private profiles(): ProfileId[] {
    const written = this.written('profiles')?.value;
    const known = Array.isArray(written) ? written.filter((p): p is ProfileId => (PROFILE_IDS as readonly unknown[]).includes(p)) : [];
    return [...new Set(known)];
  }

  /* ---- values ---- */

  private readDomain(text: string): Name | undefined {
    const path = [...this.zonePath, 'domain'];
    const parsed = parseSpecName(text.endsWith('.') ? text : text + '.', Name.root);
    if (!parsed.ok) {
      this.error(path, `domain ${parsed.error}`);
      return undefined;
    }
    if (parsed.name.isRoot) {
      this.error(path, 'domain must name a zone below the root, such as example.com');
      return undefined;
    }
    const problem = hostnameProblem(parsed.name, false);
    if (problem) {
      this.error(path, `domain ${problem}`);
      return undefined;
    }
    return parsed.name;
  }

  private name(text: string, path: SpecPath, key = false): Name | undefined {
    const parsed = parseSpecName(text, this.origin);
    if (!parsed.ok) {
      this.error(path, parsed.error, key);
      return undefined;
    }
    return parsed.name;
  }

  /** A name that must lie in this zone (an owner). */
  private ownerName(text: string, path: SpecPath, key = false): Name | undefined {
    const name = this.name(text, path, key);
    if (name && !name.isSubdomainOf(this.origin)) {
      const hint = text.includes('.') && !text.endsWith('.') ? `; ${inZoneHint(text, this.origin)}` : '';
      this.error(path, `"${text}" (${name.toString()}) is outside zone ${this.origin.toString()}${hint}`, key);
      return undefined;
    }
    return name;
  }

  private hostName(text: string, path: SpecPath, allowWildcard = false, key = false): Name | undefined {
    const name = this.name(text, path, key);
    if (!name) return undefined;
    const problem = hostnameProblem(name, allowWildcard);
    if (problem) {
      this.error(path, problem, key);
      return undefined;
    }
    return name;
  }

  private ttl(source: Sourced): number | undefined {
    const { value, path } = source;
    if (typeof value === 'number') return value;
    const parsed = parseTtl(String(value));
    if (!parsed.ok) {
      this.error(path, parsed.error);
      return undefined;
    }
    if (parsed.value > MAX_TTL) {
      this.error(path, `${String(value)} is ${parsed.value} seconds, above the largest TTL ${MAX_TTL} (RFC 2181 §8)`);
      return undefined;
    }
    return parsed.value;
  }

  /** The place in the spec file of the node at `path` (`key`: of its key). */
  private position(path: SpecPath, key = false): SourcePosition & { endColumn?: number } {
    const at = this.loaded.locate(path, key);
    return { file: this.loaded.file, line: at.line, column: at.column, ...(at.endColumn !== undefined ? { endColumn: at.endColumn } : {}) };
  }

  /** A record of the zone, at the spec node it came from (`key`: at the node's key, for whole maps). */
  private record(owner: Name, type: string, data: Rdata, path: SpecPath, ttl = this.defaultTtl, key = false): ParsedRecord {
    const position = this.position(path, key);
    return { owner, ttl, class: 'IN', type, data, position, rdataTokens: [], ownerInherited: false, afterBreak: false, ttlExplicit: true, origin: this.origin };
  }

  private add(owner: Name, type: string, data: Rdata, path: SpecPath, ttl = this.defaultTtl): void {
    this.records.push(this.record(owner, type, data, path, ttl));
  }

  /* ---- the parts of a zone ---- */

  private soa(): { record: ParsedRecord; serial: SerialPolicy } | undefined {
    const soa = this.mapField('soa');
    const primary = soa.get('primary');
    const contact = soa.get('contact');
    // A key the schema refused has been reported; only a key written nowhere is asked for here.
    const writtenIn = (key: string) => [this.zone.soa, this.defaults.soa].some((m) => isMap(m) && m[key] !== undefined);
    if (!primary && !writtenIn('primary')) this.error(this.zonePath, `zone ${this.origin.toString()} needs soa.primary (the primary name server), here or in defaults`);
    if (!contact && !writtenIn('contact')) this.error(this.zonePath, `zone ${this.origin.toString()} needs soa.contact (hostmaster@your-domain), here or in defaults`);
    const mname = primary && this.hostName(String(primary.value), primary.path);
    const rname = contact && this.contact(String(contact.value), contact.path);
    const timer = (key: 'refresh' | 'retry' | 'expire' | 'minimum'): number => {
      const source = soa.get(key);
      return (source && this.ttl(source)) ?? SPEC_DEFAULTS.soa[key];
    };
    const data = { refresh: timer('refresh'), retry: timer('retry'), expire: timer('expire'), minimum: timer('minimum') };
    const serialValue = soa.get('serial')?.value ?? SPEC_DEFAULTS.soa.serial;
    if (!mname || !rname) return undefined;
    const serial: SerialPolicy = serialValue === 'auto' ? 'auto' : Number(serialValue);
    const soaData: SoaData = { mname, rname, serial: serial === 'auto' ? 0 : serial, ...data };
    // The SOA is built from the zone's `soa:` (else the defaults'): its findings point at that key.
    const path = this.zone.soa !== undefined ? [...this.zonePath, 'soa'] : this.defaults.soa !== undefined ? ['defaults', 'soa'] : this.zonePath;
    const record = this.record(this.origin, 'SOA', soaData, path, this.defaultTtl, true);
    // What the rules say of one timer points at the line it was written on.
    const written = (['refresh', 'retry', 'expire', 'minimum'] as const).flatMap((field) => {
      const source = soa.get(field);
      return source ? [[field, this.position(source.path)] as const] : [];
    });
    if (written.length > 0) record.fieldPositions = Object.fromEntries(written);
    return { record, serial };
  }

  /** RNAME from an e-mail address: the local part becomes one label, its dots escaped (RFC 1912 §2.2). */
  private contact(text: string, path: SpecPath): Name | undefined {
    const at = text.lastIndexOf('@');
    const local = text.slice(0, at);
    const domain = this.name(text.slice(at + 1).replace(/\.?$/, '.'), path);
    if (!domain) return undefined;
    for (let i = 0; i < local.length; i++) {
      const c = local.charCodeAt(i);
      if (c <= 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) {
        this.error(path, `the contact "${text}" has ${JSON.stringify(local[i])} in its local part; use a plain address such as hostmaster@${domain.toString().replace(/\.$/, '')}`);
        return undefined;
      }
    }
    const rname = domain.prepend(local);
    const problem = rname.lengthProblem();
    if (problem) {
      this.error(path, `the contact "${text}" makes an SOA RNAME that is too long: ${problem}`);
      return undefined;
    }
    return rname;
  }

  private hosts(): void {
    for (const [key, { value, path }] of this.mapField('hosts')) {
      const owner = this.hostName(key, path, true, true);
      if (!owner) continue;
      if (!owner.isSubdomainOf(this.origin)) {
        this.error(path, `host "${key}" (${owner.toString()}) is outside zone ${this.origin.toString()}; hosts are names in this zone${key.includes('.') && !key.endsWith('.') ? ` (${inZoneHint(key, this.origin)})` : ''}`, true);
        continue;
      }
      if (this.addressed.has(owner.key)) {
        this.error(path, `host ${owner.relativeTo(this.origin)} is defined twice (also at ${toPointer(this.addressed.get(owner.key)!)}); list all its addresses under one key`, true);
        continue;
      }
      this.addressed.set(owner.key, path);
      const addresses = Array.isArray(value) ? (value as string[]) : [value as string];
      addresses.forEach((address, i) => {
        const at = Array.isArray(value) ? [...path, i] : path;
        // The zone reader's own address scanners: what they accept is what BIND's inet_pton accepts.
        const type = parseIpv4(address) ? 'A' : parseIpv6(address) ? 'AAAA' : undefined;
        if (!type) {
          const looksLikeName = /^[A-Za-z0-9.-]+$/.test(address) && /[A-Za-z]/.test(address) && !address.includes(':');
          this.error(at, `"${address}" is not an IPv4 address (192.0.2.10) or IPv6 address (2001:db8::10)${looksLikeName ? `; for an alias use records: { name: "${key}", type: CNAME, value: "${address}" }` : ''}`);
          return;
        }
        const result = readPresentationValue(type, address, this.origin);
        if (!('data' in result)) {
          this.error(at, result.problems.map((p) => p.message).join('; '));
          return;
        }
        this.add(owner, type, result.data, at);
      });
    }
  }

  /** Returns whether the zone has name servers to judge. */
  private nameservers(): boolean {
    const written = this.written('nameservers');
    if (!written) {
      this.error(this.zonePath, `zone ${this.origin.toString()} needs nameservers (a list of name server host names), here or in defaults`);
      return false;
    }
    const source = this.field('nameservers', false);
    if (!source) return false;
    let count = 0;
    for (const { value: text, path } of this.listEntries<string>(source)) {
      const target = this.hostName(text, path);
      if (target) {
        this.add(this.origin, 'NS', { target }, path);
        count++;
      }
    }
    return count > 0;
  }

  private mx(): void {
    const source = this.field<false | unknown[]>('mx', false);
    if (!source) return;
    if (source.value === false) {
      this.add(this.origin, 'MX', { preference: 0, exchange: Name.root }, source.path);
      return;
    }
    this.listEntries<string | { host: string; priority?: number }>(source, 'host').forEach(({ value: entry, path }) => {
      const host = typeof entry === 'string' ? entry : entry.host;
      const hostPath = typeof entry === 'string' ? path : [...path, 'host'];
      const preference =
        typeof entry === 'object' && entry.priority !== undefined && this.usable.whole([...path, 'priority'])
          ? entry.priority
          : SPEC_DEFAULTS.mxPriority + Number(path[path.length - 1]) * SPEC_DEFAULTS.mxPriorityStep;
      const exchange = this.hostName(host, hostPath);
      if (exchange) this.add(this.origin, 'MX', { preference, exchange }, hostPath);
    });
  }

  private services(profiles: readonly ProfileId[]): void {
    for (const [id, { value, path }] of this.mapField('services', true)) {
      const protocol = protocolById(id);
      if (!protocol) continue; // the schema has reported it
      const labels = labelsFor(protocol, profiles);
      if (labels.length === 0) {
        const others = profilesWithLabel(protocol);
        this.error(path, `protocol "${id}" has no SRV label in the profile${profiles.length > 1 ? 's' : ''} ${profiles.join(', ')}; ${others.length > 0 ? `it is published by the ${others.join(', ')} profile (add it to profiles)` : 'no profile publishes it'}`, true);
        continue;
      }
      const targets = this.serviceTargets(protocol, value, path);
      if (!targets) continue;
      for (const label of labels) {
        const owner = Name.from(label, this.origin);
        for (const t of targets) {
          const data = { priority: t.priority, weight: t.weight, port: t.port, target: t.target ?? Name.root };
          this.add(owner, 'SRV', data, t.path);
        }
        const davPath = targets.find((t) => t.davPath)?.davPath;
        if (davPath) this.add(owner, 'TXT', { strings: splitCharacterStrings(`path=${davPath.value}`) }, davPath.path);
      }
    }
  }

  private serviceTargets(protocol: Protocol, value: unknown, path: SpecPath): ServiceTarget[] | undefined {
    if (value === false) return [notOffered(path)];
    const entries: Sourced<string | Json>[] = Array.isArray(value)
      ? this.listEntries<string | Json>({ value, path }, 'host')
      : isMap(value) && !this.usable.whole([...path, 'host'])
        ? []
        : [{ value: value as string | Json, path }];
    // A field the schema refused (a port of 70000) was reported: its default stands in, so the rest is judged.
    const usableField = (entry: Sourced<string | Json>, object: Json, key: string): unknown =>
      this.usable.whole([...entry.path, key]) ? object[key] : undefined;
    const several = entries.length > 1;
    const out: ServiceTarget[] = [];
    const paths = new Set<string>();
    for (const entry of entries) {
      const object: Json = typeof entry.value === 'string' ? { host: entry.value } : entry.value;
      if (object.offered === false) {
        if (several || object.host !== undefined) this.error(entry.path, `offered: false publishes "${protocol.id} is not offered" (SRV 0 0 0 .); it takes no host and stands alone`);
        else out.push(notOffered(entry.path));
        continue;
      }
      if (object.host === undefined) {
        this.error(entry.path, `service "${protocol.id}" needs a host (or offered: false)`);
        continue;
      }
      const hostPath = typeof entry.value === 'string' ? entry.path : [...entry.path, 'host'];
      const target = this.hostName(String(object.host), hostPath);
      const written = usableField(entry, object, 'path');
      if (written !== undefined) {
        const davPath = String(written);
        const at = [...entry.path, 'path'];
        if (!protocol.davPath) this.error(at, `path is for CalDAV/CardDAV only (RFC 6764 §4); ${protocol.id} takes none`);
        else if (!/^\/[\x21-\x7e]*$/.test(davPath)) this.error(at, `path "${davPath}" must start with "/" and hold printable ASCII without spaces (percent-encode the rest)`);
        else paths.add(davPath);
      }
      if (!target) continue;
      const davPath = written !== undefined ? { value: String(written), path: [...entry.path, 'path'] } : undefined;
      // The SRV record stands at its host: what the rules say of the target points there.
      const t = {
        target,
        priority: (usableField(entry, object, 'priority') as number | undefined) ?? SPEC_DEFAULTS.srvPriority,
        weight: (usableField(entry, object, 'weight') as number | undefined) ?? (several ? 1 : 0),
        port: (usableField(entry, object, 'port') as number | undefined) ?? protocol.defaultPort,
        path: hostPath,
      };
      out.push(davPath ? { ...t, davPath } : t);
    }
    if (paths.size > 1) {
      this.error(path, `the targets of ${protocol.id} give different paths (${[...paths].join(', ')}); one TXT path serves all of them (RFC 6764 §4)`);
      return undefined;
    }
    return out;
  }

  private otherRecords(): void {
    const merged: Sourced<Json>[] = [];
    for (const [source, base] of [
      [this.defaults.records, ['defaults', 'records']],
      [this.zone.records, [...this.zonePath, 'records']],
    ] as const) {
      if (this.usable.node(base)) for (const entry of this.listEntries<Json>({ value: source, path: base })) merged.push(entry);
    }
    for (const { value: record, path } of merged) {
      const type = String(record.type).toUpperCase();
      const owner = this.ownerName(String(record.name), [...path, 'name']);
      const ttl = record.ttl === undefined ? this.defaultTtl : this.ttl({ value: record.ttl, path: [...path, 'ttl'] });
      if (!owner || ttl === undefined) continue;
      if (type === 'SOA') {
        this.error([...path, 'type'], 'the SOA record comes from soa: set soa.primary, soa.contact and its timers there');
        continue;
      }
      if (type === 'NS' && owner.equals(this.origin)) {
        this.error([...path, 'type'], 'NS records of the apex come from nameservers: list them there');
        continue;
      }
      const data = this.recordData(type, record.value, path);
      if (data) this.add(owner, type, data, path, ttl);
    }
  }

  /** A record's value through the value readers; their problems land on the value (or the type). */
  private recordData(type: string, value: unknown, path: SpecPath): Rdata | undefined {
    const result = type === 'TXT' || type === 'SPF' ? readTxtValue(value as string | string[]) : readPresentationValue(type, value, this.origin);
    if ('data' in result) return result.data;
    for (const problem of result.problems) {
      const at = problem.onType ? [...path, 'type'] : problem.index !== undefined ? [...path, 'value', problem.index] : [...path, 'value'];
      this.error(at, problem.message);
    }
    return undefined;
  }
}
