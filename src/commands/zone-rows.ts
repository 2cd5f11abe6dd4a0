/**
 * `records ZONEFILE`, `verify ZONEFILE`, `explain ZONEFILE`, `export ZONEFILE` and `init --from ZONEFILE`:
 * the zone read exactly as BIND reads it (the project's one parser). Problems the parser finds go to
 * stderr as `FILE:LINE:COLUMN: severity: message [rule]`.
 */
import type { Io } from '../io.js';
import type { Name } from '../zone/name.js';
import { readZoneText, type ZoneReadOptions, type ZoneReadSummary, type ZoneSink } from '../zone/parser.js';
import { diskIncludes, readZoneFile } from '../zone/read-file.js';
import type { ResourceRecord } from '../zone/record.js';
import { ZoneChecks } from '../zone/zone-checks.js';
import { assertReadableFile, readStdinBytes, type Input } from './inputs.js';

export interface ZoneFileOptions {
  origin: Name | undefined;
  allowIncludeOutside: boolean;
}

/** A reader of the zone: the file from disk, or standard input read once (as bytes) and read from memory after. */
export async function zoneReader(input: Input, { origin, allowIncludeOutside }: ZoneFileOptions, io: Io): Promise<(sink: ZoneSink) => ZoneReadSummary> {
  const options: ZoneReadOptions = { file: input.name };
  if (origin) options.origin = origin;
  if (input.stdin) {
    const bytes = await readStdinBytes(input, io);
    return (sink) => readZoneText(bytes, { ...diskIncludes(input.name, allowIncludeOutside), ...options }, sink);
  }
  assertReadableFile(input.arg);
  return (sink) => readZoneFile({ ...options, allowIncludeOutside }, sink);
}

/** Prints each problem on stderr and counts the errors. */
function problemPrinter(io: Io): { problem: ZoneSink['problem']; errors: () => number } {
  let errors = 0;
  return {
    problem: (p) => {
      if (p.severity === 'error') errors++;
      io.err(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.kind}]\n`);
    },
    errors: () => errors,
  };
}

/**
 * The zone's records (`verify` compares them with servers, `export` and `init --from` carry them
 * elsewhere), its origin, and how many errors were printed. With `zoneChecks`, also what BIND refuses
 * about the zone as a whole (a CNAME beside other data, ...): a zone carried elsewhere must be one BIND loads.
 */
export async function readZoneFileRecords(
  input: Input,
  options: ZoneFileOptions & { zoneChecks?: boolean },
  io: Io,
): Promise<{ origin: Name; records: ResourceRecord[]; errors: number }> {
  const read = await zoneReader(input, options, io);
  const records: ResourceRecord[] = [];
  const printer = problemPrinter(io);
  const checks = options.zoneChecks ? new ZoneChecks() : undefined;
  const summary = read({
    record: (r) => {
      checks?.add(r);
      records.push({ owner: r.owner, ttl: r.ttl, class: r.class, type: r.type, data: r.data });
    },
    problem: printer.problem,
  });
  if (checks) for (const p of checks.finish(summary.origin)) printer.problem(p);
  return { origin: summary.origin, records, errors: printer.errors() };
}

/**
 * `records`: each record handed to `add` as it is read, none held. Two readings: the first finds the
 * problems and the zone's origin (which a leading `$ORIGIN` or the first record may settle), and only a
 * zone without errors is read again, record by record. A zone of a million records never needs them
 * all at once.
 */
export async function streamZoneFileRecords(
  input: Input,
  options: ZoneFileOptions,
  io: Io,
  add: (origin: Name, record: ResourceRecord) => void,
): Promise<{ errors: number }> {
  const read = await zoneReader(input, options, io);
  const printer = problemPrinter(io);
  const first = read({ record: () => {}, problem: printer.problem });
  if (printer.errors() > 0) return { errors: printer.errors() };
  // The second reading finds the same problems, already reported.
  read({ record: (r) => add(first.origin, r), problem: () => {} });
  return { errors: 0 };
}
