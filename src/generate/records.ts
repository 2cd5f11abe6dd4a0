/**
 * Records as a DNS provider's web console asks for them: one row per record, the name relative to
 * the zone (`@` for the apex) and fully qualified, MX/SRV data split into priority, weight, port and
 * target. Formats: an aligned table, CSV (RFC 4180), JSON, and the bare zone-file lines.
 */
import type { Name } from '../zone/name.js';
import { formatRdata } from '../zone/rdata.js';
import { isType, type ResourceRecord } from '../zone/record.js';
import type { RecordFormat } from './record-formats.js';
import { widest } from './widest.js';

export { RECORD_FORMATS, type RecordFormat } from './record-formats.js';

export interface RecordRow {
  /** The zone apex, absolute (`example.com.`). */
  zone: string;
  /** Owner, absolute with a trailing dot. */
  name: string;
  /** Owner relative to the zone, `@` for the apex. */
  relative: string;
  type: string;
  class: string;
  ttl: number;
  /** Record data in zone-file form, names absolute. */
  data: string;
  priority?: number;
  weight?: number;
  port?: number;
  target?: string;
}

export function recordRow(origin: Name, record: ResourceRecord): RecordRow {
  const row: RecordRow = {
    zone: origin.toString(),
    name: record.owner.toString(),
    relative: record.owner.relativeTo(origin),
    type: record.type,
    class: record.class,
    ttl: record.ttl,
    data: formatRdata(record.type, record.data),
  };
  if (isType(record, 'MX')) {
    row.priority = record.data.preference;
    row.target = record.data.exchange.toString();
  } else if (isType(record, 'SRV')) {
    row.priority = record.data.priority;
    row.weight = record.data.weight;
    row.port = record.data.port;
    row.target = record.data.target.toString();
  }
  return row;
}

/** Columns of the table and the CSV; `value` is the target for MX/SRV and the data otherwise. */
const COLUMNS = ['zone', 'name', 'fqdn', 'type', 'ttl', 'priority', 'weight', 'port', 'value'] as const;

function cells(row: RecordRow): string[] {
  const opt = (n: number | undefined) => (n === undefined ? '' : String(n));
  return [row.zone, row.relative, row.name, row.type, String(row.ttl), opt(row.priority), opt(row.weight), opt(row.port), row.target ?? row.data];
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; lines end in CRLF. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatRecords(rows: readonly RecordRow[], format: RecordFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n';
    case 'bind':
      return rows.map((r) => `${r.name}\t${r.ttl}\t${r.class}\t${r.type}\t${r.data}\n`).join('');
    case 'csv':
      return [COLUMNS as readonly string[], ...rows.map(cells)].map((line) => line.map(csvField).join(',') + '\r\n').join('');
    case 'table': {
      const table = [COLUMNS.map((c) => c.toUpperCase()), ...rows.map(cells)];
      const widths = COLUMNS.map((_, i) => widest(table, (line) => line[i]!.length));
      return table.map((line) => line.map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd() + '\n').join('');
    }
  }
}
