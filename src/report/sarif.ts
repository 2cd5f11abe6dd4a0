/**
 * SARIF 2.1.0 for code-scanning uploads (GitHub `upload-sarif` and others): one run, the rules' metas
 * in `tool.driver.rules`, one result per diagnostic with its physical location and a fingerprint.
 *
 * Artifact URIs are relative to `%SRCROOT%` (the working directory unless `--sarif-root` says
 * otherwise), which `originalUriBaseIds` maps to an absolute `file://` URI; a file outside that root is
 * written as its own absolute `file://` URI. The document is built from two pieces, `sarifRun` (the
 * run without its results) and `sarifResult` (one diagnostic), so a streaming writer can emit it
 * result by result.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity, TextEdit } from '../diagnostics.js';
import { packageVersion } from '../version.js';
import type { RuleMeta } from '../lint/rule.js';
import { fnv1a64, normalizeLine } from './fingerprint.js';
import { JsonArrayWriter } from './json.js';
import { renderAll, type Reporter, type Write } from './reporter.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** The base id artifact URIs are relative to (the name GitHub code scanning and the SARIF spec use). */
export const SRCROOT = '%SRCROOT%';
/** The key of zonesmith's fingerprint in `partialFingerprints`; bump the version if its recipe changes. */
export const FINGERPRINT_KEY = 'zonesmith/v1';
const INFORMATION_URI = 'https://www.npmjs.com/package/zonesmith';
/** How standard input is named in diagnostics (`-` on the command line, `<stdin>` in some messages). */
const STDIN_NAMES = new Set(['-', '<stdin>']);

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** The folder `%SRCROOT%` stands for; default: the working directory. */
  root?: string;
  /** The folder relative file names in diagnostics are relative to; default: the working directory. */
  cwd?: string;
  /** The text of a line of an input, for fingerprints; without it a fingerprint uses the message. */
  lineText?: (file: string, line: number) => string | undefined;
  /** zonesmith's version for `tool.driver`; default: read from its package.json. */
  version?: string;
}

/** What `sarifResult` needs across results: where URIs are relative to, rule indexes, occurrence counts. */
export interface SarifContext {
  readonly root: string;
  readonly cwd: string;
  readonly ruleIndex: ReadonlyMap<string, number>;
  readonly lineText?: (file: string, line: number) => string | undefined;
  /** How often each fingerprint base has been seen, so identical lines still get distinct fingerprints. */
  readonly occurrences: Map<number, number>;
  /** Each file's location, worked out once: a report names few files and many findings. */
  readonly locations: Map<string, ArtifactLocation>;
}

export function sarifContext(metas: readonly RuleMeta[], options: SarifOptions = {}): SarifContext {
  const cwd = options.cwd ?? process.cwd();
  return {
    cwd,
    root: resolve(cwd, options.root ?? cwd),
    ruleIndex: new Map(metas.map((meta, i) => [meta.id, i])),
    ...(options.lineText ? { lineText: options.lineText } : {}),
    occurrences: new Map(),
    locations: new Map(),
  };
}

/**
 * The rule's own docs page, else the RFC (and section) its source names first, else the README's rule
 * table (code scanning shows the link beside every alert, so no rule goes without one).
 */
export function helpUri(meta: RuleMeta): string {
  if (meta.docs) return meta.docs;
  const rfc = /RFC (\d+)(?: §([\d.]+\d))?/.exec(meta.source);
  if (!rfc) return `${INFORMATION_URI}#rules`;
  return `https://www.rfc-editor.org/rfc/rfc${rfc[1]}${rfc[2] ? `#section-${rfc[2]}` : ''}`;
}

/**
 * `srv-port-zero` → `SrvPortZero`: SARIF wants a readable name that differs from the opaque id, and
 * its validator compares them ignoring case, so a one-word id gets a suffix (`syntax` → `SyntaxCheck`).
 */
export function ruleName(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return name.toLowerCase() === id.toLowerCase() ? `${name}Check` : name;
}

/** A sentence ending in a full stop (the SARIF validator asks for whole sentences). */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Plain text for SARIF `text` fields: the metas quote code in markdown backticks. */
const plain = (markdown: string) => markdown.replace(/`/g, '');

function ruleDescriptor(meta: RuleMeta) {
  const help = helpUri(meta);
  const full = `${sentence(meta.description)} Source: ${sentence(meta.source)}`;
  const helpText = `${full} See ${help}.${meta.fixable ? ' `zonesmith lint --fix` repairs it.' : ''}`;
  const rfcs = [...new Set([...meta.source.matchAll(/RFC (\d+)/g)].map((m) => `rfc${m[1]}`))];
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: plain(sentence(meta.description)) },
    fullDescription: { text: plain(full), markdown: full },
    helpUri: help,
    // GitHub shows `help` on the alert page and its validator rules require it.
    help: { text: plain(helpText), markdown: helpText },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: ['dns', 'zone-file', ...rfcs, ...(meta.fixable ? ['fixable'] : [])], source: meta.source, fixable: meta.fixable },
  };
}

/** The run without its results: the tool, its rules, and what `%SRCROOT%` stands for. */
export function sarifRun(metas: readonly RuleMeta[], context: SarifContext, version = packageVersion()) {
  const rootUri = pathToFileURL(context.root).href;
  return {
    tool: {
      driver: {
        name: 'zonesmith',
        version,
        ...(/^\d+\.\d+\.\d+(?:[-+].*)?$/.test(version) ? { semanticVersion: version } : {}),
        informationUri: INFORMATION_URI,
        rules: metas.map(ruleDescriptor),
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
    columnKind: 'utf16CodeUnits',
  };
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  description?: { text: string };
}

/**
 * Standard input is no file under the root, but code scanning wants a URI for every location: a
 * relative `stdin` with no base id, described as what it is.
 */
const STDIN_LOCATION: ArtifactLocation = { uri: 'stdin', description: { text: 'standard input' } };

/**
 * Where a diagnostic's file is, as SARIF says it: relative to `%SRCROOT%` when inside it (each path
 * segment percent-encoded), else an absolute `file://` URI.
 */
export function artifactLocation(file: string, context: Pick<SarifContext, 'root' | 'cwd'>): ArtifactLocation {
  if (STDIN_NAMES.has(file)) return { ...STDIN_LOCATION };
  const absolute = resolve(context.cwd, file);
  const rel = relative(context.root, absolute);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(line: number, column: number, endColumn: number | undefined) {
  return { startLine: line, startColumn: column, ...(endColumn !== undefined ? { endLine: line, endColumn } : {}) };
}

/** `--fix`'s certain repairs as SARIF fixes (not for standard input: there is no file to change). */
function fixes(fix: readonly TextEdit[] | undefined, file: string, location: ArtifactLocation) {
  if (!fix || fix.length === 0 || STDIN_NAMES.has(file)) return {};
  return {
    fixes: [
      {
        description: { text: 'The repair zonesmith lint --fix makes.' },
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: fix.map((edit) => ({ deletedRegion: region(edit.line, edit.column, edit.endColumn), insertedContent: { text: edit.text } })),
          },
        ],
      },
    ],
  };
}

/**
 * A fingerprint that survives unrelated edits: the rule, the artifact and the offending line as written
 * (comment and spacing aside), not its line number, plus how many identical ones came before it.
 */
function fingerprint(d: Diagnostic, location: ArtifactLocation, context: SarifContext): string {
  const artifact = `${location.uriBaseId ?? ''}${location.uri}`;
  const line = context.lineText?.(d.file, d.line);
  const what = line !== undefined ? `line\u0000${normalizeLine(line)}` : `message\u0000${d.message}`;
  const base = fnv1a64(`${d.rule}\u0000${artifact}\u0000${what}`);
  // Keyed by the hash's number (its low 52 bits): a million findings make a million keys, and a number
  // is a fraction of the memory (and collector time) of a 16-character string.
  const key = parseInt(base.slice(3), 16);
  const occurrence = context.occurrences.get(key) ?? 0;
  context.occurrences.set(key, occurrence + 1);
  return occurrence === 0 ? base : fnv1a64(`${base}\u0000${occurrence}`);
}

/** One diagnostic as a SARIF result. */
export function sarifResult(d: Diagnostic, context: SarifContext) {
  let location = context.locations.get(d.file);
  if (location === undefined) context.locations.set(d.file, (location = artifactLocation(d.file, context)));
  const index = context.ruleIndex.get(d.rule);
  return {
    ruleId: d.rule,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(d.line, d.column, d.endColumn) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(d, location, context) },
    ...fixes(d.fix, d.file, location),
  };
}

/** A string no rule meta contains (JSON writes U+0000 escaped), standing where the results go. */
const RESULTS_PLACEHOLDER = '\u0000zonesmith results\u0000';

/**
 * Streams the log: the text before the results array, each result as it comes, then the rest. The
 * bytes are those of `JSON.stringify(log, null, 2)` with every result in place. Memory grows only with
 * the occurrence counts of the fingerprints (one short string per distinct finding).
 */
export function sarifReporter(write: Write, metas: readonly RuleMeta[], options: SarifOptions = {}): Reporter {
  const context = sarifContext(metas, options);
  const log = { $schema: SARIF_SCHEMA, version: SARIF_VERSION, runs: [{ ...sarifRun(metas, context, options.version), results: RESULTS_PLACEHOLDER }] };
  const text = JSON.stringify(log, null, 2);
  const placeholder = JSON.stringify(RESULTS_PLACEHOLDER);
  const at = text.indexOf(placeholder);
  // The array's items sit one level deeper than its key, as JSON.stringify would put them.
  const keyIndent = /^ */.exec(text.slice(text.lastIndexOf('\n', at) + 1))![0];
  const results = new JsonArrayWriter(write, keyIndent);
  return {
    begin: () => write(text.slice(0, at)),
    diagnostic: (d) => results.item(sarifResult(d, context)),
    end() {
      results.close();
      write(`${text.slice(at + placeholder.length)}\n`);
    },
  };
}

/** The whole log for an array of diagnostics (validate, generate, tests). */
export function formatSarif(diagnostics: readonly Diagnostic[], metas: readonly RuleMeta[], options: SarifOptions = {}): string {
  return renderAll((write) => sarifReporter(write, metas, options), diagnostics);
}
