#!/usr/bin/env node
// Rewrites README.md's rule table (between <!-- rules:start --> and <!-- rules:end -->) from the rule
// metas in dist/ (run `npm run build` first). `--check` only reports whether the table is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const { replaceRulesTable } = await import(new URL('dist/lint/rules-table.js', root).href);
const readmePath = fileURLToPath(new URL('README.md', root));
const readme = readFileSync(readmePath, 'utf8');
const updated = replaceRulesTable(readme);
if (updated === undefined) {
  console.error('README.md has no <!-- rules:start --> / <!-- rules:end --> markers');
  process.exit(2);
}
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md rule table is out of date: run node scripts/rules-table.mjs');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  console.log('README.md rule table updated');
}
