/**
 * The shape of a lint rule (after ESLint's rules): a `meta` block that documents it, and `create`,
 * which returns the handlers for one run. `record` runs as each record streams past; `problem` gets
 * the zone layer's problems of the kinds the rule judges; `finish` runs once at the end over the
 * compact index of the zone. Rules report through the context and print nothing.
 */
import type { Severity, SourcePosition, TextEdit } from '../diagnostics.js';
import type { LintProfileId } from '../services/catalog.js';
import type { Name } from '../zone/name.js';
import type { ParsedRecord, ZoneAnnotation } from '../zone/parser.js';
import type { ZoneProblem } from '../zone/problem.js';
import type { Token } from '../zone/token.js';
import type { ZoneIndex } from './zone-index.js';

export interface RuleMeta {
  /** The rule id: part of the interface (configs and tests refer to it). */
  id: string;
  /** Default severity; a finding may lower it (soa-values has info-level findings). */
  severity: Severity;
  description: string;
  /** Where the rule comes from: RFC and section, Zonemaster, BIND, the seed. */
  source: string;
  /** `--fix` can repair what it reports. */
  fixable: boolean;
  /** A page that explains the rule, when the source is not an RFC (RFCs get their own link). */
  docs?: string;
}

/** Where a finding points: a file position, optionally with the end column of the offending text. */
export interface Where extends SourcePosition {
  endColumn?: number;
}

export interface Finding {
  where: Where;
  message: string;
  /** Only when a finding is less (or more) serious than the rule's default. */
  severity?: Severity;
  fix?: TextEdit[];
}

export interface LintContext {
  /** The zone file given on the command line. */
  readonly file: string;
  /** The origin the zone was read with. */
  readonly origin: Name;
  /** The zone's apex: its SOA owner once seen, else the origin. */
  readonly apex: Name;
  /** The lint profiles in force (may be empty for a zone that serves no mail); known in `finish`. */
  readonly profiles: readonly LintProfileId[];
  /** The zone file's `; zonesmith:` header comments; known in `finish`. */
  readonly annotations: readonly ZoneAnnotation[];
  /** The index of the records seen so far (all of them in `finish`). */
  readonly index: ZoneIndex;
  report(finding: Finding): void;
}

export interface RuleHandlers {
  record?(record: ParsedRecord): void;
  /**
   * A problem the parser or BIND's zone-level checks found, of a kind this rule judges
   * (zone-problems.ts); all of them come before `finish`. Without this handler the engine reports
   * each as a finding of the rule, as it is.
   */
  problem?(problem: ZoneProblem): void;
  finish?(): void;
}

export interface Rule {
  meta: RuleMeta;
  create(context: LintContext): RuleHandlers;
}

/** The place of a token of a record (tokens carry line and column; the file is the record's). */
export function tokenWhere(record: ParsedRecord, token: Token): Where {
  const width = token.text.length + (token.quoted ? 2 : 0);
  return { file: record.position.file, line: token.line, column: token.column, endColumn: token.column + Math.max(width, 1) };
}

/** The place of a record: its owner token when written, else the start of its line. */
export function recordWhere(record: ParsedRecord): Where {
  return record.ownerToken ? tokenWhere(record, record.ownerToken) : { ...record.position };
}

/**
 * The place of a data field: its token in a zone file (the `tokenIndex`th data token), the node it was
 * written at in a spec (`field`), else the record's place.
 */
export function dataWhere(record: ParsedRecord, tokenIndex: number, field: string): Where {
  const token = record.rdataTokens[tokenIndex];
  if (token) return tokenWhere(record, token);
  return record.fieldPositions?.[field] ?? recordWhere(record);
}

/** `line 12` or `line 12 of other.dns` when the place is in another file than the zone file. */
export function lineRef(where: SourcePosition, file: string): string {
  return where.file === file ? `line ${where.line}` : `line ${where.line} of ${where.file}`;
}
