/**
 * `records ZONEFILE`: the zone read exactly as BIND reads it (the project's one parser), as rows.
 * Problems the parser finds go to stderr as `FILE:LINE:COLUMN: severity: message [rule]`.
 */
import { existsSync } from 'node:fs';
import type { Io } from '../io.js';
import { recordRow, type RecordRow } from '../generate/records.js';
import { readZoneFile } from '../zone/read-file.js';
import type { ResourceRecord } from '../zone/record.js';

export async function readZoneFileRows(file: string, io: Io): Promise<{ rows: RecordRow[]; errors: number } | undefined> {
  if (!existsSync(file)) {
    io.err(`zonesmith: ${file}: no such file (give a spec ending in .yaml, .yml or .json, or a zone file)\n`);
    return undefined;
  }
  const records: ResourceRecord[] = [];
  let errors = 0;
  const summary = readZoneFile(
    { file },
    {
      record: (r) => {
        records.push({ owner: r.owner, ttl: r.ttl, class: r.class, type: r.type, data: r.data });
      },
      diagnostic: (d) => {
        if (d.severity === 'error') errors++;
        io.err(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]\n`);
      },
    },
  );
  return { rows: records.map((r) => recordRow(summary.origin, r)), errors };
}
