#!/usr/bin/env node
/**
 * dns-zonefile's parse on a zone file, for the benchmark: the whole text in memory (that is how the
 * library works), then `parse`. Prints {"records": N} on stdout: how many records it returned, so the
 * harness can show where it reads a different zone from the one BIND reads.
 * Usage: node bench/dns-zonefile-parse.mjs FILE
 */
import { readFileSync } from 'node:fs';
import zonefile from 'dns-zonefile';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/dns-zonefile-parse.mjs FILE\n');
  process.exit(2);
}
const parsed = zonefile.parse(readFileSync(file, 'utf8'));
let records = 0;
for (const value of Object.values(parsed)) {
  if (Array.isArray(value)) records += value.length;
  else if (value !== null && typeof value === 'object') records += 1; // the SOA
}
process.stdout.write(JSON.stringify({ records }) + '\n');
