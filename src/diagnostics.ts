/**
 * The one shape every problem takes, whether it comes from a spec, the zone-file parser or a lint rule.
 * Producers collect diagnostics and never throw them at the user; formatters in src/report print them.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A place in a source file. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A certain, mechanical repair: replace [line:column, line:endColumn) with `text`. */
export interface TextEdit {
  line: number;
  column: number;
  endColumn: number;
  text: string;
}

export interface Diagnostic extends SourcePosition {
  severity: Severity;
  /** Rule id (`syntax`, `srv-port-zero`, ...) or, for spec problems, `spec`. */
  rule: string;
  message: string;
  /** Last column (exclusive) of the offending text on `line`, when known. */
  endColumn?: number;
  /** JSON path into a spec (`/zones/0/hosts/www`), for spec diagnostics. */
  path?: string;
  fix?: TextEdit[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
