/** The implementation of `zonesmith records`, loaded only when the command runs (see records.ts). */
import { basename } from 'node:path';
import { EXIT, type Io } from '../io.js';
import { formatRecords, recordRow, type RecordRow } from '../generate/records.js';
import { orderedRecords } from '../generate/render.js';
import { loadTemplate } from '../generate/template-file.js';
import { buildDate } from '../generate/serial.js';
import { planZones, type PlannedZone } from '../generate/write.js';
import type { ResolvedZone } from '../spec/resolve.js';
import { resolveSpec } from '../spec/resolve.js';
import type { SoaData } from '../zone/record.js';
import { CommandError, cannotRead, isSystemError } from './errors.js';
import { assertOutputFolder, inputOf, type Input } from './inputs.js';
import { zoneOrigin } from './options.js';
import { loadSpecInput, pickZones, readsSpec, reportSpecProblems } from './spec-shared.js';
import { readZoneFileRows } from './zone-rows.js';
import type { RecordsArgs } from './records.js';

export async function run(args: RecordsArgs, io: Io): Promise<number> {
  const input = inputOf(args.input, args);
  let rows: RecordRow[];
  if (readsSpec(input, args)) {
    if (args.origin !== undefined) throw new CommandError('--origin is for zone files; a spec names its zones (pick them with --zone)');
    const loaded = await loadSpecInput(input, io);
    if (input.stdin && !isMapping(loaded.data)) {
      throw new CommandError('standard input is not a spec (a YAML or JSON mapping); for a zone file there, give --origin');
    }
    const spec = resolveSpec(loaded);
    if (reportSpecProblems(spec, io) > 0) return EXIT.problems;
    const zones = pickZones(spec, args.zone, io);
    if (!zones) return EXIT.usage;
    const planned = plannedSerials(zones, args.out, input);
    rows = zones.flatMap(({ zone }, i) =>
      orderedRecords(zone).map((r) =>
        recordRow(zone.origin, r.type === 'SOA' ? { ...r, data: { ...(r.data as SoaData), serial: planned[i]!.serial.serial } } : r),
      ),
    );
  } else {
    if (args.zone) throw new CommandError('--zone picks zones of a spec; a zone file holds one zone');
    const read = await readZoneFileRows(input, { origin: zoneOrigin(args, input), allowIncludeOutside: args.allowIncludeOutside }, io);
    if (read.errors > 0) return EXIT.problems;
    rows = read.rows;
  }
  io.out(formatRecords(rows, args.format));
  return EXIT.ok;
}

function isMapping(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/** The SOA serial `generate -o OUT` would write: kept from the file there, or the next one. */
function plannedSerials(zones: readonly ResolvedZone[], out: string, input: Input): PlannedZone[] {
  assertOutputFolder(out, 'for records, -o names the folder generate writes the zones to (its serials); to write the records to a file, use --output-file');
  try {
    return planZones(zones, { outDir: out, template: loadTemplate(), specFile: basename(input.name), date: buildDate(process.env) });
  } catch (error) {
    if (isSystemError(error)) throw cannotRead(error.path ?? out, error);
    throw error;
  }
}
