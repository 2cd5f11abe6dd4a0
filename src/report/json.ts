/** JSON report: an array of diagnostics, each `{file, line, column, endColumn?, severity, rule, message, fix?}`. */
import type { Diagnostic } from '../diagnostics.js';

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    ...(d.fix ? { fix: d.fix } : {}),
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}
