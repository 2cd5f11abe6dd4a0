#!/usr/bin/env node
/**
 * zonesmith's parser alone, for the benchmark: `readZoneFile` from dist/ with a sink that only counts,
 * so the time is the lexer, the parser and the record data, without lint rules or report formatting.
 * Prints {"records": N, "diagnostics": {...}, "firstErrors": [...]} on stdout.
 * Usage: node bench/parse-only.mjs FILE
 */
import { readZoneFile } from '../dist/zone/read-file.js';

const FIRST_ERRORS_KEPT = 5;

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/parse-only.mjs FILE\n');
  process.exit(2);
}
const diagnostics = { error: 0, warning: 0, info: 0 };
const firstErrors = [];
const summary = readZoneFile(
  { file },
  {
    record() {},
    diagnostic(diagnostic) {
      diagnostics[diagnostic.severity] = (diagnostics[diagnostic.severity] ?? 0) + 1;
      if (diagnostic.severity === 'error' && firstErrors.length < FIRST_ERRORS_KEPT) {
        firstErrors.push(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.rule}: ${diagnostic.message}`);
      }
    },
  },
);
process.stdout.write(JSON.stringify({ records: summary.recordCount, diagnostics, firstErrors }) + '\n');
