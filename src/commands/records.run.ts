/** The implementation of `zonesmith records`, loaded only when the command runs (see records.ts). */
import { basename } from 'node:path';
import { EXIT, type Io } from '../io.js';
import { formatRecords, recordRow, type RecordRow } from '../generate/records.js';
import { orderedRecords } from '../generate/render.js';
import { loadTemplate } from '../generate/template-file.js';
import { buildDate } from '../generate/serial.js';
import { planZones } from '../generate/write.js';
import type { SoaData } from '../zone/record.js';
import { isSpecPath, pickZones, readSpec, reportSpecProblems } from './spec-shared.js';
import { readZoneFileRows } from './zone-rows.js';
import type { RecordsArgs } from './records.js';

export async function run(args: RecordsArgs, io: Io): Promise<number> {
  let rows: RecordRow[];
  if (isSpecPath(args.input)) {
    const spec = readSpec(args.input);
    if (reportSpecProblems(spec, io) > 0) return EXIT.problems;
    const zones = pickZones(spec, args.zone, io);
    if (!zones) return EXIT.usage;
    // The SOA serial `generate -o OUT` would write: kept from the file there, or the next one.
    const planned = planZones(zones, { outDir: args.out, template: loadTemplate(), specFile: basename(args.input), date: buildDate(process.env) });
    rows = zones.flatMap(({ zone }, i) =>
      orderedRecords(zone).map((r) =>
        recordRow(zone.origin, r.type === 'SOA' ? { ...r, data: { ...(r.data as SoaData), serial: planned[i]!.serial.serial } } : r),
      ),
    );
  } else {
    if (args.zone) {
      io.err('zonesmith: --zone picks zones of a spec; a zone file holds one zone\n');
      return EXIT.usage;
    }
    const read = await readZoneFileRows(args.input, io);
    if (!read) return EXIT.usage;
    if (read.errors > 0) return EXIT.problems;
    rows = read.rows;
  }
  io.out(formatRecords(rows, args.format));
  return EXIT.ok;
}
