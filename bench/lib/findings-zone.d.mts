/** Types for findings-zone.mjs. */
export declare const FINDINGS_APEX: string;
export declare const FINDINGS_RULE: string;
export declare const FINDINGS_HEAD_LINES: number;
export declare function findingsZoneChunks(records: number): Generator<string, void, unknown>;
export declare function writeFindingsZone(file: string, records: number): string;
