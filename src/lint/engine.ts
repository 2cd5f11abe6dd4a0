/**
 * The lint engine. A `LintSession` is a ZoneSink: the parser streams records and its own diagnostics
 * into it; each record goes past every rule's `record` handler and then into the compact index; at
 * the end each rule's `finish` runs over the index. Severities from the config apply to rule findings
 * and parser diagnostics alike (they share ids). No record is kept after its handlers have run.
 *
 * Diagnostics stream: each one goes to the session's sink as soon as it is final, so a zone with a
 * million findings never holds them. The order the sink sees (the README documents it):
 *   1. while the zone is read, parser diagnostics and the rules' record findings, in stream order
 *      (line order within a file; an included file's findings where its $INCLUDE is);
 *   2. at `finish`, the whole-zone findings (rules' `finish`, BIND's zone checks, and the few parser
 *      diagnostics a rule may restate), sorted among themselves by file, line, column and rule.
 * A global sort would need every finding in memory; `collectDiagnostics` does that for callers who want
 * one sorted array (tests, the library), and `lintZoneFile` / `lintZoneText` use it.
 */
import { compareDiagnostics, type Diagnostic, type Severity } from '../diagnostics.js';
import type { LintProfileId } from '../services/catalog.js';
import { Name } from '../zone/name.js';
import { readZoneFile, readZoneText, type ParsedRecord, type ZoneReadOptions, type ZoneReadSummary, type ZoneSink } from '../zone/parser.js';
import { activeProfiles } from './profiles.js';
import type { Finding, LintContext, Rule, RuleHandlers } from './rule.js';
import { unicodeSpaceFix } from './rules/non-ascii-whitespace.js';
import { RULES, ruleById } from './rules/index.js';
import { ZoneIndex } from './zone-index.js';
import { ZoneChecks } from '../zone/zone-checks.js';

export type RuleSetting = Severity | 'off';
/** Where a session hands each diagnostic, config severity applied, as soon as it is final. */
export type DiagnosticSink = (diagnostic: Diagnostic) => void;
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

export interface LintOptions {
  /** The zone file given on the command line (`-` for standard input). */
  file: string;
  /** `--origin`; otherwise the parser decides (leading $ORIGIN, then the file name). */
  origin?: Name;
  /** `--profile` or the config's profiles; empty or absent means "decide from the zone". */
  profiles?: readonly LintProfileId[];
  /** Per-rule severity or `off`, from the config. */
  rules?: RuleSettings;
  allowIncludeOutside?: boolean;
}

/** What the engine needs from the parser's summary once reading is done. */
export interface ReadOutcome {
  origin: Name;
  hasTtlDirective: boolean;
}

/**
 * Rule ids whose parser warnings the rule itself restates with more to say (and a fix). Only these
 * warnings wait for `finish`, to be dropped when the rule reported; everything else streams.
 */
const RESTATED_BY_RULE = new Set(['missing-ttl']);

/**
 * BIND's zone-level refusals (src/zone/zone-checks.ts, reported as `syntax`) that a lint rule also
 * finds, with a message that says more: when that rule has reported, the zone check is not repeated.
 */
const ZONE_CHECKS_RESTATED: readonly { pattern: RegExp; rule: string }[] = [
  { pattern: /CNAME and other data|more than one CNAME/, rule: 'cname-and-other-data' },
  { pattern: /^NS '.*' is a CNAME/, rule: 'ns-target-cname' },
  { pattern: /^NS '.*' has no address records/, rule: 'target-no-address' },
];

/** Before the first record there is no origin yet; the root stands in until one is known. */
const PLACEHOLDER_ORIGIN = Name.root;

export class LintSession implements ZoneSink {
  private readonly index: ZoneIndex;
  /** Rule ids that reported anything (the restatement filters need no more than that). */
  private readonly reported = new Set<string>();
  /** Parser warnings a rule may restate, held until `finish` decides. */
  private readonly heldParserDiagnostics: Diagnostic[] = [];
  /** Findings of the whole-zone phase, sorted among themselves before they go to the sink. */
  private finishFindings: Diagnostic[] | undefined;
  private readonly handlers: { rule: Rule; handlers: RuleHandlers }[];
  /** The handlers with a `record` function, the only ones each record goes past. */
  private readonly recordHandlers: { rule: Rule; handlers: RuleHandlers }[];
  private originKnown: boolean;
  private profiles: LintProfileId[] = [];
  private readonly failedRules = new Set<string>();
  /** BIND's zone-level refusals are `syntax` findings: run with the syntax rule (rule tests run without). */
  private readonly zoneChecks: ZoneChecks | undefined;

  constructor(
    private readonly options: LintOptions,
    private readonly sink: DiagnosticSink,
    rules: readonly Rule[] = RULES,
  ) {
    this.index = new ZoneIndex(options.origin ?? PLACEHOLDER_ORIGIN);
    this.originKnown = options.origin !== undefined;
    // The zone checks read the index's table of names rather than keeping a second one.
    this.zoneChecks = rules.some((rule) => rule.meta.id === 'syntax') ? new ZoneChecks(this.index.table) : undefined;
    this.handlers = rules
      .filter((rule) => options.rules?.[rule.meta.id] !== 'off')
      .map((rule) => ({ rule, handlers: rule.create(this.contextFor(rule)) }));
    this.recordHandlers = this.handlers.filter(({ handlers }) => handlers.record !== undefined);
  }

  private contextFor(rule: Rule): LintContext {
    const session = this;
    return {
      file: this.options.file,
      get origin() {
        return session.index.origin;
      },
      get apex() {
        return session.index.apex;
      },
      get profiles() {
        return session.profiles;
      },
      index: this.index,
      report: (finding) => session.found(session.toDiagnostic(rule, finding)),
    };
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

  /** A rule's finding: straight to the sink while records pass, kept for sorting once `finish` runs. */
  private found(d: Diagnostic): void {
    this.reported.add(d.rule);
    if (this.finishFindings) this.finishFindings.push(d);
    else this.emit(d);
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
    this.zoneChecks?.add(record);
    this.index.add(record);
  }

  diagnostic(diagnostic: Diagnostic): void {
    if (RESTATED_BY_RULE.has(diagnostic.rule) && diagnostic.severity === 'warning') this.heldParserDiagnostics.push(diagnostic);
    else this.emit(withParserFix(diagnostic));
  }

  /** Runs the whole-zone rules and hands their findings to the sink, sorted among themselves. */
  finish(outcome: ReadOutcome): void {
    this.index.origin = outcome.origin;
    this.index.hasTtlDirective = outcome.hasTtlDirective;
    this.profiles = activeProfiles(this.options.profiles, this.index);
    const findings: Diagnostic[] = (this.finishFindings = []);
    const start = { file: this.options.file, line: 1, column: 1 };
    for (const { rule, handlers } of this.handlers) {
      if (handlers.finish) this.run(rule, () => handlers.finish!(), start);
    }
    const reported = this.reported;
    const zoneChecks = (this.zoneChecks?.finish(this.index.apex) ?? []).filter((d) => !ZONE_CHECKS_RESTATED.some((r) => reported.has(r.rule) && r.pattern.test(d.message)));
    const fromParser = this.heldParserDiagnostics.filter((d) => !reported.has(d.rule));
    // No spread into a call: a zone can have more findings than a call can take arguments.
    const phase = fromParser.map(withParserFix).concat(zoneChecks, findings).sort(compareDiagnostics);
    for (const d of phase) this.emit(d);
  }

  /** The profiles the run used (known after `finish`). */
  get activeProfiles(): readonly LintProfileId[] {
    return this.profiles;
  }
}

/** Parser diagnostics of fixable rules get their certain repair attached. */
function withParserFix(d: Diagnostic): Diagnostic {
  if (d.rule !== 'non-ascii-whitespace' || d.fix) return d;
  const fix = unicodeSpaceFix(d);
  return fix ? { ...d, fix } : d;
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
  if (options.allowIncludeOutside) read.allowIncludeOutside = true;
  return read;
}

function lintWith(options: LintOptions, sink: DiagnosticSink, read: (zoneSink: ZoneSink) => ZoneReadSummary): LintRun {
  const session = new LintSession(options, sink);
  const summary = read(session);
  session.finish({ origin: summary.origin, hasTtlDirective: summary.hasTtlDirective });
  return { profiles: session.activeProfiles, files: summary.files, recordCount: summary.recordCount };
}

/** Lints a zone file, streaming it from disk and each diagnostic to `sink` (order: see the top of this file). */
export function lintZoneFileTo(options: LintOptions, sink: DiagnosticSink): LintRun {
  return lintWith(options, sink, (zoneSink) => readZoneFile(readOptions(options), zoneSink));
}

/** Lints zone text already in memory, each diagnostic to `sink` as it is found. */
export function lintZoneTextTo(text: string, options: LintOptions, sink: DiagnosticSink): LintRun {
  return lintWith(options, sink, (zoneSink) => readZoneText(text, readOptions(options), zoneSink));
}

/** Lints a zone file; every diagnostic in one sorted array (memory grows with the findings). */
export function lintZoneFile(options: LintOptions): LintResult {
  const collected = collectDiagnostics();
  const run = lintZoneFileTo(options, collected.sink);
  return { ...run, diagnostics: collected.sorted() };
}

/** Lints zone text already in memory (standard input, `--fix`'s first pass, tests); one sorted array. */
export function lintZoneText(text: string, options: LintOptions): LintResult {
  const collected = collectDiagnostics();
  const run = lintZoneTextTo(text, options, collected.sink);
  return { ...run, diagnostics: collected.sorted() };
}
