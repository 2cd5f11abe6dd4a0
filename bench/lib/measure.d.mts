/** Types for measure.mjs. */
export declare const GNU_TIME: string;
export declare const TIME_FORMAT: string;
export declare class MeasureError extends Error {
  constructor(message: string, details?: { stderr?: string; exitCode?: number });
  stderr: string;
  exitCode: number | undefined;
}
export declare function parseTimeReport(text: string): { wallSeconds: number; peakKiB: number; cpuSeconds: number };
export declare function median(values: readonly number[]): number;
export interface TimedRun {
  command: string;
  args?: readonly string[];
  cwd?: string;
  timeoutMs: number;
  okExitCodes?: readonly number[];
  captureStdout?: boolean;
}
export interface TimedResult {
  wallSeconds: number;
  peakKiB: number;
  cpuSeconds: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}
export declare function runTimed(run: TimedRun): Promise<TimedResult>;
