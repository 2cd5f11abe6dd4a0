/** Types for report.mjs. */
export interface ResultRow {
  id: string;
  tool: string;
  command?: string;
  wallSeconds?: number;
  peakKiB?: number;
  cpuSeconds?: number;
  note?: string;
}
export declare function formatTable(rows: readonly ResultRow[]): string;
export declare function verdict(row: ResultRow | undefined, baseline: ResultRow | undefined): string | undefined;
export declare function formatResults(input: { rows: readonly ResultRow[]; setup: readonly string[]; targetRow?: ResultRow }): string;
export declare function formatFindingsResults(input: { rows: readonly ResultRow[]; setup: readonly string[] }): string;
