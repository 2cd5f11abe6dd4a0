/** Types for zone-generator.mjs (plain JavaScript so `npm run bench` needs no TypeScript loader). */
export declare const APEX: string;
export declare const DEFAULT_SEED: number;
export declare const MIN_RECORDS: number;
export interface ZoneOptions {
  records: number;
  seed?: number;
}
export type TypeCounts = Record<string, number>;
export declare function zoneShape(options: ZoneOptions): { records: number; seed: number };
export declare function zoneChunks(options: ZoneOptions, counts?: TypeCounts): Generator<string, void, undefined>;
export declare function zoneText(options: ZoneOptions): { text: string; counts: TypeCounts };
