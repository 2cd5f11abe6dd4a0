/**
 * Spec problems as Diagnostics: JSON paths (RFC 6901 pointers) to and from path segments, and the
 * one-line `FILE:LINE:COLUMN: severity: message (at /json/path)` form the spec commands print.
 */
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { SpecPath, SpecPosition } from './load.js';

export const SPEC_RULE = 'spec';

export function specDiagnostic(
  file: string,
  at: SpecPosition,
  message: string,
  path: string,
  severity: Severity = 'error',
): Diagnostic {
  const d: Diagnostic = { file, line: at.line, column: at.column, severity, rule: SPEC_RULE, message };
  if (at.endColumn !== undefined) d.endColumn = at.endColumn;
  if (path) d.path = path;
  return d;
}

export function toPointer(path: SpecPath): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Ajv's instancePath back to segments; numeric segments stay strings (maps may have numeric keys). */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatSpecDiagnostic(d: Diagnostic): string {
  const where = d.path ? ` (at ${d.path})` : '';
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${where}`;
}

/** The same problem reached twice (a `defaults` value checked in every zone) is reported once. */
export function dedupeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/** `zone a.example` or `zones a.example, b.example, c.example and 2 more`: the zones a `defaults` problem is in. */
export function zoneList(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
  return `zone${names.length > 1 ? 's' : ''} ${shown}${more}`;
}
