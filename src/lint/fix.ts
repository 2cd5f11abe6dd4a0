/**
 * `--fix`: applies the certain repairs that diagnostics carry (Unicode spaces -> spaces; `$TTL` from
 * the SOA minimum) to the text of one file. Edits are single-line ranges; on one line they are applied
 * right to left, and an edit that overlaps one already taken is left for the next run.
 */
import type { Diagnostic, TextEdit } from '../diagnostics.js';
import { ruleById } from './rules/index.js';

export interface FixOutcome {
  text: string;
  /** Rule id -> number of diagnostics whose repair was applied. */
  applied: Map<string, number>;
}

export function applyFixes(text: string, file: string, diagnostics: readonly Diagnostic[]): FixOutcome {
  const applied = new Map<string, number>();
  const byLine = new Map<number, { edit: TextEdit; rule: string; owner: Diagnostic }[]>();
  for (const d of diagnostics) {
    if (d.file !== file || !d.fix || !ruleById(d.rule)?.meta.fixable) continue;
    for (const edit of d.fix) {
      const list = byLine.get(edit.line) ?? [];
      list.push({ edit, rule: d.rule, owner: d });
      byLine.set(edit.line, list);
    }
  }
  if (byLine.size === 0) return { text, applied };
  const lines = text.split('\n');
  const done = new Set<Diagnostic>();
  for (const [lineNumber, edits] of byLine) {
    let line = lines[lineNumber - 1];
    if (line === undefined) continue;
    edits.sort((a, b) => b.edit.column - a.edit.column || b.edit.endColumn - a.edit.endColumn);
    let limit = Infinity;
    for (const { edit, owner } of edits) {
      if (edit.endColumn > limit && edit.endColumn > edit.column) continue;
      line = line.slice(0, edit.column - 1) + edit.text + line.slice(edit.endColumn - 1);
      limit = edit.column;
      done.add(owner);
    }
    lines[lineNumber - 1] = line;
  }
  for (const d of done) applied.set(d.rule, (applied.get(d.rule) ?? 0) + 1);
  return { text: lines.join('\n'), applied };
}
