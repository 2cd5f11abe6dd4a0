/**
 * `records ZONEFILE`: the zone read exactly as BIND reads it (the project's one parser), as rows.
 * Problems the parser finds go to stderr as `FILE:LINE:COLUMN: severity: message [rule]`.
 */
import type { Io } from '../io.js';
import { recordRow, type RecordRow } from '../generate/records.js';
import type { Name } from '../zone/name.js';
import { readZoneText, type ZoneReadOptions, type ZoneSink } from '../zone/parser.js';
import { diskIncludes, readZoneFile } from '../zone/read-file.js';
import type { ResourceRecord } from '../zone/record.js';
import { assertReadableFile, readStdinBytes, type Input } from './inputs.js';

export async function readZoneFileRows(
  input: Input,
  { origin, allowIncludeOutside }: { origin: Name | undefined; allowIncludeOutside: boolean },
  io: Io,
): Promise<{ rows: RecordRow[]; errors: number }> {
  const records: ResourceRecord[] = [];
  let errors = 0;
  const sink: ZoneSink = {
    record: (r) => {
      records.push({ owner: r.owner, ttl: r.ttl, class: r.class, type: r.type, data: r.data });
    },
    problem: (p) => {
      if (p.severity === 'error') errors++;
      io.err(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.kind}]\n`);
    },
  };
  const options: ZoneReadOptions = { file: input.name };
  if (origin) options.origin = origin;
  let summary;
  if (input.stdin) {
    summary = readZoneText(await readStdinBytes(input, io), { ...diskIncludes(input.name, allowIncludeOutside), ...options }, sink);
  } else {
    assertReadableFile(input.arg);
    summary = readZoneFile({ ...options, allowIncludeOutside }, sink);
  }
  return { rows: records.map((r) => recordRow(summary.origin, r)), errors };
}
