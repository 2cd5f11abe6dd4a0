/** The README's rule table, generated from the metas (scripts/rules-table.mjs writes it into README.md). */
import type { RuleMeta } from './rule.js';
import { RULES } from './rules/index.js';

export const RULES_TABLE_START = '<!-- rules:start -->';
export const RULES_TABLE_END = '<!-- rules:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRulesTable(metas: readonly RuleMeta[] = RULES.map((rule) => rule.meta)): string {
  const rows = metas.map(
    (m) => `| \`${m.id}\` | ${m.severity} | ${m.fixable ? 'yes' : ''} | ${cell(m.description)} | ${cell(m.source)} |`,
  );
  return ['| rule | default | fixable | what it finds | source |', '| --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/** README text with the table between the markers replaced; undefined when the markers are missing. */
export function replaceRulesTable(readme: string, table: string = renderRulesTable()): string | undefined {
  const start = readme.indexOf(RULES_TABLE_START);
  const end = readme.indexOf(RULES_TABLE_END);
  if (start === -1 || end === -1 || end < start) return undefined;
  return `${readme.slice(0, start + RULES_TABLE_START.length)}\n${table}${readme.slice(end)}`;
}
