/**
 * The human report: `file:line:col  severity  message  rule-id`, the source line with a caret under
 * the column, and a summary line. Colour only when asked (the command asks when stdout is a terminal).
 * Zone files are untrusted: control characters from them are shown escaped, never sent to the terminal.
 */
import pc from 'picocolors';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { SourceLines } from './sources.js';

export interface TextOptions {
  color: boolean;
  sourceLines?: SourceLines;
  /** How many files were linted (for the summary line). */
  fileCount: number;
}

/** Escapes C0/C1 controls (but not tab), so no zone content can drive the terminal. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summarize(diagnostics: readonly Diagnostic[]): Record<Severity, number> & { fixable: number } {
  const counts = { error: 0, warning: 0, info: 0, fixable: 0 };
  for (const d of diagnostics) {
    counts[d.severity]++;
    if (d.fix) counts.fixable++;
  }
  return counts;
}

export function formatText(diagnostics: readonly Diagnostic[], options: TextOptions): string {
  const c = pc.createColors(options.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  let out = '';
  for (const d of diagnostics) {
    out += `${c.bold(`${printable(d.file)}:${d.line}:${d.column}`)}  ${paint[d.severity](d.severity)}  ${printable(d.message)}  ${c.dim(d.rule)}\n`;
    const source = options.sourceLines?.get(d.file)?.get(d.line);
    if (source === undefined) continue;
    const gutter = String(d.line).padStart(5);
    const shown = printable(source);
    // The caret line copies the tabs before the column so that it lines up under any tab width.
    const before = printable(source.slice(0, d.column - 1)).replace(/[^\t]/g, ' ');
    const width = Math.max(1, (d.endColumn ?? d.column + 1) - d.column);
    out += `${c.dim(`${gutter} |`)} ${shown}\n${c.dim(`${' '.repeat(5)} |`)} ${before}${paint[d.severity]('^'.repeat(width))}\n`;
  }
  const counts = summarize(diagnostics);
  const files = plural(options.fileCount, 'file');
  if (diagnostics.length === 0) {
    out += c.green(`no problems in ${files}\n`);
  } else {
    const parts = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
    const fixable = counts.fixable > 0 ? `; ${counts.fixable} fixable with --fix` : '';
    const line = `${plural(diagnostics.length, 'problem')} (${parts}) in ${files}${fixable}`;
    out += (counts.error > 0 ? c.red(c.bold(line)) : c.yellow(c.bold(line))) + '\n';
  }
  return out;
}
