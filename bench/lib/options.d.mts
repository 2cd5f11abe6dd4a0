/** Types for options.mjs. */
export declare const TOOL_IDS: readonly string[];
export declare const USAGE: string;
export declare class UsageError extends Error {}
export interface BenchOptions {
  help: boolean;
  records: number;
  runs: number;
  timeoutSeconds: number;
  outDir: string;
  only: string[];
  seed: number;
  /** Records of the findings table's zone. */
  findings: number;
  profile: boolean;
}
export declare function parseBenchArgs(argv: readonly string[], defaultOutDir: string): BenchOptions;
