/**
 * The human report: `file:line:col  severity  message  rule-id`, the source line with a caret under
 * the column, then a count per rule and a summary line. Colour only when asked (the command asks
 * when stdout is a terminal). Zone files are untrusted: control characters from them are shown escaped, never sent to the terminal.
 */
import pc from 'picocolors';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { RuleMeta } from '../lint/rule.js';
import { renderAll, Tally, type Reporter, type Write } from './reporter.js';

/** Lines to quote, by file and line number (the array-taking `formatText` takes them so). */
export type SourceLines = Map<string, Map<number, string>>;

export interface TextOptions {
  color: boolean;
  /** The source line to quote under a diagnostic, when it can be had. */
  quote?: (file: string, line: number) => string | undefined;
  /** The rules' metas: the count per rule marks the fixable ones. */
  metas?: readonly RuleMeta[];
}

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** Escapes C0/C1 controls (but not tab), so no zone content can drive the terminal. */
export function printable(text: string): string {
  // Most text has none: the test is cheaper than a replace, and this runs for every finding.
  return CONTROL.test(text) ? text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`) : text;
}

/** Blanks as wide as `text` shown, keeping its tabs, so a caret under it lines up whatever the tab width. */
function blanksFor(text: string): string {
  const shown = printable(text);
  return shown.includes('\t') ? shown.replace(/[^\t]/g, ' ') : ' '.repeat(shown.length);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summarize(diagnostics: readonly Diagnostic[]): Record<Severity, number> & { fixable: number } {
  const tally = new Tally();
  for (const d of diagnostics) tally.add(d);
  return { ...tally.severities, fixable: tally.fixable };
}

/**
 * `35 non-ascii-whitespace (fixable)`, one line per rule, most found first (then by id), so that many
 * findings read as a few kinds of problem.
 */
function countPerRule(tally: Tally, fixable: ReadonlySet<string>): string {
  const rows = [...tally.byRule].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const width = String(rows[0]?.[1] ?? 0).length;
  return rows.map(([rule, n]) => `${String(n).padStart(width)} ${rule}${fixable.has(rule) ? ' (fixable)' : ''}\n`).join('');
}

/** The human report, streamed: each diagnostic with its quoted line as it comes; counts at the end. */
export function textReporter(write: Write, options: TextOptions): Reporter {
  const c = pc.createColors(options.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const fixable = new Set(options.metas?.filter((meta) => meta.fixable).map((meta) => meta.id));
  const tally = new Tally();
  return {
    begin() {},
    diagnostic(d) {
      tally.add(d);
      let out = `${c.bold(`${printable(d.file)}:${d.line}:${d.column}`)}  ${paint[d.severity](d.severity)}  ${printable(d.message)}  ${c.dim(d.rule)}\n`;
      const source = options.quote?.(d.file, d.line);
      if (source !== undefined) {
        const gutter = String(d.line).padStart(5);
        const shown = printable(source);
        const before = blanksFor(source.slice(0, d.column - 1));
        const width = Math.max(1, (d.endColumn ?? d.column + 1) - d.column);
        out += `${c.dim(`${gutter} |`)} ${shown}\n${c.dim(`${' '.repeat(5)} |`)} ${before}${paint[d.severity]('^'.repeat(width))}\n`;
      }
      write(out);
    },
    end({ fileCount }) {
      const files = plural(fileCount, 'file');
      if (tally.total === 0) {
        write(c.green(`no problems in ${files}\n`));
        return;
      }
      const counts = tally.severities;
      const parts = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
      const fixableNote = tally.fixable > 0 ? `; ${tally.fixable} fixable with --fix` : '';
      const line = `${plural(tally.total, 'problem')} (${parts}) in ${files}${fixableNote}`;
      write(`\n${countPerRule(tally, fixable)}${counts.error > 0 ? c.red(c.bold(line)) : c.yellow(c.bold(line))}\n`);
    },
  };
}

/** The whole report for an array; `sourceLines` holds the lines to quote. */
export function formatText(diagnostics: readonly Diagnostic[], options: TextOptions & { sourceLines?: SourceLines; fileCount: number }): string {
  const { sourceLines, fileCount, ...rest } = options;
  const quote = sourceLines ? (file: string, line: number) => sourceLines.get(file)?.get(line) : rest.quote;
  return renderAll((write) => textReporter(write, quote ? { ...rest, quote } : rest), diagnostics, { fileCount });
}
