/** Types for zone-file.mjs. */
import type { TypeCounts } from './zone-generator.mjs';
export declare function zonePaths(outDir: string, records: number): { dir: string; file: string; meta: string };
export declare function ensureZone(options: { outDir: string; records: number; seed: number }): {
  file: string;
  bytes: number;
  sha256: string;
  counts: TypeCounts;
  reused: boolean;
};
