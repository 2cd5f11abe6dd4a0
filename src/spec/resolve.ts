/**
 * Spec -> Zone model. Merges `defaults` into each zone (maps key by key, lists replace, records
 * concatenate), applies the name rule, looks protocols up in the service catalog, and checks what
 * the schema cannot: addresses, names, hosts that MX/NS/SRV point at, CNAME collisions, RRset TTLs.
 * Every problem is collected with the position the user wrote; nothing here throws at the user.
 */
import type { Diagnostic } from '../diagnostics.js';
import {
  labelsFor,
  PROBED_HOSTS,
  profilesWithLabel,
  protocolById,
  type ProfileId,
  type Protocol,
} from '../services/catalog.js';
import { nonPublicRange } from '../lint/rules/private-address.js';
import { Name } from '../zone/name.js';
import { parseIpv4, parseIpv6 } from '../zone/rdata/address.js';
import type { Rdata, ResourceRecord, SoaData, Zone } from '../zone/record.js';
import { MAX_TTL, parseTtl } from '../zone/ttl.js';
import { dedupeDiagnostics, specDiagnostic, toPointer } from './diagnostics.js';
import type { LoadedSpec, SpecPath } from './load.js';
import { hostnameProblem, parseSpecName } from './names.js';
import { checkSpecShape, SPEC_DEFAULTS } from './schema.js';
import { readPresentationValue, readTxtValue, splitCharacterStrings } from './values.js';

export type SerialPolicy = 'auto' | number;

export interface ResolvedZone {
  /** The zone as written in the spec, without a trailing dot (`example.com`): names its file. */
  domain: string;
  /** SOA first; its serial is a placeholder until the generator settles it (see SerialPolicy). */
  zone: Zone;
  serial: SerialPolicy;
  /** The label profiles the zone was generated for; its header comment declares them to `lint`. */
  profiles: ProfileId[];
}

export interface ResolvedSpec {
  file: string;
  zones: ResolvedZone[];
  /** Errors and warnings, in file order. Any error means no zone may be written. */
  diagnostics: Diagnostic[];
}

type Json = Record<string, unknown>;
interface Sourced<T = unknown> {
  value: T;
  path: SpecPath;
}

/** Schema, then meaning: the whole check of a loaded spec. */
export function resolveSpec(loaded: LoadedSpec): ResolvedSpec {
  const diagnostics = [...loaded.diagnostics];
  const zones: ResolvedZone[] = [];
  if (loaded.data === undefined || loaded.diagnostics.some((d) => d.severity === 'error')) {
    return { file: loaded.file, zones, diagnostics };
  }
  if (loaded.data === null) {
    diagnostics.push(specDiagnostic(loaded.file, { line: 1, column: 1 }, 'the spec is empty: `zonesmith init DOMAIN` writes a commented starter spec', ''));
    return { file: loaded.file, zones, diagnostics };
  }
  const shape = checkSpecShape(loaded);
  diagnostics.push(...shape);
  const spec = loaded.data as Json;
  // A zone is resolved only when its own part and the defaults passed the schema: the data is then
  // known to have the right shape, and the other zones' problems are still reported.
  const zonePart = /^\/zones\/[0-9]+(\/|$)/;
  if (shape.some((d) => !d.path || !zonePart.test(d.path))) {
    return { file: loaded.file, zones, diagnostics: sortByPosition(dedupeDiagnostics(diagnostics)) };
  }
  const broken = (prefix: string) => shape.some((d) => d.path === prefix || d.path?.startsWith(prefix + '/'));
  const defaults = (spec.defaults as Json | undefined) ?? {};
  const seenDomains = new Map<string, number>();
  // A problem in `defaults` shows in every zone that inherits it: reported once, naming the zones.
  const fromDefaults = new Map<string, { diagnostic: Diagnostic; zones: string[] }>();
  (spec.zones as Json[]).forEach((raw, index) => {
    if (broken(`/zones/${index}`)) return;
    const key = String(raw.domain).toLowerCase().replace(/\.$/, '');
    const first = seenDomains.get(key);
    if (first !== undefined) {
      const at = loaded.locate(['zones', index, 'domain']);
      diagnostics.push(specDiagnostic(loaded.file, at, `zone ${key} is already defined by zones[${first}]; each zone once`, `/zones/${index}/domain`));
      return;
    }
    seenDomains.set(key, index);
    const resolver = new ZoneResolver(loaded, raw, defaults, index);
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

function zoneList(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
  return `zone${names.length > 1 ? 's' : ''} ${shown}${more}`;
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** What is known about each owner name of the zone while it is built: for CNAME and RRset checks. */
interface OwnerEntry {
  name: Name;
  types: Map<string, { ttl: number; path: SpecPath }>;
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
  private readonly records: ResourceRecord[] = [];
  private readonly owners = new Map<string, OwnerEntry>();
  /** Host names with addresses, by name key. */
  private readonly addressed = new Map<string, SpecPath>();
  private readonly zonePath: SpecPath;
  /** MX and SRV targets, checked once every host and record is known (see checkTargets). */
  private readonly targets: { name: Name; path: SpecPath; what: string; text: string }[] = [];

  constructor(
    private readonly loaded: LoadedSpec,
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
    const profiles = (this.field<ProfileId[]>('profiles')?.value ?? [...SPEC_DEFAULTS.profiles]) as ProfileId[];

    const errorsBefore = this.errorCount();
    const soa = this.soa();
    this.hosts();
    this.nameservers();
    const mx = this.mx();
    const servesMail = this.services(profiles);
    this.otherRecords();
    this.checkCnames();
    this.checkTargets();
    this.checkProbedHosts();
    if (servesMail && !mx) {
      this.warn(this.zonePath, `zone ${domainText} publishes mail services but no mx: mail to it falls back to the apex address (RFC 5321 §5.1); add mx, or mx: false for a domain that takes no mail`);
    }
    if (!soa || this.errorCount() > errorsBefore) return undefined;
    return {
      domain: domainText.replace(/\.$/, ''),
      zone: { origin, defaultTtl: this.defaultTtl, records: [soa.record, ...this.records] },
      serial: soa.serial,
      profiles,
    };
  }

  /* ---- reporting ---- */

  private errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }

  private error(path: SpecPath, message: string, key = false): void {
    this.diagnostics.push(specDiagnostic(this.loaded.file, this.loaded.locate(path, key), message, toPointer(path)));
  }

  private warn(path: SpecPath, message: string): void {
    this.diagnostics.push(specDiagnostic(this.loaded.file, this.loaded.locate(path), message, toPointer(path), 'warning'));
  }

  /* ---- merging defaults ---- */

  /** A zone's key, else the defaults' one. */
  private field<T = unknown>(key: string): Sourced<T> | undefined {
    if (this.zone[key] !== undefined) return { value: this.zone[key] as T, path: [...this.zonePath, key] };
    if (this.defaults[key] !== undefined) return { value: this.defaults[key] as T, path: ['defaults', key] };
    return undefined;
  }

  /** A map merged key by key: the zone's entries win. */
  private mapField(key: string): Map<string, Sourced> {
    const merged = new Map<string, Sourced>();
    for (const [source, path] of [
      [this.defaults[key], ['defaults', key]],
      [this.zone[key], [...this.zonePath, key]],
    ] as const) {
      if (source && typeof source === 'object') {
        for (const [k, v] of Object.entries(source as Json)) merged.set(k, { value: v, path: [...path, k] });
      }
    }
    return merged;
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

  private add(owner: Name, type: string, data: Rdata, path: SpecPath, ttl = this.defaultTtl): void {
    this.records.push({ owner, ttl, class: 'IN', type, data });
    let entry = this.owners.get(owner.key);
    if (!entry) {
      entry = { name: owner, types: new Map() };
      this.owners.set(owner.key, entry);
    }
    const same = entry.types.get(type);
    if (same && same.ttl !== ttl) {
      this.error(path, `${type} records at ${owner.relativeTo(this.origin)} must share one TTL (RFC 2181 §5.2): this one has ${ttl}, the one at ${toPointer(same.path)} has ${same.ttl}`);
    }
    if (!same) entry.types.set(type, { ttl, path });
  }

  /* ---- the parts of a zone ---- */

  private soa(): { record: ResourceRecord<SoaData>; serial: SerialPolicy } | undefined {
    const soa = this.mapField('soa');
    const primary = soa.get('primary');
    const contact = soa.get('contact');
    if (!primary) this.error(this.zonePath, `zone ${this.origin.toString()} needs soa.primary (the primary name server), here or in defaults`);
    if (!contact) this.error(this.zonePath, `zone ${this.origin.toString()} needs soa.contact (hostmaster@your-domain), here or in defaults`);
    const mname = primary && this.hostName(String(primary.value), primary.path);
    const rname = contact && this.contact(String(contact.value), contact.path);
    const timer = (key: 'refresh' | 'retry' | 'expire' | 'minimum'): number => {
      const source = soa.get(key);
      return (source && this.ttl(source)) ?? SPEC_DEFAULTS.soa[key];
    };
    const refresh = timer('refresh');
    const retry = timer('retry');
    const expire = timer('expire');
    const minimum = timer('minimum');
    const timersPath = soa.get('expire')?.path ?? soa.get('refresh')?.path ?? this.zonePath;
    if (expire <= refresh || expire <= retry) {
      this.warn(timersPath, `soa.expire (${expire}) should be larger than refresh (${refresh}) and retry (${retry}) (RFC 1912 §2.2)`);
    }
    if (retry >= refresh) this.warn(soa.get('retry')?.path ?? timersPath, `soa.retry (${retry}) should be smaller than refresh (${refresh}) (RFC 1912 §2.2)`);
    const serialValue = soa.get('serial')?.value ?? SPEC_DEFAULTS.soa.serial;
    if (!mname || !rname) return undefined;
    const serial: SerialPolicy = serialValue === 'auto' ? 'auto' : Number(serialValue);
    const data: SoaData = { mname, rname, serial: serial === 'auto' ? 0 : serial, refresh, retry, expire, minimum };
    return { record: { owner: this.origin, ttl: this.defaultTtl, class: 'IN', type: 'SOA', data }, serial };
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
    const notPublic: { host: string; range: string; path: SpecPath }[] = [];
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
      const seen = new Set<string>();
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
        const data = result.data;
        const canonical = String(data.address);
        if (seen.has(canonical)) {
          this.error(at, `address ${canonical} is listed twice for host ${owner.relativeTo(this.origin)}`);
          return;
        }
        seen.add(canonical);
        this.add(owner, type, data, at);
        const range = nonPublicRange(canonical);
        if (range) notPublic.push({ host: owner.relativeTo(this.origin), range, path: at });
      });
    }
    // The seed's sixth defect: fine inside a LAN or an example, wrong on the public internet. One warning per zone.
    const first = notPublic[0];
    if (first) {
      const hosts = notPublic.map((n) => n.host).join(', ');
      const ranges = [...new Set(notPublic.map((n) => n.range))].join(', ');
      this.warn(first.path, `${notPublic.length === 1 ? 'host' : 'hosts'} ${hosts} ${notPublic.length === 1 ? 'has a' : 'have'} ${ranges} address${notPublic.length === 1 ? '' : 'es'}: reachable only inside their own network; publish public addresses in a zone served on the internet`);
    }
  }

  private nameservers(): void {
    const source = this.field<string[]>('nameservers');
    if (!source) {
      this.error(this.zonePath, `zone ${this.origin.toString()} needs nameservers (a list of name server host names), here or in defaults`);
      return;
    }
    source.value.forEach((text, i) => {
      const path = [...source.path, i];
      const target = this.hostName(text, path);
      if (target) this.add(this.origin, 'NS', { target }, path);
    });
    if (source.value.length === 1) {
      this.warn(source.path, 'a single name server: publish at least two, on different networks, so the zone survives one outage (RFC 2182 §5, RFC 1912 §2.8)');
    }
  }

  /** Returns whether the zone has MX records (or a null MX). */
  private mx(): boolean {
    const source = this.field<false | (string | { host: string; priority?: number })[]>('mx');
    if (!source) return false;
    if (source.value === false) {
      this.add(this.origin, 'MX', { preference: 0, exchange: Name.root }, source.path);
      return true;
    }
    const seen = new Set<string>();
    source.value.forEach((entry, i) => {
      const path = [...source.path, i];
      const host = typeof entry === 'string' ? entry : entry.host;
      const hostPath = typeof entry === 'string' ? path : [...path, 'host'];
      const preference =
        typeof entry === 'object' && entry.priority !== undefined
          ? entry.priority
          : SPEC_DEFAULTS.mxPriority + i * SPEC_DEFAULTS.mxPriorityStep;
      const exchange = this.hostName(host, hostPath);
      if (!exchange) return;
      if (seen.has(exchange.key)) {
        this.error(hostPath, `mx lists ${host} twice`);
        return;
      }
      seen.add(exchange.key);
      this.targets.push({ name: exchange, path: hostPath, what: 'mx host', text: host });
      this.add(this.origin, 'MX', { preference, exchange }, path);
    });
    return true;
  }

  /** Returns whether any mail protocol is offered. */
  private services(profiles: readonly ProfileId[]): boolean {
    let servesMail = false;
    for (const [id, { value, path }] of this.mapField('services')) {
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
      if (protocol.mail && targets.some((t) => t.target)) servesMail = true;
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
    return servesMail;
  }

  private serviceTargets(protocol: Protocol, value: unknown, path: SpecPath): ServiceTarget[] | undefined {
    if (value === false) return [notOffered(path)];
    const entries: Sourced<string | Json>[] = Array.isArray(value)
      ? value.map((v, i) => ({ value: v as string | Json, path: [...path, i] }))
      : [{ value: value as string | Json, path }];
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
      if (object.path !== undefined) {
        const davPath = String(object.path);
        const at = [...entry.path, 'path'];
        if (!protocol.davPath) this.error(at, `path is for CalDAV/CardDAV only (RFC 6764 §4); ${protocol.id} takes none`);
        else if (!/^\/[\x21-\x7e]*$/.test(davPath)) this.error(at, `path "${davPath}" must start with "/" and hold printable ASCII without spaces (percent-encode the rest)`);
        else paths.add(davPath);
      }
      if (!target) continue;
      this.targets.push({ name: target, path: hostPath, what: `${protocol.id} host`, text: String(object.host) });
      const davPath = object.path !== undefined ? { value: String(object.path), path: [...entry.path, 'path'] } : undefined;
      const t = {
        target,
        priority: (object.priority as number | undefined) ?? SPEC_DEFAULTS.srvPriority,
        weight: (object.weight as number | undefined) ?? (several ? 1 : 0),
        port: (object.port as number | undefined) ?? protocol.defaultPort,
        path: entry.path,
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
      if (Array.isArray(source)) source.forEach((r, i) => merged.push({ value: r as Json, path: [...base, i] }));
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
      if (type === 'SPF') this.warn([...path, 'type'], 'the SPF record type is discontinued (RFC 7208 §14.1): publish the policy as TXT');
      const data = this.recordData(type, record.value, path);
      if (!data) continue;
      this.add(owner, type, data, path, ttl);
      // MX, SRV and delegation NS written as records are held to the same rules as the generated ones.
      const target = type === 'MX' ? data.exchange : type === 'SRV' || type === 'NS' ? data.target : undefined;
      if (target instanceof Name && !target.isRoot) {
        this.targets.push({ name: target, path: [...path, 'value'], what: `${type} target`, text: target.relativeTo(this.origin) });
      }
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

  /** Outlook asks autodiscover.<domain> before it looks at the SRV record: publishing one without the other half-works. */
  private checkProbedHosts(): void {
    const service = this.mapField('services').get('autodiscover');
    if (!service || service.value === false) return;
    const host = Name.from(PROBED_HOSTS.autodiscover.host, this.origin);
    const entry = this.owners.get(host.key);
    if (!entry?.types.has('A') && !entry?.types.has('AAAA') && !entry?.types.has('CNAME')) {
      this.warn(service.path, `Outlook tries ${host.toString()} before the _autodiscover._tcp record (${PROBED_HOSTS.autodiscover.source}): add hosts.${PROBED_HOSTS.autodiscover.host} with the Autodiscover server's address`);
    }
  }

  /** RFC 1034 §3.6.2, RFC 2181 §10.1: a CNAME stands alone, and never at the apex. */
  private checkCnames(): void {
    for (const entry of this.owners.values()) {
      const cname = entry.types.get('CNAME');
      if (!cname) continue;
      const at = entry.name;
      if (at.equals(this.origin)) {
        this.error(cname.path, 'a CNAME cannot be at the zone apex, which has SOA and NS records (RFC 1034 §3.6.2); use A/AAAA in hosts');
        continue;
      }
      const cnames = this.records.filter((r) => r.type === 'CNAME' && r.owner.equals(at)).length;
      if (cnames > 1) this.error(cname.path, `${at.relativeTo(this.origin)} has ${cnames} CNAME records; an alias has exactly one (RFC 2181 §10.1)`);
      const others = [...entry.types.entries()].filter(([type]) => type !== 'CNAME');
      if (others.length > 0) {
        const where = others.map(([type, o]) => `${type} at ${toPointer(o.path)}`).join(', ');
        this.error(cname.path, `${at.relativeTo(this.origin)} has a CNAME and other data (${where}); a CNAME stands alone (RFC 1034 §3.6.2): drop one of them`);
      }
    }
  }

  /** MX, NS and SRV targets inside the zone need addresses here and may not be aliases (RFC 2181 §10.3, RFC 2782). */
  private checkTargets(): void {
    const nsTargets = this.records.filter((r) => r.type === 'NS' && r.owner.equals(this.origin)).map((r) => r.data.target as Name);
    const nsSource = this.field<string[]>('nameservers');
    const all = [
      ...this.targets,
      ...nsTargets.map((name, i) => ({ name, path: [...(nsSource?.path ?? this.zonePath), i], what: 'name server', text: nsSource?.value[i] ?? '' })),
    ];
    for (const { name, path, what, text } of all) {
      if (!name.isSubdomainOf(this.origin)) continue;
      if (this.owners.get(name.key)?.types.has('CNAME')) {
        this.error(path, `${what} "${text}" is a CNAME; MX, NS and SRV targets must be host names with addresses (RFC 2181 §10.3, RFC 2782)`);
      } else if (!this.addressed.has(name.key) && !this.owners.get(name.key)?.types.has('A') && !this.owners.get(name.key)?.types.has('AAAA')) {
        // The key to add, written by the spec's name rule: one label relative, several labels absolute.
        const relative = name.relativeTo(this.origin);
        const key = relative === '@' ? '"@"' : relative.includes('.') ? `"${name.toString().replace(/\.$/, '')}"` : relative;
        this.error(path, `${what} "${text}" is not in hosts: add hosts.${key} with its address${text.includes('.') ? '' : ', or write the full name of a server outside the zone (mail.example.net)'}`);
      }
    }
  }
}
