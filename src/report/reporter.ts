/**
 * A report is written as the diagnostics come: `begin`, then `diagnostic` for each one, then `end`.
 * A reporter keeps no diagnostic after writing it (the text report keeps counts per rule, nothing more),
 * so a zone with a million findings is reported in bounded memory. `write` takes the report's text in
 * pieces; the caller decides where it goes (standard output, a file) and how much it buffers.
 */
import type { Diagnostic, Severity } from '../diagnostics.js';

export type Write = (chunk: string) => void;

export interface ReportEnd {
  /** How many files were linted (the text summary names it). */
  fileCount: number;
}

export interface Reporter {
  begin(): void;
  diagnostic(d: Diagnostic): void;
  end(summary: ReportEnd): void;
}

/** Running counts: per severity, how many carry a fix, and per rule. */
export class Tally {
  readonly severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  fixable = 0;
  total = 0;
  readonly byRule = new Map<string, number>();

  add(d: Diagnostic): void {
    this.total++;
    this.severities[d.severity]++;
    if (d.fix) this.fixable++;
    this.byRule.set(d.rule, (this.byRule.get(d.rule) ?? 0) + 1);
  }
}

/** Runs a whole array through a reporter and returns the text: the array-taking `format*` functions. */
export function renderAll(reporter: (write: Write) => Reporter, diagnostics: readonly Diagnostic[], end: ReportEnd = { fileCount: 1 }): string {
  let out = '';
  const r = reporter((chunk) => void (out += chunk));
  r.begin();
  for (const d of diagnostics) r.diagnostic(d);
  r.end(end);
  return out;
}

/**
 * Gathers small writes into pieces of about `size` characters before passing them on: a million
 * one-line writes would otherwise be a million system calls. `flush` passes on the rest.
 */
export function bufferedWrite(write: Write, size = 64 * 1024): { write: Write; flush: () => void } {
  let pending = '';
  return {
    write(chunk) {
      pending += chunk;
      if (pending.length >= size) {
        write(pending);
        pending = '';
      }
    },
    flush() {
      if (pending !== '') write(pending);
      pending = '';
    },
  };
}
