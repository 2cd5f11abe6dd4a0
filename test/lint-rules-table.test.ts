/** The README's rule table is generated from the metas (scripts/rules-table.mjs); this keeps it current. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRulesTable, replaceRulesTable, RULES_TABLE_END, RULES_TABLE_START } from '../src/lint/rules-table.js';
import { RULES } from '../src/lint/rules/index.js';
import { REPO_ROOT } from './helpers/shared.js';

describe('rule table', () => {
  it('README.md holds the table generated from the rule metas (run `npm run build && node scripts/rules-table.mjs`)', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(RULES_TABLE_START);
    expect(replaceRulesTable(readme)).toBe(readme);
  });

  it('has one row per rule, ids unique, in registry order', () => {
    const rows = renderRulesTable().trim().split('\n').slice(2);
    const ids = rows.map((row) => /^\| `([a-z-]+)`/.exec(row)?.[1]);
    expect(ids).toEqual(RULES.map((rule) => rule.meta.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('escapes pipes in cells and replaces only the text between the markers', () => {
    const table = renderRulesTable([{ id: 'x', severity: 'info', description: 'a | b', source: 'RFC 1', fixable: true }]);
    expect(table).toContain('| `x` | info | yes | a \\| b | RFC 1 |');
    const doc = `intro\n${RULES_TABLE_START}\nold\n${RULES_TABLE_END}\nrest\n`;
    expect(replaceRulesTable(doc, 'new\n')).toBe(`intro\n${RULES_TABLE_START}\nnew\n${RULES_TABLE_END}\nrest\n`);
    expect(replaceRulesTable('no markers')).toBeUndefined();
  });
});

describe('rule metas', () => {
  it.each(RULES.map((rule) => [rule.meta.id, rule.meta] as const))('%s documents itself', (_id, meta) => {
    expect(meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(meta.description.length).toBeGreaterThan(20);
    expect(meta.source).toMatch(/RFC \d+|Zonemaster|BIND|seed|catalog/);
  });
});
