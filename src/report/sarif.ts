/**
 * SARIF 2.1.0 for code-scanning uploads (GitHub `upload-sarif` and others): one run, the rules'
 * metas in `tool.driver.rules`, one result per diagnostic with its physical location. The results
 * are written as they come (see `sarifReporter`).
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { RuleMeta } from '../lint/rule.js';
import { JsonArrayWriter } from './json.js';
import { renderAll, type Reporter, type Write } from './reporter.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The package version, read at run time (the same path works from src/ and dist/). */
function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The rule's own docs page, else the RFC (and section) its source names first. */
export function helpUri(meta: RuleMeta): string | undefined {
  if (meta.docs) return meta.docs;
  const rfc = /RFC (\d+)(?: §([\d.]+\d))?/.exec(meta.source);
  if (!rfc) return undefined;
  return `https://www.rfc-editor.org/rfc/rfc${rfc[1]}${rfc[2] ? `#section-${rfc[2]}` : ''}`;
}

/** Artifact URIs relative to the working directory (what code scanning expects), with forward slashes. */
function artifactUri(file: string, cwd: string): string {
  if (file === '-') return 'stdin';
  const rel = relative(cwd, file);
  const path = rel.startsWith('..') ? file : rel;
  return path.split(sep).map(encodeURIComponent).join('/');
}

/** One SARIF result per diagnostic, with its physical location. */
function sarifResult(d: Diagnostic, ruleIndex: ReadonlyMap<string, number>, uri: (file: string) => string): object {
  return {
    ruleId: d.rule,
    ...(ruleIndex.has(d.rule) ? { ruleIndex: ruleIndex.get(d.rule) } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uri(d.file) },
          region: {
            startLine: d.line,
            startColumn: d.column,
            ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
          },
        },
      },
    ],
  };
}

/** The log around the results; `results` holds a placeholder the streaming writer cuts the text at. */
function sarifLog(metas: readonly RuleMeta[], results: unknown): object {
  const rules = metas.map((meta) => ({
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description}. Source: ${meta.source}.` },
    ...(helpUri(meta) ? { helpUri: helpUri(meta) } : {}),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { source: meta.source, fixable: meta.fixable },
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'zonesmith',
            version: toolVersion(),
            informationUri: 'https://www.npmjs.com/package/zonesmith',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** A string no rule meta contains (JSON writes U+0000 escaped), standing where the results go. */
const RESULTS_PLACEHOLDER = '\u0000zonesmith results\u0000';

/**
 * Streams the log: the text before the results array, each result as it comes, then the rest. The
 * bytes are those of `JSON.stringify(log, null, 2)` with every result in place.
 */
export function sarifReporter(write: Write, metas: readonly RuleMeta[], cwd = process.cwd()): Reporter {
  const ruleIndex = new Map(metas.map((meta, i) => [meta.id, i]));
  const text = JSON.stringify(sarifLog(metas, RESULTS_PLACEHOLDER), null, 2);
  const placeholder = JSON.stringify(RESULTS_PLACEHOLDER);
  const at = text.indexOf(placeholder);
  // The array's items sit one level deeper than its key, as JSON.stringify would put them.
  const keyIndent = /^ */.exec(text.slice(text.lastIndexOf('\n', at) + 1))![0];
  const results = new JsonArrayWriter(write, keyIndent);
  // A report names few files and many findings: each file's URI is worked out once.
  const uris = new Map<string, string>();
  const uri = (file: string): string => {
    let known = uris.get(file);
    if (known === undefined) uris.set(file, (known = artifactUri(file, cwd)));
    return known;
  };
  return {
    begin: () => write(text.slice(0, at)),
    diagnostic: (d) => results.item(sarifResult(d, ruleIndex, uri)),
    end() {
      results.close();
      write(`${text.slice(at + placeholder.length)}\n`);
    },
  };
}

export function formatSarif(diagnostics: readonly Diagnostic[], metas: readonly RuleMeta[], cwd = process.cwd()): string {
  return renderAll((write) => sarifReporter(write, metas, cwd), diagnostics);
}
