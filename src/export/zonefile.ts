/**
 * `export --to zonefile --for PROVIDER`: a zone file the provider's importer takes as documented
 * (import-targets.ts). Every name, owner and target alike, is written fully qualified with its
 * trailing dot, each record on one line with its own TTL and class; no `$INCLUDE`, no `$GENERATE`,
 * no `$ORIGIN` to misread. SOA and apex NS are left out where the importer ignores or refuses them
 * (and kept where it reads part of them, as Azure DNS does);
 * a file over the importer's size or record limit is an error, or with `split` several files of
 * whole RRsets, each within the limits.
 */
import { utf8Length } from '../zone/bytes.js';
import { formatRdata } from '../zone/rdata.js';
import { factText, IMPORT_TARGETS, importTypes, type ImportTarget, type ImportTargetId } from './import-targets.js';
import { groupRRsets, partitionInZone, rrsetLabel, type ExportNote, type ExportResult, type ExportZone, type RRset } from './model.js';

export interface ZoneFileExportOptions {
  /** Several files of whole RRsets when one would pass a limit (only where the importer allows it). */
  split?: boolean;
}

function recordLines(set: RRset): string[] {
  return set.records.map((r) => `${r.owner.toString()}\t${set.ttl}\tIN\t${r.type}\t${formatRdata(r.type, r.data)}\n`);
}

export function exportZoneFile(zone: ExportZone, target: ImportTargetId, options: ZoneFileExportOptions = {}): ExportResult {
  const provider = IMPORT_TARGETS[target];
  const notes: ExportNote[] = [];
  const kept: RRset[] = [];
  const types = importTypes(provider);
  for (const set of partitionInZone(zone, groupRRsets(zone.records), notes)) {
    const apex = set.owner.equals(zone.origin);
    const fact = set.type === 'SOA' ? provider.soa : apex && set.type === 'NS' ? provider.apexNs : undefined;
    if (fact?.omit) notes.push({ kind: 'left-out', rrset: rrsetLabel(set), message: fact.text, source: fact.source });
    else if (!fact && types.list && !types.list.includes(set.type)) {
      notes.push({ kind: 'left-out', rrset: rrsetLabel(set), message: `${provider.name} does not list ${set.type} among the ${types.text}`, source: types.source });
    } else {
      kept.push(set);
      const joins = provider.joinsTxtStrings;
      if (joins && set.type === 'TXT' && set.records.some((r) => (r.data.strings as readonly Uint8Array[]).length > 1)) {
        notes.push({ kind: 'warning', rrset: rrsetLabel(set), message: joins.text, source: joins.source });
      }
    }
  }
  const header = (part: string) =>
    [
      `; ${zone.origin.toString()} for import into ${provider.name}${part}`,
      `; How: ${provider.how}`,
      ...provider.notes.map((n) => `; - ${factText(n)}`),
      `; ${provider.soa.omit ? 'Left out, the SOA' : 'The SOA'}: ${factText(provider.soa)}`,
      `; ${provider.apexNs.omit ? 'Left out, the apex NS records' : 'The apex NS records'}: ${factText(provider.apexNs)}`,
      `; Written by zonesmith export: every name is fully qualified; no directive at all (no ORIGIN, TTL, INCLUDE or GENERATE).`,
      '',
    ].join('\n') + '\n';
  const blocks = kept.map((set) => ({ set, lines: recordLines(set) }));
  const total = { bytes: utf8Length(header('')) + sum(blocks.map((b) => sum(b.lines.map(utf8Length)))), records: sum(blocks.map((b) => b.lines.length)) };
  const over = limitProblems(provider, total);
  if (over.length === 0) return { files: [{ suffix: '', text: header('') + blocks.flatMap((b) => b.lines).join('') }], notes };
  if (!options.split || !provider.split) {
    const how = provider.split ? ' Pass --split to write several files of whole RRsets, each within the limit, to import one after another.' : '';
    for (const problem of over) notes.push({ kind: 'limit', message: problem.message + how, source: problem.source });
    return { files: [], notes };
  }
  return { files: splitFiles(provider, blocks, header, notes), notes };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function limitProblems(provider: ImportTarget, total: { bytes: number; records: number }): { message: string; source: string }[] {
  const problems: { message: string; source: string }[] = [];
  if (provider.maxBytes && total.bytes > provider.maxBytes.bytes) {
    problems.push({ message: `the import file would be ${total.bytes} bytes; ${provider.name} takes at most ${provider.maxBytes.bytes} (${provider.maxBytes.text}).`, source: provider.maxBytes.source });
  }
  if (provider.maxRecords && total.records > provider.maxRecords.records) {
    problems.push({ message: `the import file would hold ${total.records} records; ${provider.name} imports at most ${provider.maxRecords.records} (${provider.maxRecords.text}).`, source: provider.maxRecords.source });
  }
  return problems;
}

/** Greedy packing of whole RRsets (an RRset split over two files would clash on the second import). */
function splitFiles(
  provider: ImportTarget,
  blocks: readonly { set: RRset; lines: string[] }[],
  header: (part: string) => string,
  notes: ExportNote[],
): ExportResult['files'] {
  const headerBytes = utf8Length(header(', part 000 of 000'));
  const maxBytes = provider.maxBytes?.bytes ?? Infinity;
  const maxRecords = provider.maxRecords?.records ?? Infinity;
  const parts: { lines: string[]; bytes: number; records: number }[] = [];
  let current = { lines: [] as string[], bytes: headerBytes, records: 0 };
  for (const { set, lines } of blocks) {
    const bytes = sum(lines.map(utf8Length));
    if (headerBytes + bytes > maxBytes || lines.length > maxRecords) {
      notes.push({ kind: 'limit', rrset: rrsetLabel(set), message: `this RRset alone is over ${provider.name}'s limit; it cannot be imported from a file` });
      return [];
    }
    if (current.bytes + bytes > maxBytes || current.records + lines.length > maxRecords) {
      parts.push(current);
      current = { lines: [], bytes: headerBytes, records: 0 };
    }
    for (const line of lines) current.lines.push(line);
    current.bytes += bytes;
    current.records += lines.length;
  }
  if (current.records > 0) parts.push(current);
  notes.push({ kind: 'changed', message: `split into ${parts.length} files of whole RRsets: ${provider.split!.text}`, source: provider.split!.source });
  return parts.map((p, i) => ({ suffix: `.part${i + 1}`, text: header(`, part ${i + 1} of ${parts.length}`) + p.lines.join('') }));
}
