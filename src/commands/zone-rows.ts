/**
 * `records ZONEFILE`, `verify ZONEFILE`, `export ZONEFILE` and `init --from ZONEFILE`: the zone read
 * exactly as BIND reads it (the project's one parser), as rows or records. Problems the parser finds
 * go to stderr as `FILE:LINE:COLUMN: severity: message [rule]`.
 */
import type { Io } from '../io.js';
import { recordRow, type RecordRow } from '../generate/records.js';
import type { Name } from '../zone/name.js';
import { readZoneText, type ZoneReadOptions, type ZoneSink } from '../zone/parser.js';
import type { ZoneProblem } from '../zone/problem.js';
import { diskIncludes, readZoneFile } from '../zone/read-file.js';
import type { ResourceRecord } from '../zone/record.js';
import { ZoneChecks } from '../zone/zone-checks.js';
import { assertReadableFile, readStdinText, type Input } from './inputs.js';

export async function readZoneFileRows(
  input: Input,
  options: { origin: Name | undefined; allowIncludeOutside: boolean },
  io: Io,
): Promise<{ rows: RecordRow[]; errors: number }> {
  const { origin, records, errors } = await readZoneFileRecords(input, options, io);
  return { rows: records.map((r) => recordRow(origin, r)), errors };
}

/**
 * The zone's records (`verify` compares them with servers, `export` and `init --from` carry them
 * elsewhere), its origin, and how many errors were printed. With `zoneChecks`, also what BIND
 * refuses about the zone as a whole (a CNAME beside other data, ...).
 */
export async function readZoneFileRecords(
  input: Input,
  { origin, allowIncludeOutside, zoneChecks = false }: { origin: Name | undefined; allowIncludeOutside: boolean; zoneChecks?: boolean },
  io: Io,
): Promise<{ origin: Name; records: ResourceRecord[]; errors: number }> {
  const records: ResourceRecord[] = [];
  let errors = 0;
  const report = (p: ZoneProblem) => {
    if (p.severity === 'error') errors++;
    io.err(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.kind}]\n`);
  };
  const checks = zoneChecks ? new ZoneChecks() : undefined;
  const sink: ZoneSink = {
    record: (r) => {
      checks?.add(r);
      records.push({ owner: r.owner, ttl: r.ttl, class: r.class, type: r.type, data: r.data });
    },
    problem: report,
  };
  const options: ZoneReadOptions = { file: input.name };
  if (origin) options.origin = origin;
  let summary;
  if (input.stdin) {
    summary = readZoneText(await readStdinText(input, io), { ...diskIncludes(input.name, allowIncludeOutside), ...options }, sink);
  } else {
    assertReadableFile(input.arg);
    summary = readZoneFile({ ...options, allowIncludeOutside }, sink);
  }
  if (checks) for (const p of checks.finish(summary.origin)) report(p);
  return { origin: summary.origin, records, errors };
}
