/**
 * Records as a given DNS provider's console asks for them (`zonesmith records --for PROVIDER`): one
 * row per record with that console's fields, in its order and with its labels, and after the rows the
 * notes on what it cannot represent or does differently. Everything provider-specific is read from
 * the table in src/services/consoles.ts; this file only applies it.
 *
 * Rows stream: a sheet takes one record at a time and writes each row as it comes (CSV, JSON, the
 * Markdown checklist), so a zone of a million records never needs a million row objects. The aligned
 * table is the exception: its widths need every row, so it keeps the cells (strings) until the end.
 */
import { CONSOLE_PROVIDERS, LEFT_OUT_NOTE, type ConsoleField, type ConsoleNote, type ConsoleProvider } from '../services/consoles.js';
import type { Name } from '../zone/name.js';
import { formatRdata } from '../zone/rdata.js';
import { isType, type ResourceRecord } from '../zone/record.js';
import { csvField } from './records.js';
import { widest } from './widest.js';

export const CONSOLE_FORMATS = ['table', 'csv', 'json', 'md'] as const;
export type ConsoleFormat = (typeof CONSOLE_FORMATS)[number];

/** One record in a console's terms. */
export interface ConsoleRow {
  /** The zone apex, absolute. */
  zone: string;
  /** The owner, absolute. */
  fqdn: string;
  type: string;
  ttl: number;
  /** The record data in zone-file form, names absolute. */
  data: string;
  /** What to type into each field of the form (fields the record does not use are absent). */
  fields: Partial<Record<ConsoleField, string>>;
  /** Ids of the provider's notes that concern this record. */
  notes: string[];
}

/** A note as it comes after the rows: numbered in order of first appearance, with how many rows it concerns. */
export interface ShownNote {
  number: number;
  id: string;
  severity: ConsoleNote['severity'] | 'info';
  text: string;
  source: string;
  /** Rows it concerns (0 for notes about the provider as a whole). */
  rows: number;
}

const TXT_UNPRINTABLE: ConsoleNote = {
  id: 'txt-unprintable',
  severity: 'differs',
  when: { kind: 'txt-unprintable' },
  text: 'This TXT value holds octets that are not printable UTF-8 text, so it is shown as quoted strings with escapes: enter it the way the console takes escapes, or import a zone file instead',
  source: 'https://www.rfc-editor.org/rfc/rfc1035#section-5.1',
};

function unsupportedTypeNote(provider: ConsoleProvider): ConsoleNote {
  return {
    id: 'unsupported-type',
    severity: 'cannot',
    when: { kind: 'unsupported-type' },
    text: `${provider.name}'s console does not offer this record type (it offers ${(provider.types ?? []).join(', ')})`,
    source: provider.source,
  };
}

/** The provider, or an error message that lists the ones there are. */
export function findConsoleProvider(id: string): ConsoleProvider | string {
  const provider = CONSOLE_PROVIDERS.find((p) => p.id === id.toLowerCase());
  return provider ?? `no console "${id}"; known: ${CONSOLE_PROVIDERS.map((p) => p.id).join(', ')}`;
}

/** SOA and the apex NS: the provider writes its own, so they are left out unless asked for. */
export function providerRuns(origin: Name, record: ResourceRecord): boolean {
  return record.type === 'SOA' || (record.type === 'NS' && record.owner.equals(origin));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The types whose traffic a proxying console (Cloudflare) can carry; its proxy field is shown for them. */
const PROXIABLE: readonly string[] = ['A', 'AAAA', 'CNAME'];

/** Octets as text, or undefined when they are not printable UTF-8 (control characters included). */
function printable(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return undefined;
  }
  // A plain loop, not a regex: the text is untrusted and may be long.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return undefined;
  }
  return text;
}

function totalLength(strings: readonly Uint8Array[]): number {
  let n = 0;
  for (const s of strings) n += s.length;
  return n;
}

function joinedText(strings: readonly Uint8Array[]): string | undefined {
  const parts: string[] = [];
  for (const s of strings) {
    const text = printable(s);
    if (text === undefined) return undefined;
    parts.push(text);
  }
  return parts.join('');
}

function hasOctet(strings: readonly Uint8Array[], octet: number): boolean {
  return strings.some((s) => s.includes(octet));
}

class RowMaker {
  private readonly proxied: boolean;

  constructor(private readonly provider: ConsoleProvider) {
    this.proxied = provider.columns.some((c) => c.field === 'proxy');
  }

  target(name: Name): string {
    if (name.isRoot) return '.';
    const text = name.toString();
    return this.provider.targets === 'dot' ? text : text.slice(0, -1);
  }

  owner(origin: Name, owner: Name): string {
    const p = this.provider;
    if (p.names !== 'relative') return p.names === 'fqdn-dot' ? owner.toString() : owner.toString().slice(0, -1);
    const relative = owner.relativeTo(origin);
    return relative === '@' ? p.apex : relative;
  }

  /** The cells of a record: what to type into each field of the form. */
  fields(origin: Name, record: ResourceRecord): Partial<Record<ConsoleField, string>> {
    const p = this.provider;
    const fields: Partial<Record<ConsoleField, string>> = {
      zone: origin.toString(),
      type: record.type,
      name: this.owner(origin, record.owner),
      fqdn: record.owner.toString(),
      ttl: String(record.ttl),
      ttlUnit: 'Seconds',
    };
    if (this.proxied && PROXIABLE.includes(record.type)) fields.proxy = 'DNS only';
    if (isType(record, 'MX')) {
      const host = this.target(record.data.exchange);
      if (p.mx === 'split') Object.assign(fields, { priority: String(record.data.preference), value: host });
      else fields.value = `${record.data.preference} ${host}`;
    } else if (isType(record, 'SRV')) {
      const { priority, weight, port, target } = record.data;
      if (p.srv === 'joined') fields.value = `${priority} ${weight} ${port} ${this.target(target)}`;
      else {
        Object.assign(fields, { priority: String(priority), weight: String(weight), port: String(port), value: this.target(target) });
        if (p.srv === 'service-split') Object.assign(fields, this.serviceSplit(fields.name!));
      }
    } else if (isType(record, 'CAA') && p.caa === 'split') {
      const value = printable(record.data.value as Uint8Array);
      if (value === undefined) fields.value = formatRdata(record.type, record.data);
      else Object.assign(fields, { flags: String(record.data.flags), tag: String(record.data.tag), value });
    } else if (isType(record, 'TXT') || isType(record, 'SPF')) {
      // Text that is not printable stays in quoted strings with escapes (the txt-unprintable note says so).
      const joined = p.txt === 'joined' ? joinedText(record.data.strings) : undefined;
      fields.value = joined ?? formatRdata(record.type, record.data);
    } else if (isType(record, 'CNAME') || isType(record, 'NS') || isType(record, 'PTR') || isType(record, 'DNAME')) {
      fields.value = this.target(record.data.target as Name);
    } else {
      fields.value = formatRdata(record.type, record.data);
    }
    return fields;
  }

  /** `_imaps._tcp` → service `_imaps`, protocol `_tcp`, name `@`; `_sip._tls.eu` → name `eu`. */
  private serviceSplit(name: string): Partial<Record<ConsoleField, string>> {
    const labels = name.split('.');
    if (labels.length < 2 || !labels[0]!.startsWith('_') || !labels[1]!.startsWith('_')) return {};
    const rest = labels.slice(2).join('.');
    return { service: labels[0]!, protocol: labels[1]!, name: rest === '' ? '@' : rest };
  }
}

function concerns(note: ConsoleNote, provider: ConsoleProvider, record: ResourceRecord, sameSetAsPrevious: boolean): boolean {
  const when = note.when;
  switch (when.kind) {
    case 'always':
      return false;
    case 'types':
      return when.types.includes(record.type);
    case 'unsupported-type':
      return provider.types !== undefined && !provider.types.includes(record.type);
    case 'srv-not-offered':
      return isType(record, 'SRV') && record.data.target.isRoot;
    case 'null-mx':
      return isType(record, 'MX') && record.data.exchange.isRoot;
    case 'txt-longer':
      return (isType(record, 'TXT') || isType(record, 'SPF')) && totalLength(record.data.strings) > when.octets;
    case 'txt-several-strings':
      return (isType(record, 'TXT') || isType(record, 'SPF')) && record.data.strings.length > 1;
    case 'txt-backslash':
      return (isType(record, 'TXT') || isType(record, 'SPF')) && hasOctet(record.data.strings, 0x5c);
    case 'caa-value-space': {
      if (!isType(record, 'CAA')) return false;
      const value = record.data.value as Uint8Array;
      return value.includes(0x20) || value.includes(0x09);
    }
    case 'txt-unprintable':
      return provider.txt === 'joined' && (isType(record, 'TXT') || isType(record, 'SPF')) && joinedText(record.data.strings) === undefined;
    case 'record-set':
      return sameSetAsPrevious;
  }
}

export interface ConsoleSheetOptions {
  /** List the SOA and the apex NS records too. */
  all?: boolean;
}

/**
 * Takes records one at a time and writes them as the provider's rows in a format. `finish()` writes
 * what comes after the rows and returns the notes, so a caller can put them elsewhere (the CLI prints
 * the notes of a CSV on standard error, to keep the file importable).
 */
export class ConsoleSheet {
  private readonly maker: RowMaker;
  private readonly notes: readonly ConsoleNote[];
  private readonly shown = new Map<string, ShownNote>();
  private previousSet = '';
  private rowCount = 0;
  private leftOut = 0;
  private zone: string | undefined;
  /** The table's cells, by zone (the table is the one format that needs every row before it prints). */
  private readonly tableZones: { zone: string; cells: string[][] }[] = [];
  /** The columns the rows carry: the provider's, plus the zone for CSV (one file may hold several zones). */
  private readonly columns: readonly { field: ConsoleField; label: string }[];

  constructor(
    readonly provider: ConsoleProvider,
    readonly format: ConsoleFormat,
    private readonly write: (text: string) => void,
    private readonly options: ConsoleSheetOptions = {},
  ) {
    this.maker = new RowMaker(provider);
    this.notes = [...provider.notes, unsupportedTypeNote(provider), TXT_UNPRINTABLE];
    const zoneColumn = format === 'csv' && !provider.columns.some((c) => c.field === 'zone');
    this.columns = zoneColumn ? [{ field: 'zone', label: 'Zone' }, ...provider.columns] : provider.columns;
  }

  /** The generic sheet keeps the lower-case headers it always had (`zone,name,fqdn,...`), in capitals in the table. */
  private get generic(): boolean {
    return this.provider.id === 'generic';
  }

  private get notesLabel(): string {
    return this.generic ? 'notes' : 'Notes';
  }


  add(origin: Name, record: ResourceRecord): void {
    if (!this.options.all && providerRuns(origin, record)) {
      this.leftOut++;
      return;
    }
    const fields = this.maker.fields(origin, record);
    const setKey = `${record.owner.key} ${record.type}`;
    const sameSet = setKey === this.previousSet;
    this.previousSet = setKey;
    if (this.rowCount === 0) for (const note of this.notes) if (note.when.kind === 'always') this.show(note, 0);
    const ids: string[] = [];
    for (const note of this.notes) {
      if (concerns(note, this.provider, record, sameSet)) {
        this.show(note, 1);
        ids.push(note.id);
      }
    }
    const row: ConsoleRow = { zone: origin.toString(), fqdn: record.owner.toString(), type: record.type, ttl: record.ttl, data: formatRdata(record.type, record.data), fields, notes: ids };
    this.emit(row);
    this.rowCount++;
  }

  private show(note: ConsoleNote, rows: number): void {
    const seen = this.shown.get(note.id);
    if (seen) seen.rows += rows;
    else this.shown.set(note.id, { number: this.shown.size + 1, id: note.id, severity: note.severity, text: note.text, source: note.source, rows });
  }

  private refs(row: ConsoleRow): string {
    return row.notes.map((id) => this.shown.get(id)!.number).join(',');
  }

  private emit(row: ConsoleRow): void {
    const zoneChanged = row.zone !== this.zone;
    this.zone = row.zone;
    switch (this.format) {
      case 'csv': {
        if (this.rowCount === 0) this.write(csvLine([...this.columns.map((c) => c.label), this.notesLabel]));
        this.write(csvLine([...this.columns.map((c) => row.fields[c.field] ?? ''), this.refs(row)]));
        return;
      }
      case 'json': {
        const head = this.rowCount === 0 ? jsonHead(this.provider, this.columns) : ',\n';
        this.write(head + '    ' + JSON.stringify({ ...row, fields: pick(row.fields, this.columns) }));
        return;
      }
      case 'md': {
        if (zoneChanged) this.write(mdZoneHeading(this.provider, row.zone, this.rowCount > 0));
        this.write(mdStep(this.columns, row, this.refs(row)));
        return;
      }
      case 'table': {
        if (zoneChanged) this.tableZones.push({ zone: row.zone, cells: [] });
        this.tableZones.at(-1)!.cells.push([...this.columns.map((c) => row.fields[c.field] ?? ''), this.refs(row)]);
        return;
      }
    }
  }

  /** Writes what follows the rows (the table itself, the notes, the closing of JSON) and returns the notes. */
  finish(): ShownNote[] {
    const notes = [...this.shown.values()];
    if (this.leftOut > 0) {
      notes.push({ number: notes.length + 1, id: LEFT_OUT_NOTE.id, severity: 'info', text: LEFT_OUT_NOTE.text, source: LEFT_OUT_NOTE.source, rows: this.leftOut });
    }
    switch (this.format) {
      case 'csv':
        if (this.rowCount === 0) this.write(csvLine([...this.columns.map((c) => c.label), this.notesLabel]));
        break;
      case 'json':
        this.write((this.rowCount === 0 ? jsonHead(this.provider, this.columns) : '') + `\n  ],\n  "notes": ${JSON.stringify(notes, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
        break;
      case 'md':
        if (this.rowCount === 0) this.write(`No records to add at ${this.provider.name}.\n`);
        if (notes.length > 0) this.write(`\n## Notes\n\n${notes.map(mdNote).join('')}`);
        break;
      case 'table':
        this.write(this.table());
        if (notes.length > 0) this.write(`\n${formatNotes(notes)}`);
        break;
    }
    return notes;
  }

  private table(): string {
    const generic = this.generic;
    const header = [...this.columns.map((c) => c.label), this.notesLabel].map((label) => (generic ? label.toUpperCase() : label));
    // Columns no row uses are left out of the table (a form's CAA fields, on a zone without CAA).
    const all = this.tableZones.flatMap((z) => z.cells);
    const used = header.map((_, i) => (generic && i < header.length - 1) || all.some((cells) => cells[i] !== ''));
    const pickUsed = (cells: readonly string[]) => cells.filter((_, i) => used[i]);
    const head = pickUsed(header);
    const widths = head.map((_, i) => Math.max(head[i]!.length, widest(all, (cells) => pickUsed(cells)[i]!.length)));
    const line = (cells: readonly string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd() + '\n';
    const parts: string[] = [];
    for (const [i, zone] of this.tableZones.entries()) {
      if (!generic) parts.push(`${i > 0 ? '\n' : ''}${zone.zone} at ${this.provider.name}: ${formFor(this.provider, zone.zone)}\n`);
      if (!generic || i === 0) parts.push(line(head));
      for (const cells of zone.cells) parts.push(line(pickUsed(cells)));
    }
    return parts.join('');
  }
}

function pick(fields: Partial<Record<ConsoleField, string>>, columns: readonly { field: ConsoleField }[]): Partial<Record<ConsoleField, string>> {
  const out: Partial<Record<ConsoleField, string>> = {};
  for (const { field } of columns) if (fields[field] !== undefined) out[field] = fields[field];
  return out;
}

function jsonHead(provider: ConsoleProvider, columns: readonly { field: ConsoleField; label: string }[]): string {
  const about = { id: provider.id, name: provider.name, form: provider.form, source: provider.source };
  return `{\n  "provider": ${JSON.stringify(about)},\n  "columns": ${JSON.stringify(columns)},\n  "records": [\n`;
}

/** A CSV line: RFC 4180 fields (csvField), CRLF at the end. */
function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

/** Inline code that holds any text: a fence longer than the longest run of backticks inside. */
function mdCode(text: string): string {
  let longest = 0;
  let run = 0;
  for (const ch of text) {
    run = ch === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') || text.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** The form's path with this zone's name where it says ZONE or DOMAIN (`Hosted zones → example.org → ...`). */
function formFor(provider: ConsoleProvider, zone: string): string {
  return provider.form.replace(/\b(?:ZONE|DOMAIN)\b/g, zone.replace(/\.$/, ''));
}

function mdZoneHeading(provider: ConsoleProvider, zone: string, later: boolean): string {
  return `${later ? '\n' : ''}## ${zone.replace(/\.$/, '')} at ${provider.name}\n\nOpen ${formFor(provider, zone)} (${provider.source}) and add one record per step:\n\n`;
}

function mdStep(columns: readonly { field: ConsoleField; label: string }[], row: ConsoleRow, refs: string): string {
  const fields = columns
    .filter((c) => c.field !== 'zone' && c.field !== 'fqdn')
    .map((c) => {
      const value = row.fields[c.field];
      // An empty name is a value to type (the apex, where the form wants the field empty).
      if (value === undefined || (value === '' && c.field !== 'name')) return undefined;
      return `${c.label} ${value === '' ? '(empty)' : mdCode(value)}`;
    })
    .filter((f): f is string => f !== undefined);
  const see = refs === '' ? '' : ` (see note ${refs.replace(/,/g, ', ')})`;
  return `- [ ] ${row.type} ${row.fqdn}: ${fields.join(' · ')}${see}\n`;
}

function severityWord(severity: ShownNote['severity']): string {
  return severity === 'info' ? 'note' : severity;
}

function mdNote(note: ShownNote): string {
  const rows = note.rows > 0 ? ` (${note.rows} row${note.rows === 1 ? '' : 's'})` : '';
  return `${note.number}. **${severityWord(note.severity)}**${rows}: ${note.text}. Source: ${note.source}\n`;
}

/** The notes as plain text, one numbered paragraph each with its source. */
export function formatNotes(notes: readonly ShownNote[]): string {
  return notes
    .map((note) => {
      const rows = note.rows > 0 ? ` (${note.rows} row${note.rows === 1 ? '' : 's'})` : '';
      return `[${note.number}] ${severityWord(note.severity)}${rows}: ${note.text}.\n    source: ${note.source}\n`;
    })
    .join('');
}
