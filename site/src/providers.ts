/**
 * The records table of the Build view, per DNS provider console. Until the library has the provider
 * console tables (branch records-for: `zonesmith records --for PROVIDER`), there is one: the generic
 * table `zonesmith records` prints. Each provider becomes one entry of PROVIDERS with its own table.
 */
import type { RecordRow } from '../../src/index.js';

export interface Provider {
  id: string;
  name: string;
}

export interface ProviderTable {
  columns: string[];
  /** Each row's cells, and the text its copy button copies (what the console's value field wants). */
  rows: { cells: string[]; copy: string }[];
}

export const PROVIDERS: readonly Provider[] = [{ id: 'generic', name: 'Any provider (name, type, TTL, value)' }];

export function providerTable(_provider: string, rows: readonly RecordRow[]): ProviderTable {
  const opt = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    columns: ['Name', 'Type', 'TTL', 'Priority', 'Weight', 'Port', 'Value'],
    rows: rows.map((row) => {
      const value = row.target ?? row.data;
      return { cells: [row.relative, row.type, String(row.ttl), opt(row.priority), opt(row.weight), opt(row.port), value], copy: value };
    }),
  };
}
