/**
 * `--fix`: applies the certain repairs that diagnostics carry (Unicode spaces -> spaces; a `$TTL` or
 * written TTLs that keep every TTL BIND gives) to one file. Edits are single-line ranges. A diagnostic's repair is applied whole or not at all: when one of its
 * edits overlaps an edit already taken, or falls on a line the file does not have, the diagnostic is
 * left for the next run. On one line the edits are applied right to left, so each one's columns are
 * those of the original line. Columns count characters as the lexer's do (every octet but the UTF-8
 * continuation octets 0x80-0xBF), so they are an editor's on a UTF-8 line.
 *
 * The file's bytes are kept: lines without an edit are copied byte for byte, and on a line with one
 * only the edited ranges change (an edit's own text is written as UTF-8), whatever the line's encoding.
 */
import type { Diagnostic, TextEdit } from '../diagnostics.js';
import { binaryFromText, latin1AsUtf8, latin1Bytes, latin1String } from '../zone/bytes.js';
import { ruleById } from './rules/index.js';

export interface FixOutcome {
  text: string;
  /** Rule id -> number of diagnostics whose repair was applied. */
  applied: Map<string, number>;
}

export interface ByteFixOutcome {
  bytes: Uint8Array;
  /** Rule id -> number of diagnostics whose repair was applied. */
  applied: Map<string, number>;
}

/** Applies the repairs to text (as JavaScript holds it, read as its UTF-8 octets). */
export function applyFixes(text: string, file: string, diagnostics: readonly Diagnostic[]): FixOutcome {
  const binary = binaryFromText(text);
  const lines = binary.split('\n');
  const plan = planEdits(file, diagnostics, (line) => lines[line - 1] !== undefined);
  if (plan.byLine.size === 0) return { text, applied: plan.applied };
  for (const [line, edits] of plan.byLine) lines[line - 1] = editLine(lines[line - 1]!, edits);
  return { text: latin1AsUtf8(lines.join('\n')), applied: plan.applied };
}

/**
 * Applies the repairs to the file's bytes: only the lines they edit are rebuilt, octet for octet
 * outside the edited ranges, so every other byte (Latin-1 text, a BOM, CRLF line ends) stays as it was.
 */
export function applyFixesToBytes(bytes: Uint8Array, file: string, diagnostics: readonly Diagnostic[]): ByteFixOutcome {
  const starts = lineStarts(bytes);
  const lineEnd = (line: number): number => (line < starts.length ? starts[line]! - 1 : bytes.length);
  const plan = planEdits(file, diagnostics, (line) => line >= 1 && line <= starts.length);
  if (plan.byLine.size === 0) return { bytes, applied: plan.applied };
  const pieces: Uint8Array[] = [];
  let copied = 0;
  for (const line of [...plan.byLine.keys()].sort((a, b) => a - b)) {
    const start = starts[line - 1]!;
    const edited = editLine(latin1String(bytes.subarray(start, lineEnd(line))), plan.byLine.get(line)!);
    pieces.push(bytes.subarray(copied, start), latin1Bytes(edited));
    copied = lineEnd(line);
  }
  pieces.push(bytes.subarray(copied));
  return { bytes: Buffer.concat(pieces), applied: plan.applied };
}

/** Byte offset where each line starts (lines end at LF, as the lexer counts them). */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) starts.push(i + 1);
  return starts;
}

interface EditPlan {
  byLine: Map<number, TextEdit[]>;
  applied: Map<string, number>;
}

/** The repairs to make: each fixable diagnostic's edits, whole, when none clashes with one taken before. */
function planEdits(file: string, diagnostics: readonly Diagnostic[], editable: (line: number) => boolean): EditPlan {
  const byLine = new Map<number, TextEdit[]>();
  const applied = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.file !== file || !d.fix || d.fix.length === 0 || !ruleById(d.rule)?.meta.fixable) continue;
    if (d.fix.some((edit) => !editable(edit.line))) continue;
    const own = new Map<number, TextEdit[]>();
    const clashes = d.fix.some((edit) => {
      let lineEdits = own.get(edit.line);
      if (!lineEdits) own.set(edit.line, (lineEdits = []));
      if (lineEdits.some((e) => clash(edit, e)) || byLine.get(edit.line)?.some((e) => clash(edit, e))) return true;
      lineEdits.push(edit);
      return false;
    });
    if (clashes) continue;
    for (const [line, edits] of own) byLine.set(line, (byLine.get(line) ?? []).concat(edits));
    applied.set(d.rule, (applied.get(d.rule) ?? 0) + 1);
  }
  return { byLine, applied };
}

/**
 * Two edits of one line that cannot both be made with a certain result: overlapping ranges, an
 * insertion inside a replaced range, or two insertions at one place (their order would be a guess).
 */
function clash(a: TextEdit, b: TextEdit): boolean {
  if (a.line !== b.line) return false;
  const aInsert = a.column === a.endColumn;
  const bInsert = b.column === b.endColumn;
  if (aInsert && bInsert) return a.column === b.column;
  if (aInsert) return a.column > b.column && a.column < b.endColumn;
  if (bInsert) return b.column > a.column && b.column < a.endColumn;
  return a.column < b.endColumn && b.column < a.endColumn;
}

/**
 * Makes a line's edits (a binary string, columns in octets), right to left; at one column a
 * replacement goes before an insertion, so the inserted text lands in front of the replaced one. A
 * line break an edit inserts follows the line's own: CRLF in a line that ends in CR.
 */
function editLine(line: string, edits: TextEdit[]): string {
  const crlf = line.endsWith('\r');
  const ordered = [...edits].sort((a, b) => b.column - a.column || b.endColumn - a.endColumn);
  for (const edit of ordered) {
    const own = binaryFromText(edit.text);
    const text = crlf ? own.replace(/\r?\n/g, '\r\n') : own;
    line = line.slice(0, octetOffset(line, edit.column)) + text + line.slice(octetOffset(line, edit.endColumn));
  }
  return line;
}

/** Where column `column` starts in a line held as octets (see the columns above). */
function octetOffset(line: string, column: number): number {
  let seen = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0x80 && c < 0xc0) continue;
    if (++seen === column) return i;
  }
  return line.length;
}
