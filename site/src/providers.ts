/**
 * The records table of the Build view, per DNS provider console. Until the library has the provider
 * console tables (branch records-for: `zonesmith records --for PROVIDER`), there is one: the generic
 * table `zonesmith records` prints. With them, this module reads the library's console sheet; the
 * view (build.ts) only shows a ProviderTable.
 */
import { listRecords, type ResolvedZone } from '../../src/index.js';

export interface Provider {
  id: string;
  name: string;
}

/** A note after the rows: what the console cannot take, or takes differently, with its source. */
export interface ProviderNote {
  number: number;
  severity: string;
  text: string;
  source: string;
}

export interface ProviderTable {
  /** Where the form is, in the console's own words, and the page that documents it. */
  form?: { text: string; source: string };
  columns: string[];
  /** Which column is the value (the long one, and what the copy button copies). */
  valueColumn: number;
  /** Each row's cells, the numbers of the notes that concern it, and what its copy button copies. */
  rows: { cells: string[]; notes: number[]; copy: string }[];
  notes: ProviderNote[];
}

export const PROVIDERS: readonly Provider[] = [{ id: 'generic', name: 'Any provider (name, type, TTL, value)' }];

export function providerTable(_provider: string, zone: ResolvedZone | undefined, serial: number | undefined): ProviderTable {
  const rows = zone ? listRecords(zone, serial !== undefined ? { serial } : {}) : [];
  const opt = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    columns: ['Name', 'Type', 'TTL', 'Priority', 'Weight', 'Port', 'Value'],
    valueColumn: 6,
    rows: rows.map((row) => {
      const value = row.target ?? row.data;
      return { cells: [row.relative, row.type, String(row.ttl), opt(row.priority), opt(row.weight), opt(row.port), value], notes: [], copy: value };
    }),
    notes: [],
  };
}
