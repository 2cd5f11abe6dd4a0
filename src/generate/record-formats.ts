/**
 * The formats of `zonesmith records`: apart from the formatters (records.ts), so that the command's
 * declaration, read on every run, loads no record types.
 */
export const RECORD_FORMATS = ['table', 'csv', 'json', 'bind'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
