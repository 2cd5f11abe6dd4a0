/**
 * `records ZONEFILE`: the zone read exactly as BIND reads it (the project's one parser), record by
 * record. Problems the parser finds go to stderr as `FILE:LINE:COLUMN: severity: message [rule]`.
 *
 * Two readings, so that no record is held: the first finds the problems and the zone's origin (which
 * a leading `$ORIGIN` or the first record may settle), and only a zone BIND would load is read again,
 * each record handed on as it is read. A zone of a million records never needs them all at once.
 */
import type { Io } from '../io.js';
import type { Name } from '../zone/name.js';
import { readZoneText, type ZoneReadOptions, type ZoneSink } from '../zone/parser.js';
import { diskIncludes, readZoneFile } from '../zone/read-file.js';
import type { ResourceRecord } from '../zone/record.js';
import { assertReadableFile, readStdinText, type Input } from './inputs.js';

export async function readZoneFileRecords(
  input: Input,
  { origin, allowIncludeOutside }: { origin: Name | undefined; allowIncludeOutside: boolean },
  io: Io,
  add: (origin: Name, record: ResourceRecord) => void,
): Promise<{ errors: number }> {
  const options: ZoneReadOptions = { file: input.name };
  if (origin) options.origin = origin;
  const stdinText = input.stdin ? await readStdinText(input, io) : undefined;
  if (!input.stdin) assertReadableFile(input.arg);
  const read = (sink: ZoneSink) =>
    stdinText === undefined
      ? readZoneFile({ ...options, allowIncludeOutside }, sink)
      : readZoneText(stdinText, { ...diskIncludes(input.name, allowIncludeOutside), ...options }, sink);

  let errors = 0;
  const first = read({
    record: () => {},
    problem: (p) => {
      if (p.severity === 'error') errors++;
      io.err(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.kind}]\n`);
    },
  });
  if (errors > 0) return { errors };
  // The origin is now known; the second reading finds the same problems, already reported.
  const zoneOrigin = first.origin;
  read({ record: (r) => add(zoneOrigin, r), problem: () => {} });
  return { errors };
}
