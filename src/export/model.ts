/**
 * What every export format shares: a zone's records grouped into RRsets as BIND holds them (one TTL
 * per RRset, the first record's: BIND's "TTL set to prior TTL"), and the notes an export gives about
 * what the target cannot carry. A format never drops a record without a note naming it.
 */
import type { Name } from '../zone/name.js';
import type { ResourceRecord } from '../zone/record.js';
import { dataKey } from '../zone/zone-checks.js';
import { formatRdata } from '../zone/rdata.js';

/** One zone to export: its origin and its records (SOA and apex NS included, as read or generated). */
export interface ExportZone {
  origin: Name;
  records: readonly ResourceRecord[];
}

export interface RRset {
  owner: Name;
  class: string;
  type: string;
  ttl: number;
  records: ResourceRecord[];
  /** A repeated record was written in another case (`MX 10 Some.Domain.` after `MX 10 some.domain.`): BIND keeps one of them. */
  caseVariants?: boolean;
}

/**
 * What an export says about the records: `left-out` (the target cannot hold it, or its importer
 * ignores it), `changed` (held in another form: a TTL, string boundaries), `limit` (the file is over
 * a documented limit: nothing is written).
 */
export interface ExportNote {
  kind: 'left-out' | 'changed' | 'warning' | 'limit';
  /** `owner TYPE` of the RRset concerned, when it is about one. */
  rrset?: string;
  message: string;
  /** Where the fact comes from (documentation URL). */
  source?: string;
}

export interface ExportFile {
  /** Added to the output name for split files (`.part1`); empty for a single file. */
  suffix: string;
  text: string;
}

export interface ExportResult {
  files: ExportFile[];
  notes: ExportNote[];
}

/** RRsets in order of first appearance; records of other classes are kept apart by class. */
export function groupRRsets(records: readonly ResourceRecord[]): RRset[] {
  const sets = new Map<string, RRset>();
  const seen = new Set<string>();
  for (const record of records) {
    // A repeated record is one record to BIND (the first one written, names compared without case).
    const identity = `${record.owner.key}\u0000${record.class}\u0000${record.type}\u0000${dataKey(record.type, record.data)}`;
    // BIND keeps the signatures of each type apart (one RRset, one TTL, per type covered).
    const covered = record.type === 'RRSIG' || record.type === 'SIG' ? `\u0000${String(record.data.typeCovered)}` : '';
    const key = `${record.owner.key}\u0000${record.class}\u0000${record.type}${covered}`;
    const set = sets.get(key);
    if (seen.has(identity)) {
      if (set && !set.records.some((r) => formatRdata(r.type, r.data) === formatRdata(record.type, record.data))) set.caseVariants = true;
      continue;
    }
    seen.add(identity);
    if (set) set.records.push(record);
    else sets.set(key, { owner: record.owner, class: record.class, type: record.type, ttl: record.ttl, records: [record] });
  }
  return [...sets.values()];
}

export function rrsetLabel(set: { owner: Name; type: string }): string {
  return `${set.owner.toString()} ${set.type}`;
}

/** Records outside the zone (BIND ignores them as out-of-zone data) and of a class other than IN. */
export function partitionInZone(zone: ExportZone, sets: readonly RRset[], notes: ExportNote[]): RRset[] {
  return sets.filter((set) => {
    if (!set.owner.isSubdomainOf(zone.origin)) {
      notes.push({ kind: 'left-out', rrset: rrsetLabel(set), message: `outside zone ${zone.origin.toString()} (BIND ignores out-of-zone data)` });
      return false;
    }
    if (set.class !== 'IN') {
      notes.push({ kind: 'left-out', rrset: rrsetLabel(set), message: `class ${set.class}: the target holds Internet-class (IN) records only` });
      return false;
    }
    return true;
  });
}

/** The TTL most RRsets of the zone have (the SOA's when tied), for formats with a zone default. */
export function commonTtl(sets: readonly RRset[]): number {
  const counts = new Map<number, number>();
  for (const set of sets) counts.set(set.ttl, (counts.get(set.ttl) ?? 0) + 1);
  const soa = sets.find((s) => s.type === 'SOA')?.ttl;
  let best = soa ?? sets[0]?.ttl ?? 3600;
  for (const [ttl, count] of counts) if (count > (counts.get(best) ?? 0)) best = ttl;
  return best;
}

/** Character-strings as text when they are UTF-8, else undefined. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The record data's fields as BIND prints them, split at blanks (the trailing hex or base64 of DS, TLSA, SSHFP may be cut in several). */
export function rdataWords(record: ResourceRecord): string[] {
  return formatRdata(record.type, record.data).split(/\s+/);
}
