/**
 * zonesmith as a library: the same reading, judging and writing as the command line, as functions that
 * take text and return values. Nothing imported from here touches the file system, `process` or the
 * console, and nothing imports a `node:` module (test/library.test.ts walks the import graph), so the
 * same code can run in a browser. Reading files from disk is `zonesmith/node` (src/node.ts).
 */
import type { Diagnostic } from './diagnostics.js';
import { CLIENTS, type ClientTable } from './explain/clients.js';
import { explainRecords, type ExplainOptions, type Explanation, type LeftOut, type Refusal } from './explain/explain.js';
import { EXPLAIN_FORMATS, formatExplanation as formatExplanationText, type ExplainFormat } from './explain/format.js';
import type { HostedVendorView } from './explain/hosted.js';
import type { Endpoint, ExplainedClient, ExplainedGoal, ExplainedStep, Outcome, ShownRecord, Verdict } from './explain/walk.js';
import { CONSOLE_FORMATS, ConsoleSheet, findConsoleProvider, formatNotes, type ConsoleFormat, type ConsoleRow, type ShownNote } from './generate/console-rows.js';
import { recordRow, formatRecords as formatRecordRows, RECORD_FORMATS, type RecordFormat, type RecordRow } from './generate/records.js';
import { compileTemplate, orderedRecords, type CompiledTemplate, type ZoneView } from './generate/render.js';
import { nextSerial, type SerialOutcome } from './generate/serial.js';
import { renderZones as renderResolvedZones, type RenderedZone } from './generate/zones.js';
import { lintZoneText, lintZoneTextTo, type LintResult, type RuleSetting, type RuleSettings } from './lint/engine.js';
import type { RuleMeta } from './lint/rule.js';
import { RULES } from './lint/rules/index.js';
import { CONSOLE_PROVIDERS, type ConsoleColumn, type ConsoleField, type ConsoleNote, type ConsoleProvider } from './services/consoles.js';
import { LINT_PROFILE_IDS, PROFILE_IDS, PROTOCOLS, type LintProfileId, type ProfileId, type Protocol } from './services/catalog.js';
import {
  HOSTED_MAIL_VENDORS,
  hostedMailVendorById,
  hostedMailVendorFor,
  type DiscoveryExpectation,
  type HostedMailId,
  type HostedMailVendor,
  type VendorClientPath,
  type VendorRecord,
  type VendorServer,
} from './services/hosted-mail.js';
import { DIALECT_LABELS, VENDOR_SERVICE_LABELS, type DialectLabel, type VendorServiceLabel } from './services/service-labels.js';
import { loadSpecText, type LoadedSpec } from './spec/load.js';
import { resolveSpec as resolveLoadedSpec, type ResolvedSpec, type ResolvedZone, type SerialPolicy } from './spec/resolve.js';
import { Name } from './zone/name.js';
import { baseName, originOption } from './zone/origin.js';
import { readZoneText, type IncludedFile, type ParsedRecord, type ReadInclude, type ZoneInput } from './zone/parser.js';
import type { ResourceRecord, Rdata, Zone } from './zone/record.js';
import { ZONE_PROBLEM_KINDS, type ZoneProblem, type ZoneProblemKind } from './zone/problem.js';
import { adoptZone as adoptRecords, type AdoptNote } from './adopt/adopt.js';
import { readOctodnsZone, type OctodnsZone } from './adopt/octodns-read.js';
import { specText } from './adopt/spec-text.js';
import { EXPORT_FORMATS, exportZones, IMPORT_TARGET_IDS, type ExportFormat, type ExportOptions, type ExportOutcome, type ExportZone, type ImportTargetId } from './export/index.js';
import { IMPORT_TARGETS, type ImportTarget } from './export/import-targets.js';

export { Name, PROTOCOLS, PROFILE_IDS, LINT_PROFILE_IDS, RECORD_FORMATS, ZONE_PROBLEM_KINDS, CONSOLE_PROVIDERS, CONSOLE_FORMATS, EXPLAIN_FORMATS, compileTemplate };
/** Vendor knowledge beside the catalog (hosted mail services, SRV labels as the world writes them), each entry with its source. */
export { HOSTED_MAIL_VENDORS, hostedMailVendorFor, hostedMailVendorById, VENDOR_SERVICE_LABELS, DIALECT_LABELS };
export type { DiscoveryExpectation, DialectLabel, HostedMailId, HostedMailVendor, VendorClientPath, VendorRecord, VendorServer, VendorServiceLabel };
/** Export (provider import files, octoDNS, dnscontrol, dns-zonefile) and adoption (`init --from`). */
export { EXPORT_FORMATS, IMPORT_TARGET_IDS, IMPORT_TARGETS, exportZones, readOctodnsZone };
export type { AdoptNote, ExportFormat, ExportOptions, ExportOutcome, ExportZone, ImportTarget, ImportTargetId, OctodnsZone };
export type {
  ClientTable,
  Endpoint,
  ExplainedClient,
  ExplainedGoal,
  ExplainedStep,
  ExplainFormat,
  ExplainOptions,
  Explanation,
  HostedVendorView,
  Outcome,
  LeftOut,
  Refusal,
  ShownRecord,
  Verdict,
  CompiledTemplate,
  ConsoleColumn,
  ConsoleField,
  ConsoleFormat,
  ConsoleNote,
  ConsoleProvider,
  ConsoleRow,
  ShownNote,
  Diagnostic,
  IncludedFile,
  LintProfileId,
  LintResult,
  LoadedSpec,
  ParsedRecord,
  ProfileId,
  Protocol,
  Rdata,
  ReadInclude,
  RecordFormat,
  RecordRow,
  RenderedZone,
  ResolvedSpec,
  ResolvedZone,
  ResourceRecord,
  RuleMeta,
  RuleSetting,
  RuleSettings,
  SerialOutcome,
  SerialPolicy,
  Zone,
  ZoneProblem,
  ZoneInput,
  ZoneProblemKind,
  ZoneView,
};
export type { Severity, SourcePosition, TextEdit } from './diagnostics.js';

/** What every lint rule is: id, default severity, description, source, whether `--fix` repairs it. */
export const RULE_METAS: readonly RuleMeta[] = RULES.map((rule) => rule.meta);

/** The name zone text goes by in diagnostics when the caller gives none. */
const UNNAMED = '<zone>';

/** How to read zone text. */
export interface ZoneTextOptions {
  /**
   * The zone file's name: used in diagnostics, to resolve `$INCLUDE`, and for the origin when neither
   * `origin` nor a leading `$ORIGIN` gives one (`example.com.dns` means `example.com.`). Default `<zone>`,
   * which gives no origin.
   */
  file?: string;
  /** The zone's origin (`example.com` or `example.com.`, or a `Name`); else a leading `$ORIGIN`; else the file name. */
  origin?: string | Name;
  /** Reads the files `$INCLUDE` names; without it each `$INCLUDE` is reported as a file that cannot be read. */
  readInclude?: ReadInclude;
  /** How deep `$INCLUDE` may nest (default 8). */
  maxIncludeDepth?: number;
}

/** Options for lintZone: the reading options plus what the `lint:` config and `--profile` set. */
export interface LintZoneOptions extends ZoneTextOptions {
  /**
   * Profiles to judge by (LINT_PROFILE_IDS: `standard`, `mdaemon`, `connector`, a hosted mail vendor such
   * as `microsoft365`); absent or empty means "decide from the zone". To judge by none, turn
   * `missing-autodiscovery-record` off in `rules`.
   */
  profiles?: readonly LintProfileId[];
  /** Per-rule severity or `off`, by rule id (see RULE_METAS). */
  rules?: RuleSettings;
  /** Report `; zonesmith-disable` comments that suppress nothing (default true). Suppression itself always applies. */
  reportUnusedDisableDirectives?: boolean;
  /**
   * Each finding as soon as it is known, for zones with more findings than an array should hold:
   * then the result's `diagnostics` is empty. The order: while the zone is read, the reader's problems
   * and the findings about single records, in line order; then the whole-zone findings, sorted.
   */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
}

/** A zone read from text, as BIND reads it. */
export interface ParsedZone {
  /** The origin the zone was read with (absolute). */
  origin: Name;
  /** Every record BIND would load, in file order, with where each was written. */
  records: ParsedRecord[];
  /**
   * What is wrong with the text, by kind (`ZONE_PROBLEM_KINDS`), in file order; errors mean BIND refuses
   * the zone. `lintZone` reports each as a finding of the rule that judges its kind.
   */
  problems: ZoneProblem[];
  /** The file names read: the zone's, then those it included. */
  files: string[];
}

function readOptions(options: ZoneTextOptions) {
  const read: { file: string; originFromFile: boolean; origin?: Name; readInclude?: ReadInclude; maxIncludeDepth?: number } = {
    file: options.file ?? UNNAMED,
    originFromFile: options.file !== undefined,
  };
  if (options.origin !== undefined) read.origin = originOption(options.origin);
  if (options.readInclude) read.readInclude = options.readInclude;
  if (options.maxIncludeDepth !== undefined) read.maxIncludeDepth = options.maxIncludeDepth;
  return read;
}

/**
 * Reads zone-file text exactly as BIND does (`$ORIGIN`, `$TTL`, `$INCLUDE`, `$GENERATE`, blank owners,
 * TTL defaults). Never throws for bad zone text: problems come back as diagnostics.
 *
 * @param text The zone text, whole or as chunks (an iterable of strings, for big zones).
 * @param options Its name, origin and how to read included files.
 * @throws TypeError when `options.origin` is not a valid name.
 */
export function parseZone(text: ZoneInput, options: ZoneTextOptions = {}): ParsedZone {
  const records: ParsedRecord[] = [];
  const problems: ZoneProblem[] = [];
  const summary = readZoneText(text, readOptions(options), {
    record: (record) => void records.push(record),
    problem: (problem) => void problems.push(problem),
  });
  return { origin: summary.origin, records, problems, files: summary.files };
}

/**
 * Lints zone text: BIND's refusals plus every lint rule (RULE_METAS), with the severities of
 * `options.rules`. The diagnostics come back sorted by file, line and column.
 *
 * @param text The zone text, whole or as chunks.
 * @param options Reading options, profiles and rule settings.
 * @throws TypeError when `options.origin` is not a valid name.
 */
export function lintZone(text: ZoneInput, options: LintZoneOptions = {}): LintResult {
  const { origin, ...read } = readOptions(options);
  const lint: Parameters<typeof lintZoneText>[1] = { ...read };
  if (origin) lint.origin = origin;
  if (options.profiles && options.profiles.length > 0) lint.profiles = options.profiles;
  if (options.rules) lint.rules = options.rules;
  if (options.reportUnusedDisableDirectives !== undefined) lint.reportUnusedDisableDirectives = options.reportUnusedDisableDirectives;
  if (options.onDiagnostic) return { ...lintZoneTextTo(text, lint, options.onDiagnostic), diagnostics: [] };
  return lintZoneText(text, lint);
}

/**
 * Reads a spec (YAML or JSON text) and keeps where each of its nodes was written. Malformed text
 * becomes diagnostics, never an exception.
 *
 * @param text The spec's text.
 * @param options `file` names it in diagnostics (default `spec.yaml`).
 */
export function loadSpec(text: string, options: { file?: string } = {}): LoadedSpec {
  return loadSpecText(text, options.file ?? 'spec.yaml');
}

/**
 * Checks a loaded spec and turns each of its zones into the zone model `renderZones` writes. Any
 * error among `diagnostics` means no zone may be written.
 *
 * @param loaded What loadSpec returned.
 */
export function resolveSpec(loaded: LoadedSpec): ResolvedSpec {
  return resolveLoadedSpec(loaded);
}

/** loadSpec and resolveSpec in one call. */
export function resolveSpecText(text: string, options: { file?: string } = {}): ResolvedSpec {
  return resolveSpec(loadSpec(text, options));
}

export interface RenderZonesOptions {
  /** The layout, from compileTemplate; the built-in templates/zone.hbs when absent. */
  template?: CompiledTemplate;
  /** The spec's name for the header comment; the base name of `spec.file` when a ResolvedSpec is given. */
  specFile?: string;
  /** The date `serial: auto` counts from (YYYYMMDDnn, UTC); now when absent. */
  date?: Date;
  /** The current text of a zone's file by file name (`example.com.dns`), if any: its serial is kept while nothing changes, else raised. */
  existing?: (fileName: string) => string | undefined;
}

/**
 * Writes the zone file text of each zone of a resolved spec, as `zonesmith generate` would: same
 * bytes for the same spec and date.
 *
 * @param spec A ResolvedSpec without errors, or some of its zones.
 * @param options Template, header name, date and the existing files for serials.
 * @throws Error when `spec` still has errors (its zones are then not all there).
 */
export function renderZones(spec: ResolvedSpec | readonly ResolvedZone[], options: RenderZonesOptions = {}): RenderedZone[] {
  const whole = !isZoneList(spec);
  if (whole && spec.diagnostics.some((d) => d.severity === 'error')) {
    throw new Error(`${spec.file} has errors: fix them before rendering (see its diagnostics)`);
  }
  const zones = whole ? spec.zones : spec;
  const specFile = options.specFile ?? (whole ? baseName(spec.file) : 'spec');
  const render: Parameters<typeof renderResolvedZones>[1] = { specFile };
  if (options.template) render.template = options.template;
  if (options.date) render.date = options.date;
  if (options.existing) render.existing = options.existing;
  return renderResolvedZones(zones, render);
}

function isZoneList(spec: ResolvedSpec | readonly ResolvedZone[]): spec is readonly ResolvedZone[] {
  return Array.isArray(spec);
}

/**
 * A zone's records as rows a DNS provider's console asks for (name relative and absolute, MX/SRV
 * data split into priority, weight, port and target), as `zonesmith records` lists them.
 *
 * @param zone A parsed zone (rows in file order), or a resolved spec zone (rows in the order its
 *   zone file lists them, SOA first).
 * @param options For a spec zone: the SOA serial to show (default: its fixed serial, or today's YYYYMMDD00 for `auto`).
 */
export function listRecords(zone: ParsedZone | ResolvedZone, options: { serial?: number; date?: Date } = {}): RecordRow[] {
  if ('records' in zone) return zone.records.map((record) => recordRow(zone.origin, record));
  return specZoneRecords(zone, options).map((record) => recordRow(zone.zone.origin, record));
}

/**
 * Prints record rows: `table` (aligned columns), `csv` (RFC 4180), `json`, or `bind` (zone-file lines).
 *
 * @param rows From listRecords.
 * @param format One of RECORD_FORMATS.
 */
export function formatRecords(rows: readonly RecordRow[], format: RecordFormat): string {
  return formatRecordRows(rows, format);
}

/** A spec that generates a zone again, as `zonesmith init --from` writes it. */
export interface AdoptedSpec {
  /** The spec as YAML, with a header naming what it does not carry. */
  text: string;
  /** What the spec does not carry, or carries differently; empty when it regenerates the zone. */
  notes: AdoptNote[];
}

/**
 * Adopts a zone: the spec whose `generate` gives the zone back (hosts, MX, the catalog's services
 * with the profile their labels imply, everything else under `records`), naming what it cannot hold.
 *
 * @param zone A parsed zone (parseZone), or any origin and records (readOctodnsZone's, with an SOA added).
 * @param options `from` names the source in the spec's header.
 */
export function adoptZone(zone: { origin: Name; records: readonly ResourceRecord[] }, options: { from?: string } = {}): AdoptedSpec {
  const adopted = adoptRecords(zone.origin, zone.records);
  return { text: specText([adopted], options.from ?? 'a zone'), notes: adopted.notes };
}

/**
 * The clients `explainZone` knows: each one's look-up steps as data (SRV labels from the service
 * catalog, host names, URLs), with the sources they come from.
 */
export const EXPLAIN_CLIENTS: readonly ClientTable[] = CLIENTS;

/**
 * Walks each client's look-up sequence over what the zone answers: per step, what the client asks,
 * which records answer, and where it ends up (host, port, TLS), or that it fails and which record
 * would fix it. Offline: names outside the zone are said to be outside, never looked up.
 *
 * @param zone A parsed zone (its reader's errors make it "refused by BIND"), or a resolved spec zone.
 * @param options `clients`: ids of EXPLAIN_CLIENTS (default all); `email`: the address typed (default `user@<apex>`).
 * @throws TypeError for an unknown client or an address whose domain is not in the zone.
 */
export function explainZone(zone: ParsedZone | ResolvedZone, options: ExplainOptions = {}): Explanation {
  if ('records' in zone) return explainRecords({ origin: zone.origin, records: zone.records, problems: zone.problems }, options);
  return explainRecords({ origin: zone.zone.origin, records: zone.zone.records }, options);
}

/**
 * An explanation as text (step by step, with a summary) or JSON.
 *
 * @param explanation From explainZone.
 * @param format One of EXPLAIN_FORMATS.
 */
export function formatExplanation(explanation: Explanation, format: ExplainFormat = 'text'): string {
  return formatExplanationText(explanation, format);
}

/** What consoleRecords returns: the text in the format asked for, and the notes that follow the rows. */
export interface ConsoleRecords {
  text: string;
  notes: ShownNote[];
}

/**
 * A zone's records as a DNS provider's console form wants them, as `zonesmith records --for PROVIDER`
 * prints them: one row per record with that console's fields, then what the provider cannot
 * represent or does differently, each with its source (CONSOLE_PROVIDERS holds the forms).
 *
 * @param zones Parsed zones (rows in file order) or resolved spec zones (in the order their zone files list them).
 * @param provider A CONSOLE_PROVIDERS id (`generic`, `cloudflare`, `route53`, ...).
 * @param options `format` (`table`, `csv`, `json`, `md`; default `table`), `all` to keep the SOA and
 *   apex NS records, and for spec zones the SOA `serial` or the `date` an `auto` serial counts from.
 *   In `csv` the notes are not in `text` (a CSV file is for importing): print `formatConsoleNotes(notes)` beside it.
 * @throws TypeError for an unknown provider.
 */
export function consoleRecords(
  zones: ParsedZone | ResolvedZone | readonly (ParsedZone | ResolvedZone)[],
  provider: string,
  options: { format?: ConsoleFormat; all?: boolean; serial?: number; date?: Date } = {},
): ConsoleRecords {
  const found = findConsoleProvider(provider);
  if (typeof found === 'string') throw new TypeError(found);
  const parts: string[] = [];
  const sheet = new ConsoleSheet(found, options.format ?? 'table', (text) => void parts.push(text), { all: options.all ?? false });
  for (const zone of Array.isArray(zones) ? zones : [zones]) {
    if ('records' in zone) for (const record of zone.records) sheet.add(zone.origin, record);
    else for (const row of specZoneRecords(zone, options)) sheet.add(zone.zone.origin, row);
  }
  const notes = sheet.finish();
  return { text: parts.join(''), notes };
}

/** The notes of consoleRecords as text: numbered, each with its source. */
export function formatConsoleNotes(notes: readonly ShownNote[]): string {
  return formatNotes(notes);
}

function specZoneRecords(zone: ResolvedZone, options: { serial?: number; date?: Date }): ResourceRecord[] {
  const serial = options.serial ?? (zone.serial === 'auto' ? nextSerial(undefined, options.date ?? new Date()) : zone.serial);
  return orderedRecords(zone.zone).map((record) => (record.type === 'SOA' ? { ...record, data: { ...record.data, serial } } : record));
}
