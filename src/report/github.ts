/**
 * GitHub Actions workflow commands, one per diagnostic, for pull-request annotations:
 * `::error file=F,line=L,col=C,endColumn=E,title=rule::message`. Escaping follows the runner's
 * toolkit (@actions/core command.ts): data escapes % CR LF; property values also escape : and ,.
 * One line per diagnostic, written as it comes.
 */
import type { Diagnostic, Severity } from '../diagnostics.js';
import { renderAll, type Reporter, type Write } from './reporter.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function githubLine(d: Diagnostic): string {
  const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
  if (d.endColumn !== undefined) props.push(`endColumn=${d.endColumn}`);
  props.push(`title=${escapeProperty(d.rule)}`);
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}\n`;
}

export function githubReporter(write: Write): Reporter {
  return {
    begin() {},
    diagnostic: (d) => write(githubLine(d)),
    end() {},
  };
}

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return renderAll(githubReporter, diagnostics);
}
