/**
 * JSON report: an array of diagnostics, each `{file, line, column, endColumn?, severity, rule, message, fix?}`.
 * Streamed element by element; the bytes are those of `JSON.stringify(array, null, 2)`.
 */
import type { Diagnostic } from '../diagnostics.js';
import { renderAll, type Reporter, type Write } from './reporter.js';

function row(d: Diagnostic): object {
  return {
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    ...(d.fix ? { fix: d.fix } : {}),
  };
}

/**
 * Writes `elements` as the items of a JSON array indented `indent` spaces deep, one at a time, as
 * `JSON.stringify` with 2-space indentation would lay them out. JSON strings hold no raw newline,
 * so indenting every newline indents every line. `close` ends the array (`[]` when it stayed empty).
 */
export class JsonArrayWriter {
  private count = 0;
  private readonly inner: string;
  private readonly newline: string;

  constructor(
    private readonly write: Write,
    private readonly indent: string,
  ) {
    this.inner = `${indent}  `;
    this.newline = `\n${this.inner}`;
  }

  item(value: unknown): void {
    const text = JSON.stringify(value, null, 2).replaceAll('\n', this.newline);
    this.write(`${this.count++ === 0 ? '[\n' : ',\n'}${this.inner}${text}`);
  }

  close(): void {
    this.write(this.count === 0 ? '[]' : `\n${this.indent}]`);
  }
}

export function jsonReporter(write: Write): Reporter {
  const array = new JsonArrayWriter(write, '');
  return {
    begin() {},
    diagnostic: (d) => array.item(row(d)),
    end() {
      array.close();
      write('\n');
    },
  };
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return renderAll(jsonReporter, diagnostics);
}
