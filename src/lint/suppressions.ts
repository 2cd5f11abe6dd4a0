/**
 * Suppressions in a zone file, as ESLint users know them (README "Suppressing a finding"):
 *
 *   ; zonesmith-disable-next-line RULE[, RULE] [-- reason]   on a line of its own: the next line
 *   www IN A 10.0.0.1 ; zonesmith-disable-line RULE          at the end of a line: that line
 *   ; zonesmith-disable RULE[, RULE] [-- reason]             from here ...
 *   ; zonesmith-enable RULE[, RULE]                          ... to here (or to the end of the file)
 *
 * Without a rule list a directive covers every rule. The zone file's own comments count (not those
 * of an `$INCLUDE`d file: its findings are suppressed in that file's own lint run), and `syntax`
 * findings cannot be suppressed: BIND refuses the zone whatever a comment says. A directive that
 * suppresses nothing, or names a rule that does not exist, is itself reported under the rule
 * `unused-disable-directive` (on by default; `--no-report-unused-disable-directives` or the config
 * turn it off).
 *
 * The directives are read by a scanner of their own that sees each chunk of the text before the
 * parser does, so every directive that can cover a line is known before that line's findings are
 * made, and findings stream on as before. Only lines holding `zonesmith-` are looked at closely.
 */
import { closest } from 'fastest-levenshtein';
import type { Diagnostic } from '../diagnostics.js';
import type { ZoneInput } from '../zone/parser.js';
import { RULE_IDS } from './rules/index.js';

export const UNUSED_DIRECTIVE_RULE = 'unused-disable-directive';
const MARK = 'zonesmith-';
const KINDS = ['disable-next-line', 'disable-line', 'disable', 'enable'] as const;
type Kind = (typeof KINDS)[number];
/** Rules a directive may not silence. */
const UNSUPPRESSIBLE = new Set(['syntax']);
/** A directive's text is short; a longer comment is not read further (bounded work per line). */
const MAX_DIRECTIVE_CHARS = 1000;
/** A zone with more directives than this is not a zone written by hand: the rest are ignored, and said so once. */
const MAX_DIRECTIVES = 10_000;

interface Directive {
  kind: Kind;
  /** Rule ids, lower case; empty for every rule. */
  rules: string[];
  line: number;
  column: number;
  /** The lines it covers: [from, to] inclusive (a range's end is set by its `enable`). */
  from: number;
  to: number;
  /** Rule ids (or '*') that suppressed something. */
  used: Set<string>;
}

/** The comment part of a line (after a `;` outside quotes), with its column, or undefined. */
function commentOf(line: string): { text: string; column: number } | undefined {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) return { text: line.slice(i + 1), column: i + 1 };
  }
  return undefined;
}

/** Whether a line holds nothing but blanks before its comment. */
function commentOnly(line: string, column: number): boolean {
  return line.slice(0, column - 1).trim() === '';
}

export class Suppressions {
  private readonly directives: Directive[] = [];
  /** Open ranges per rule id ('*' for every rule). */
  private readonly open = new Map<string, Directive>();
  private readonly problems: Diagnostic[] = [];
  private carry = '';
  /** Lines before `carry`'s first line. */
  private lineBase = 0;
  private tooMany = false;

  constructor(private readonly file: string) {}

  /** Reads the directives of a chunk of the zone text (call before the parser sees the chunk). */
  feed(chunk: string): void {
    const text = this.carry + chunk;
    const lastBreak = text.lastIndexOf('\n');
    if (lastBreak < 0) {
      this.carry = text;
      return;
    }
    this.scan(text.slice(0, lastBreak + 1));
    this.carry = text.slice(lastBreak + 1);
  }

  /** The end of the text: the last line, and ranges left open run to the end. */
  end(): void {
    if (this.carry !== '') this.scan(this.carry + '\n');
    this.carry = '';
  }

  private scan(lines: string): void {
    let from = 0;
    for (let hit = lines.indexOf(MARK); hit >= 0; hit = lines.indexOf(MARK, from)) {
      const start = lines.lastIndexOf('\n', hit) + 1;
      const end = lines.indexOf('\n', hit);
      this.lineBase += countBreaks(lines, from, start);
      this.readLine(lines.slice(start, end).replace(/\r$/, ''), this.lineBase + 1);
      from = end;
    }
    this.lineBase += countBreaks(lines, from, lines.length);
  }

  private readLine(line: string, lineNumber: number): void {
    const comment = commentOf(line);
    if (!comment) return;
    const words = /^\s*zonesmith-(disable-next-line|disable-line|disable|enable)(?=\s|$)/.exec(comment.text.slice(0, MAX_DIRECTIVE_CHARS));
    if (!words) return;
    if (this.directives.length >= MAX_DIRECTIVES) {
      if (!this.tooMany) this.problem(lineNumber, comment.column, `more than ${MAX_DIRECTIVES} zonesmith directives: the rest are ignored`);
      this.tooMany = true;
      return;
    }
    const kind = words[1] as Kind;
    const rest = comment.text.slice(words[0].length, MAX_DIRECTIVE_CHARS);
    const ruleText = rest.split(/\s--(?:\s|$)/)[0]!;
    const rules = ruleText
      .split(/[\s,]+/)
      .map((r) => r.trim().toLowerCase())
      .filter((r) => r !== '');
    const column = comment.column;
    for (const rule of rules) {
      if (!RULE_IDS.includes(rule)) {
        this.problem(lineNumber, column, `zonesmith-${kind} names "${rule}", which is no rule (did you mean "${closest(rule, [...RULE_IDS])}"?)`);
      } else if (UNSUPPRESSIBLE.has(rule)) {
        this.problem(lineNumber, column, `zonesmith-${kind} cannot silence ${rule}: BIND refuses the zone whatever a comment says; correct the record`);
      }
    }
    const valid = rules.filter((rule) => RULE_IDS.includes(rule) && !UNSUPPRESSIBLE.has(rule));
    if (rules.length > 0 && valid.length === 0) return;
    if (kind === 'enable') {
      this.close(valid.length > 0 ? valid : [...this.open.keys()], lineNumber - 1);
      return;
    }
    if (kind === 'disable') {
      // One range per rule, so that `zonesmith-enable RULE` can end one of them and leave the others.
      for (const rule of valid.length > 0 ? valid : ['*']) {
        const range: Directive = { kind, rules: rule === '*' ? [] : [rule], line: lineNumber, column, from: lineNumber, to: Number.MAX_SAFE_INTEGER, used: new Set() };
        this.close([rule], lineNumber - 1);
        this.open.set(rule, range);
        this.directives.push(range);
      }
      return;
    }
    const directive: Directive = { kind, rules: valid, line: lineNumber, column, from: lineNumber, to: lineNumber, used: new Set() };
    if (kind === 'disable-next-line') {
      if (!commentOnly(line, column)) {
        this.problem(lineNumber, column, 'zonesmith-disable-next-line stands on a line of its own; at the end of a line, write zonesmith-disable-line');
        return;
      }
      directive.from = directive.to = lineNumber + 1;
    }
    this.directives.push(directive);
  }

  /** Ends the open ranges of these rules (or '*') at `line`. */
  private close(rules: readonly string[], line: number): void {
    for (const rule of rules) {
      const directive = this.open.get(rule);
      if (!directive) continue;
      directive.to = Math.min(directive.to, line);
      this.open.delete(rule);
    }
  }

  private problem(line: number, column: number, message: string): void {
    this.problems.push({ file: this.file, line, column, severity: 'warning', rule: UNUSED_DIRECTIVE_RULE, message });
  }

  /** Whether a directive covers this finding (and marks it used). Findings of other files, and `syntax`, are never covered. */
  suppresses(d: Diagnostic): boolean {
    if (d.file !== this.file || UNSUPPRESSIBLE.has(d.rule) || d.rule === UNUSED_DIRECTIVE_RULE) return false;
    let covered = false;
    for (const directive of this.directives) {
      if (d.line < directive.from || d.line > directive.to) continue;
      if (directive.rules.length === 0) directive.used.add('*');
      else if (directive.rules.includes(d.rule)) directive.used.add(d.rule);
      else continue;
      covered = true;
    }
    return covered;
  }

  /** Directives that suppressed nothing (each unused rule of a list named), and malformed ones. */
  report(): Diagnostic[] {
    const found = [...this.problems];
    for (const d of this.directives) {
      const unused = d.rules.length === 0 ? (d.used.size === 0 ? ['every rule'] : []) : d.rules.filter((rule) => !d.used.has(rule));
      if (unused.length === 0) continue;
      const where = d.kind === 'disable-next-line' ? `line ${d.from}` : d.kind === 'disable-line' ? 'this line' : d.to === Number.MAX_SAFE_INTEGER ? 'the rest of the file' : `lines ${d.from}-${d.to}`;
      found.push({
        file: this.file,
        line: d.line,
        column: d.column,
        severity: 'warning',
        rule: UNUSED_DIRECTIVE_RULE,
        message: `zonesmith-${d.kind} ${unused.join(', ')}: nothing to suppress on ${where}; remove the directive (or the rule from it)`,
      });
    }
    return found;
  }
}

function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * The zone for the parser, each chunk handed to the scanner before it goes on (a whole text: scanned
 * first, passed as it is). The parser reads octets; the scanner reads the directives' words, so octets
 * are decoded for it alone (streaming, so a character split between blocks stays whole), and the parser
 * still gets every octet as it was.
 */
export function scanned(text: ZoneInput, suppressions: Suppressions): ZoneInput {
  if (typeof text === 'string' || text instanceof Uint8Array) {
    suppressions.feed(typeof text === 'string' ? text : new TextDecoder('utf-8', { ignoreBOM: true }).decode(text));
    suppressions.end();
    return text;
  }
  return scannedChunks(text, suppressions);
}

function* scannedChunks(chunks: Iterable<string | Uint8Array>, suppressions: Suppressions): Generator<string | Uint8Array> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for (const chunk of chunks) {
    // Decoded before the chunk goes on: a block from disk is a view that the next read overwrites.
    suppressions.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    yield chunk;
  }
  suppressions.feed(decoder.decode());
  suppressions.end();
}

