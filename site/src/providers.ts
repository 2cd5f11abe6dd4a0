/**
 * The records table of the Build view, per DNS provider console: the library's `consoleRecords` (as
 * `zonesmith records --for PROVIDER` gives them), its JSON read back: the form's fields in its order
 * and with its labels, one row per record, then the notes on what the console cannot take or takes
 * differently, each with its source. The SOA and apex NS are left out, as there (the provider writes
 * its own). The view (build.ts) only shows a ProviderTable.
 */
import { CONSOLE_PROVIDERS, consoleRecords, type ConsoleColumn, type ConsoleRow, type ResolvedZone, type ShownNote } from '../../src/index.js';

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

export const PROVIDERS: readonly Provider[] = CONSOLE_PROVIDERS.map(({ id, name }) => ({ id, name }));

/** `consoleRecords(..., { format: 'json' })`, as src/generate/console-rows.ts writes it. */
interface ConsoleSheet {
  provider: { id: string; name: string; form: string; source: string };
  columns: ConsoleColumn[];
  records: ConsoleRow[];
  notes: ShownNote[];
}

export function providerTable(provider: string, zone: ResolvedZone | undefined, serial: number | undefined): ProviderTable {
  if (!zone) return { columns: [], valueColumn: -1, rows: [], notes: [] };
  const sheet = JSON.parse(consoleRecords(zone, provider, { format: 'json', ...(serial !== undefined ? { serial } : {}) }).text) as ConsoleSheet;
  const numberOf = new Map(sheet.notes.map((note) => [note.id, note.number]));
  // The zone column repeats the zone picked above; the fully qualified name, where the form has a name field too.
  const shown = sheet.columns.filter((c) => c.field !== 'zone' && !(c.field === 'fqdn' && sheet.columns.some((o) => o.field === 'name')));
  // Columns no record uses (a form's CAA fields, on a zone without CAA) are left out, as in the CLI's table.
  const columns = shown.filter((c) => sheet.records.some((row) => (row.fields[c.field] ?? '') !== ''));
  return {
    form: { text: sheet.provider.form, source: sheet.provider.source },
    columns: columns.map((c) => c.label),
    valueColumn: columns.findIndex((c) => c.field === 'value'),
    rows: sheet.records.map((row) => ({
      cells: columns.map((c) => row.fields[c.field] ?? ''),
      notes: row.notes.flatMap((id) => numberOf.get(id) ?? []),
      copy: row.fields.value ?? row.data,
    })),
    notes: sheet.notes.map(({ number, severity, text, source }) => ({ number, severity, text, source })),
  };
}
