/**
 * Zone model -> zone file text. The model is turned into a view model (below, documented for
 * `--template` authors) with every name and datum already in presentation form — names relative to
 * the origin where shorter, data from the one formatter `formatRdata` — and the handlebars template
 * only arranges lines. So no template can put unescaped data into a zone file.
 *
 * Order, the same for every run: NS as the spec lists them; hosts in DNS canonical order
 * (RFC 4034 §6.1, apex first), A before AAAA, addresses as listed; MX by preference, then name;
 * SRV by the catalog's protocol order, then priority, weight and target, each DAV path TXT after its
 * SRV; other records by owner in canonical order, then type, then as listed.
 */
import Handlebars from 'handlebars';
import { PROTOCOLS, profilesAnnotation, protocolsByLabel, type ProfileId, type Protocol } from '../services/catalog.js';
import { Name } from '../zone/name.js';
import { formatRdata } from '../zone/rdata.js';
import type { ResourceRecord, SoaData, Zone } from '../zone/record.js';
import { formatDuration } from '../zone/ttl.js';
import { DEFAULT_ZONE_TEMPLATE } from './default-template.js';
import { widest } from './widest.js';

/** One line of a section: a record (fields and the aligned line) or a comment line. */
export interface RecordLineView {
  kind: 'record';
  /** Always present, so strict templates can test `{{#if isRecord}}`. */
  isRecord: true;
  /** Owner relative to the origin (`@`, `www`) or absolute with a trailing dot. */
  owner: string;
  /** The record's TTL when it differs from $TTL, else "". */
  ttl: string;
  class: string;
  type: string;
  /** Record data in presentation form (formatRdata, names relative to the origin). */
  data: string;
  /** The whole line, columns aligned across the zone. */
  text: string;
}
export interface CommentLineView {
  kind: 'comment';
  isRecord: false;
  /** The comment line, starting with ";". */
  text: string;
}
export type LineView = RecordLineView | CommentLineView;

export interface SectionView {
  id: 'ns' | 'hosts' | 'mx' | 'services' | 'other';
  title: string;
  lines: LineView[];
}

export interface SoaFieldView {
  name: 'serial' | 'refresh' | 'retry' | 'expire' | 'minimum';
  value: number;
  /** The value padded so that the comments align. */
  padded: string;
  comment: string;
}

/** What `templates/zone.hbs` (or `--template FILE`) receives. Everything is already safe zone text. */
export interface ZoneView {
  generator: 'zonesmith';
  /** Base name of the spec file the zone came from. */
  specFile: string;
  /** File name of the zone (`example.com.dns`). */
  fileName: string;
  /** `example.com.` */
  origin: string;
  /** The label profiles the zone was generated for (`['mdaemon']`), in the spec's order; empty when not known. */
  profiles: ProfileId[];
  /**
   * The header comments that tell `zonesmith lint` how to judge the zone, each written as
   * `; zonesmith: <annotation>`: `profiles standard, mdaemon` when the profiles are known.
   * src/lint/profiles.ts (declaredProfiles) reads them back; src/services/catalog.ts defines the form.
   */
  annotations: string[];
  /** Default TTL in seconds and in units (`1h`). */
  ttl: number;
  ttlText: string;
  soa: {
    owner: string;
    class: string;
    mname: string;
    rname: string;
    /** Owner, class, type, MNAME and RNAME, aligned with the record lines. */
    head: string;
    /** Indent for the field lines, under the MNAME. */
    indent: string;
    fields: SoaFieldView[];
  };
  /** Non-empty sections only, in the order above. */
  sections: SectionView[];
}

const SECTION_TITLES: Record<SectionView['id'], string> = {
  ns: 'Name servers (NS)',
  hosts: 'Hosts (A, AAAA)',
  mx: 'Mail exchangers (MX)',
  services: 'Services (SRV; RFC 6764 TXT path beside CalDAV/CardDAV)',
  other: 'Other records',
};

/** Owner names longer than this do not widen the owner column. */
const MAX_OWNER_COLUMN = 32;

/** RFC 4034 §6.1 canonical order: labels compared from the right, letters folded to lower case. */
export function compareNames(a: Name, b: Name): number {
  const la = a.labels;
  const lb = b.labels;
  for (let i = 1; i <= Math.min(la.length, lb.length); i++) {
    const x = la[la.length - i]!.toLowerCase();
    const y = lb[lb.length - i]!.toLowerCase();
    if (x !== y) return x < y ? -1 : 1;
  }
  return la.length - lb.length;
}

function protocolOf(owner: Name): { protocol: Protocol; order: number } | undefined {
  const pair = owner.labels.slice(0, 2).join('.');
  const found = protocolsByLabel(pair)[0];
  return found ? { protocol: found.protocol, order: PROTOCOLS.indexOf(found.protocol) } : undefined;
}

function sectionOf(record: ResourceRecord, origin: Name, srvOwners: Set<string>): SectionView['id'] {
  if (record.type === 'NS' && record.owner.equals(origin)) return 'ns';
  if (record.type === 'A' || record.type === 'AAAA') return 'hosts';
  if (record.type === 'MX' && record.owner.equals(origin)) return 'mx';
  if (record.type === 'SRV' || (record.type === 'TXT' && srvOwners.has(record.owner.key))) return 'services';
  return 'other';
}

const TYPE_ORDER = ['A', 'AAAA', 'SRV', 'TXT'];
const typeRank = (type: string) => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);

function sortSection(id: SectionView['id'], records: ResourceRecord[]): ResourceRecord[] {
  const indexed = records.map((record, index) => ({ record, index }));
  const byOwner = (a: ResourceRecord, b: ResourceRecord) => compareNames(a.owner, b.owner);
  const num = (r: ResourceRecord, field: string) => Number(r.data[field] ?? 0);
  const compare = (a: ResourceRecord, b: ResourceRecord): number => {
    switch (id) {
      case 'ns':
        return 0;
      case 'hosts':
        return byOwner(a, b) || typeRank(a.type) - typeRank(b.type);
      case 'mx':
        return num(a, 'preference') - num(b, 'preference') || compareNames(a.data.exchange as Name, b.data.exchange as Name);
      case 'services': {
        const pa = protocolOf(a.owner)?.order ?? PROTOCOLS.length;
        const pb = protocolOf(b.owner)?.order ?? PROTOCOLS.length;
        return (
          pa - pb ||
          byOwner(a, b) ||
          typeRank(a.type) - typeRank(b.type) ||
          num(a, 'priority') - num(b, 'priority') ||
          num(a, 'weight') - num(b, 'weight') ||
          (a.type === 'SRV' && b.type === 'SRV' ? compareNames(a.data.target as Name, b.data.target as Name) : 0)
        );
      }
      case 'other':
        return byOwner(a, b) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);
    }
  };
  return indexed.sort((x, y) => compare(x.record, y.record) || x.index - y.index).map((x) => x.record);
}

/** The records of a zone, grouped and sorted as the zone file lists them (see the order above). */
export function zoneSections(zone: Zone): { soa: ResourceRecord<SoaData>; sections: { id: SectionView['id']; records: ResourceRecord[] }[] } {
  const soa = zone.records.find((r) => r.type === 'SOA') as ResourceRecord<SoaData> | undefined;
  if (!soa) throw new Error('internal: a generated zone has an SOA record');
  const others = zone.records.filter((r) => r !== soa);
  const srvOwners = new Set(others.filter((r) => r.type === 'SRV').map((r) => r.owner.key));
  const grouped = new Map<SectionView['id'], ResourceRecord[]>();
  for (const record of others) {
    const id = sectionOf(record, zone.origin, srvOwners);
    const list = grouped.get(id);
    if (list) list.push(record);
    else grouped.set(id, [record]);
  }
  const sections = (Object.keys(SECTION_TITLES) as SectionView['id'][])
    .filter((id) => grouped.has(id))
    .map((id) => ({ id, records: sortSection(id, grouped.get(id)!) }));
  return { soa, sections };
}

/** Every record of a zone, SOA first, in the order of its zone file. */
export function orderedRecords(zone: Zone): ResourceRecord[] {
  const { soa, sections } = zoneSections(zone);
  return [soa, ...sections.flatMap((s) => s.records)];
}

/** The view model of a zone; see ZoneView. */
export function buildZoneView(zone: Zone, specFile: string, fileName: string, profiles?: readonly ProfileId[]): ZoneView {
  const origin = zone.origin;
  const { soa: soaRecord, sections: grouped } = zoneSections(zone);
  const all = [soaRecord, ...grouped.flatMap((s) => s.records)];

  const owner = (r: ResourceRecord) => r.owner.relativeTo(origin);
  const ttlText = (r: ResourceRecord) => (r.ttl === zone.defaultTtl ? '' : String(r.ttl));
  const ownerWidth = Math.min(MAX_OWNER_COLUMN, widest(all, (r) => owner(r).length));
  const ttlWidth = widest(all, (r) => ttlText(r).length);
  const typeWidth = widest(all, (r) => r.type.length);
  const prefix = (r: ResourceRecord): string => {
    const ttlColumn = ttlWidth > 0 ? ttlText(r).padEnd(ttlWidth) + ' ' : '';
    return `${owner(r).padEnd(ownerWidth)} ${ttlColumn}${r.class} ${r.type.padEnd(typeWidth)} `;
  };

  const sections: SectionView[] = [];
  for (const { id, records } of grouped) {
    const lines: LineView[] = [];
    let lastProtocol: Protocol | undefined;
    for (const record of records) {
      const protocol = id === 'services' ? protocolOf(record.owner)?.protocol : undefined;
      if (protocol && protocol !== lastProtocol) {
        lines.push({ kind: 'comment', isRecord: false, text: `; ${protocol.id}: ${protocol.description} (${protocol.source})` });
      }
      lastProtocol = protocol;
      const data = formatRdata(record.type, record.data, origin);
      lines.push({
        kind: 'record',
        isRecord: true,
        owner: owner(record),
        ttl: ttlText(record),
        class: record.class,
        type: record.type,
        data,
        text: prefix(record) + data,
      });
    }
    sections.push({ id, title: SECTION_TITLES[id], lines });
  }

  const soa = soaRecord.data;
  const head = `${prefix(soaRecord)}${soa.mname.relativeTo(origin)} ${soa.rname.relativeTo(origin)}`;
  const values = [soa.serial, soa.refresh, soa.retry, soa.expire, soa.minimum];
  const valueWidth = widest(values, (v) => String(v).length);
  const field = (name: SoaFieldView['name'], value: number, comment: string): SoaFieldView => ({
    name,
    value,
    padded: String(value).padEnd(valueWidth),
    comment,
  });
  return {
    generator: 'zonesmith',
    specFile,
    fileName,
    origin: origin.toString(),
    profiles: [...(profiles ?? [])],
    annotations: profiles ? [profilesAnnotation(profiles)] : [],
    ttl: zone.defaultTtl,
    ttlText: formatDuration(zone.defaultTtl),
    soa: {
      owner: owner(soaRecord),
      class: soaRecord.class,
      mname: soa.mname.relativeTo(origin),
      rname: soa.rname.relativeTo(origin),
      head,
      indent: ' '.repeat(prefix(soaRecord).length),
      fields: [
        field('serial', soa.serial, 'serial'),
        field('refresh', soa.refresh, `refresh (${formatDuration(soa.refresh)})`),
        field('retry', soa.retry, `retry (${formatDuration(soa.retry)})`),
        field('expire', soa.expire, `expire (${formatDuration(soa.expire)})`),
        field('minimum', soa.minimum, `minimum: negative-caching TTL (${formatDuration(soa.minimum)}, RFC 2308)`),
      ],
    },
    sections,
  };
}

export type CompiledTemplate = (view: ZoneView) => string;

/**
 * Compiles a zone template; `noEscape` because zone files are not HTML (the view is already safe).
 * The text is parsed here, not on first use, so a syntax error is thrown by this call.
 */
export function compileTemplate(source: string): CompiledTemplate {
  const handlebars = Handlebars.create();
  const template = handlebars.compile<ZoneView>(handlebars.parse(source), { noEscape: true, strict: true });
  return (view) => template(view);
}

let compiledDefault: CompiledTemplate | undefined;

/** templates/zone.hbs, compiled once (its text is embedded in default-template.ts, so no file is read). */
export function defaultTemplate(): CompiledTemplate {
  compiledDefault ??= compileTemplate(DEFAULT_ZONE_TEMPLATE);
  return compiledDefault;
}

/** The zone file text: one newline at the end, no trailing blanks. `profiles`: those it was generated for. */
export function renderZone(zone: Zone, template: CompiledTemplate, specFile: string, fileName: string, profiles?: readonly ProfileId[]): string {
  const lines = template(buildZoneView(zone, specFile, fileName, profiles)).split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n') + '\n';
}
