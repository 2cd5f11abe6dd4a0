#!/usr/bin/env node
/**
 * The floor of `zonesmith generate` on a big spec: a plain Node script that writes the same bytes to
 * the same folder. It reads the zone files of a reference run (FROM) into memory first, then writes
 * each to TO with writeFileSync: no spec, no checks, no rendering, no atomic rename, no fsync.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  process.stderr.write('usage: node bench/write-floor.mjs FROM-FOLDER TO-FOLDER\n');
  process.exit(2);
}
const files = readdirSync(from).filter((name) => name.endsWith('.dns')).map((name) => [name, readFileSync(join(from, name))]);
mkdirSync(to, { recursive: true });
let bytes = 0;
for (const [name, data] of files) {
  writeFileSync(join(to, name), data);
  bytes += data.length;
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes })}\n`);
