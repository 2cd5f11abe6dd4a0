/**
 * A zone file named on the command line, or standard input, read exactly as BIND reads it into a
 * sink: the one place commands (records, explain) open a zone input.
 */
import type { Io } from '../io.js';
import type { Name } from '../zone/name.js';
import { readZoneText, type ZoneReadOptions, type ZoneReadSummary, type ZoneSink } from '../zone/parser.js';
import { diskIncludes, readZoneFile } from '../zone/read-file.js';
import { assertReadableFile, readStdinText, type Input } from './inputs.js';

export async function readZoneInput(
  input: Input,
  { origin, allowIncludeOutside }: { origin: Name | undefined; allowIncludeOutside: boolean },
  sink: ZoneSink,
  io: Io,
): Promise<ZoneReadSummary> {
  const options: ZoneReadOptions = { file: input.name };
  if (origin) options.origin = origin;
  if (input.stdin) {
    return readZoneText(await readStdinText(input, io), { ...diskIncludes(input.name, allowIncludeOutside), ...options }, sink);
  }
  assertReadableFile(input.arg);
  return readZoneFile({ ...options, allowIncludeOutside }, sink);
}
