/**
 * The lint engine. A `LintSession` is a ZoneSink: the parser streams records and its problems into
 * it; each record goes past every rule's `record` handler, BIND's zone-level checks and then into the
 * compact index; at the end each rule's `finish` runs over the index. Every problem of the zone layer
 * (parser and zone checks) goes to the rule that judges its kind (zone-problems.ts), so all findings
 * are rule findings and the config's severities apply by rule id. No record is kept after its handlers have run.
 *
 * Diagnostics stream: each one goes to the session's sink as soon as it is final, so a zone with a
 * million findings never holds them. The order the sink sees (the README documents it):
 *   1. while the zone is read, the parser's problems and the rules' record findings, in stream order
 *      (line order within a file; an included file's findings where its $INCLUDE is);
 *   2. at `finish`, the whole-zone findings (rules' `finish`, BIND's zone checks, and the parser
 *      problems a rule held to restate), sorted among themselves by file, line, column and rule;
 *   3. last, the `; zonesmith-disable` comments that suppressed nothing (suppressions.ts), in line order.
 * A finding a suppression comment covers never reaches the sink.
 * A global sort would need every finding in memory; `collectDiagnostics` does that for callers who want
 * one sorted array (tests, the library), and `lintZoneText` / `lintRecords` use it.
 */
import { compareDiagnostics, type Diagnostic, type Severity } from '../diagnostics.js';
import type { LintProfileId } from '../services/catalog.js';
import { Name } from '../zone/name.js';
import { readZoneText, type ParsedRecord, type ReadInclude, type ZoneAnnotation, type ZoneInput, type ZoneReadOptions, type ZoneSink } from '../zone/parser.js';
import type { ZoneProblem } from '../zone/problem.js';
import { ZoneChecks } from '../zone/zone-checks.js';
import { activeProfiles, declaredProfiles } from './profiles.js';
import type { Finding, LintContext, Rule, RuleHandlers } from './rule.js';
import { RULES, ruleById } from './rules/index.js';
import { scanned, Suppressions } from './suppressions.js';
import { ZoneIndex } from './zone-index.js';
import { problemFinding, RULE_OF_PROBLEM } from './zone-problems.js';

export type RuleSetting = Severity | 'off';
/** Where a session hands each diagnostic, config severity applied, as soon as it is final. */
export type DiagnosticSink = (diagnostic: Diagnostic) => void;
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

export interface LintOptions {
  /** The zone file given on the command line (`-` for standard input). */
  file: string;
  /** `--origin`; otherwise the parser decides (leading $ORIGIN, then the file name). */
  origin?: Name;
  /** `--profile` or the config's profiles, as asked (an empty list: no profile); absent means "decide from the zone". */
  profiles?: readonly LintProfileId[];
  /**
   * The profiles the zone was made for (a spec's `profiles`), used like a zone file's
   * `; zonesmith: profiles` header comment, which it replaces; see activeProfiles.
   */
  declaredProfiles?: readonly LintProfileId[];
  /** Per-rule severity or `off`, from the config. */
  rules?: RuleSettings;
  /** Reads the files $INCLUDE names (lint-file.ts passes one that reads the disk); see ZoneReadOptions. */
  readInclude?: ReadInclude;
  /** The zone file's identity for include loops; see ZoneReadOptions. */
  fileKey?: string;
  /** See ZoneReadOptions (the library says false when it has no file name). */
  originFromFile?: boolean;
  /**
   * Report `; zonesmith-disable` comments that suppress nothing (default true; the CLI's
   * `--no-report-unused-disable-directives`). Suppression itself always applies (suppressions.ts).
   */
  reportUnusedDisableDirectives?: boolean;
}

/** What the engine needs from the parser's summary once reading is done. */
export interface ReadOutcome {
  origin: Name;
  hasTtlDirective: boolean;
  /** The zone file's `; zonesmith:` header comments (the profiles it declares). */
  annotations?: readonly ZoneAnnotation[];
}

/** Before the first record there is no origin yet; the root stands in until one is known. */
const PLACEHOLDER_ORIGIN = Name.root;

/**
 * What a rule sees of its session. A class, not an object literal with getters: `validate` starts a
 * session per zone of a spec, each with a context per rule, and literal getters cost a closure and a
 * slow object creation apiece (a tenth of validating 10,000 zones).
 */
class RuleContext implements LintContext {
  constructor(
    readonly file: string,
    readonly index: ZoneIndex,
    private readonly currentProfiles: () => readonly LintProfileId[],
    private readonly currentAnnotations: () => readonly ZoneAnnotation[],
    private readonly reportTo: (finding: Finding) => void,
  ) {}

  get origin(): Name {
    return this.index.origin;
  }

  get apex(): Name {
    return this.index.apex;
  }

  get profiles(): readonly LintProfileId[] {
    return this.currentProfiles();
  }

  get annotations(): readonly ZoneAnnotation[] {
    return this.currentAnnotations();
  }

  report(finding: Finding): void {
    this.reportTo(finding);
  }
}

export class LintSession implements ZoneSink {
  private readonly index: ZoneIndex;
  /** Findings of the whole-zone phase, sorted among themselves before they go to the sink. */
  private finishFindings: Diagnostic[] | undefined;
  private readonly handlers: { rule: Rule; handlers: RuleHandlers }[];
  /** The running rules by id: where the zone layer's problems go (a rule that is off gets none). */
  private readonly judges: Map<string, { rule: Rule; handlers: RuleHandlers }>;
  /** The handlers with a `record` function, the only ones each record goes past. */
  private readonly recordHandlers: { rule: Rule; handlers: RuleHandlers }[];
  private originKnown: boolean;
  private profiles: LintProfileId[] = [];
  private annotations: readonly ZoneAnnotation[] = [];
  private readonly failedRules = new Set<string>();
  /** BIND's zone-level refusals: their problems go to the rules that judge them, like the parser's. */
  private readonly zoneChecks: ZoneChecks;

  constructor(
    private readonly options: LintOptions,
    private readonly sink: DiagnosticSink,
    rules: readonly Rule[] = RULES,
  ) {
    this.index = new ZoneIndex(options.origin ?? PLACEHOLDER_ORIGIN);
    this.originKnown = options.origin !== undefined;
    // The zone checks read the index's table of names rather than keeping a second one.
    this.zoneChecks = new ZoneChecks(this.index.table);
    this.handlers = rules
      .filter((rule) => options.rules?.[rule.meta.id] !== 'off')
      .map((rule) => ({ rule, handlers: rule.create(this.contextFor(rule)) }));
    this.recordHandlers = this.handlers.filter(({ handlers }) => handlers.record !== undefined);
    this.judges = new Map(this.handlers.map((judge) => [judge.rule.meta.id, judge]));
  }

  private contextFor(rule: Rule): LintContext {
    return new RuleContext(this.options.file, this.index, () => this.profiles, () => this.annotations, (finding) => this.found(this.toDiagnostic(rule, finding)));
  }

  private toDiagnostic(rule: Rule, finding: Finding): Diagnostic {
    const severity = finding.severity ?? rule.meta.severity;
    const d: Diagnostic = {
      file: finding.where.file,
      line: finding.where.line,
      column: finding.where.column,
      severity,
      rule: rule.meta.id,
      message: finding.message,
    };
    if (finding.where.endColumn !== undefined) d.endColumn = finding.where.endColumn;
    if (finding.fix) d.fix = finding.fix;
    return d;
  }

  /** A finding: straight to the sink while records pass, kept for sorting once `finish` runs. */
  private found(d: Diagnostic): void {
    if (this.finishFindings) this.finishFindings.push(d);
    else this.emit(d);
  }

  /** A finding made outside the rules' handlers (an unused suppression): the config's severity applies as to any. */
  emitDiagnostic(d: Diagnostic): void {
    this.emit(d);
  }

  /** The config's severity for the rule, or nothing when it is off; then the sink. */
  private emit(d: Diagnostic): void {
    const setting = this.options.rules?.[d.rule];
    if (setting === 'off') return;
    this.sink(setting && setting !== d.severity ? { ...d, severity: setting } : d);
  }

  /** A rule that throws must not take the run down: the user gets its other findings and a note. */
  private run(rule: Rule, call: () => void, where: { file: string; line: number; column: number }): void {
    try {
      call();
    } catch (error) {
      this.failed(rule, error, where);
    }
  }

  private failed(rule: Rule, error: unknown, where: { file: string; line: number; column: number }): void {
    if (this.failedRules.has(rule.meta.id)) return;
    this.failedRules.add(rule.meta.id);
    this.found({
      ...where,
      severity: 'error',
      rule: rule.meta.id,
      message: `internal error in rule ${rule.meta.id} (${(error as Error)?.message ?? String(error)}); its other findings may be missing`,
    });
  }

  record(record: ParsedRecord): void {
    if (!this.originKnown) {
      this.index.origin = record.origin;
      this.originKnown = true;
    }
    // Called a million times on a big zone: no closure per rule and record, only the handlers that exist.
    for (const { rule, handlers } of this.recordHandlers) {
      try {
        handlers.record!(record);
      } catch (error) {
        this.failed(rule, error, record.position);
      }
    }
    // The zone checks look at the names as they were before this record; the index then adds it to the shared table.
    this.zoneChecks.add(record);
    this.index.add(record);
  }

  /** A problem of the zone layer, to the rule that judges its kind; dropped when that rule is not running. */
  problem(problem: ZoneProblem): void {
    const judge = this.judges.get(RULE_OF_PROBLEM[problem.kind]);
    if (!judge) return;
    const { rule, handlers } = judge;
    const where = { file: problem.file, line: problem.line, column: problem.column };
    if (handlers.problem) this.run(rule, () => handlers.problem!(problem), where);
    else this.found(this.toDiagnostic(rule, problemFinding(problem)));
  }

  /** Runs the whole-zone rules and hands their findings to the sink, sorted among themselves. */
  finish(outcome: ReadOutcome): void {
    this.index.origin = outcome.origin;
    this.index.hasTtlDirective = outcome.hasTtlDirective;
    this.annotations = outcome.annotations ?? [];
    const declared = this.options.declaredProfiles ?? declaredProfiles(this.annotations).profiles;
    this.profiles = activeProfiles(this.options.profiles, declared, this.index);
    const findings: Diagnostic[] = (this.finishFindings = []);
    for (const problem of this.zoneChecks.finish(this.index.apex)) this.problem(problem);
    const start = { file: this.options.file, line: 1, column: 1 };
    for (const { rule, handlers } of this.handlers) {
      if (handlers.finish) this.run(rule, () => handlers.finish!(), start);
    }
    for (const d of findings.sort(compareDiagnostics)) this.emit(d);
  }

  /** The profiles the run used (known after `finish`). */
  get activeProfiles(): readonly LintProfileId[] {
    return this.profiles;
  }
}

/** True for rule ids the engine knows (config validation uses the registry through this). */
export function isKnownRule(id: string): boolean {
  return ruleById(id) !== undefined;
}

/** What a streamed lint run tells besides its diagnostics. */
export interface LintRun {
  profiles: readonly LintProfileId[];
  /** Every file read: the zone file, then the files it included. */
  files: string[];
  recordCount: number;
}

export interface LintResult extends LintRun {
  /** Every diagnostic, sorted by file, line, column and rule. */
  diagnostics: Diagnostic[];
}

/** A sink that keeps everything, for callers who want one sorted array rather than a stream. */
export function collectDiagnostics(): { sink: DiagnosticSink; sorted: () => Diagnostic[] } {
  const all: Diagnostic[] = [];
  return { sink: (d) => void all.push(d), sorted: () => all.sort(compareDiagnostics) };
}

function readOptions(options: LintOptions): ZoneReadOptions {
  const read: ZoneReadOptions = { file: options.file };
  if (options.origin) read.origin = options.origin;
  if (options.readInclude) read.readInclude = options.readInclude;
  if (options.fileKey !== undefined) read.fileKey = options.fileKey;
  if (options.originFromFile !== undefined) read.originFromFile = options.originFromFile;
  return read;
}

/**
 * Lints zone text, whole or in chunks (lint-file.ts streams a file from disk through this), each
 * diagnostic to `sink` as it is found (order: see the top of this file).
 */
export function lintZoneTextTo(text: ZoneInput, options: LintOptions, sink: DiagnosticSink): LintRun {
  // The zone file's `; zonesmith-disable` comments: read from each chunk before the parser sees it,
  // so a finding is held back as it is made; the unused ones are told last.
  const suppressions = new Suppressions(options.file);
  const session = new LintSession(options, (d) => {
    if (!suppressions.suppresses(d)) sink(d);
  });
  const summary = readZoneText(scanned(text, suppressions), readOptions(options), session);
  session.finish({ origin: summary.origin, hasTtlDirective: summary.hasTtlDirective, annotations: summary.annotations });
  if (options.reportUnusedDisableDirectives !== false) for (const d of suppressions.report()) session.emitDiagnostic(d);
  return { profiles: session.activeProfiles, files: summary.files, recordCount: summary.recordCount };
}

/** Lints zone text; every diagnostic in one sorted array (memory grows with the findings). */
export function lintZoneText(text: ZoneInput, options: LintOptions): LintResult {
  const collected = collectDiagnostics();
  const run = lintZoneTextTo(text, options, collected.sink);
  return { ...run, diagnostics: collected.sorted() };
}

/**
 * Lints records that were not read from a zone file (a zone resolved from a spec): every rule, the
 * same settings. Each record carries its own position and an explicit TTL, so there is no $TTL to miss.
 */
export function lintRecords(records: Iterable<ParsedRecord>, options: LintOptions & { origin: Name }): LintResult {
  const collected = collectDiagnostics();
  const session = new LintSession(options, collected.sink);
  let recordCount = 0;
  for (const record of records) {
    session.record(record);
    recordCount++;
  }
  session.finish({ origin: options.origin, hasTtlDirective: true });
  return { profiles: session.activeProfiles, files: [options.file], recordCount, diagnostics: collected.sorted() };
}
