/** Types for profile-top.mjs. */
export interface FunctionTime {
  /** Function name and its source place (`src/zone/lexer.ts:125`). */
  name: string;
  self: number;
  total: number;
}
export declare function summarise(profile: unknown): { totalMs: number; functions: FunctionTime[] };
export declare function formatSummary(summary: { totalMs: number; functions: FunctionTime[] }, top?: number): string;
