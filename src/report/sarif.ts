/**
 * SARIF 2.1.0 for code-scanning uploads (GitHub `upload-sarif` and others): one run, the rules'
 * metas in `tool.driver.rules`, one result per diagnostic with its physical location.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { RuleMeta } from '../lint/rule.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The package version, read at run time (the same path works from src/ and dist/). */
export function toolVersion(): string {
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

export function formatSarif(diagnostics: readonly Diagnostic[], metas: readonly RuleMeta[], cwd = process.cwd()): string {
  const ruleIndex = new Map(metas.map((meta, i) => [meta.id, i]));
  const rules = metas.map((meta) => ({
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description}. Source: ${meta.source}.` },
    ...(helpUri(meta) ? { helpUri: helpUri(meta) } : {}),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { source: meta.source, fixable: meta.fixable },
  }));
  const results = diagnostics.map((d) => ({
    ruleId: d.rule,
    ...(ruleIndex.has(d.rule) ? { ruleIndex: ruleIndex.get(d.rule) } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(d.file, cwd) },
          region: {
            startLine: d.line,
            startColumn: d.column,
            ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
          },
        },
      },
    ],
  }));
  const log = {
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
  return JSON.stringify(log, null, 2) + '\n';
}
