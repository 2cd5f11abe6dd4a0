#!/usr/bin/env node
/**
 * The floor of `zonesmith validate` on a big spec: read the file and parse its YAML into a document
 * with source positions (what src/spec/load.ts does first: yaml's parseDocument with a LineCounter),
 * then into plain data. Nothing else: no schema, no zones, no lint. Prints the number of zones.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/spec-floor.mjs SPEC\n');
  process.exit(2);
}
const lineCounter = new LineCounter();
const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false, uniqueKeys: false, version: '1.2' });
const data = doc.toJS();
process.stdout.write(`${JSON.stringify({ zones: data?.zones?.length ?? 0 })}\n`);
