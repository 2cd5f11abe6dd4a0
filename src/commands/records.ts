/**
 * `zonesmith records SPEC|ZONEFILE`: every record, one per row, for pasting into a DNS provider's
 * console (table, CSV), for scripts (JSON) or as bare zone-file lines (bind).
 */
import { basename } from 'node:path';
import { EXIT } from '../io.js';
import { formatRecords, RECORD_FORMATS, recordRow, type RecordFormat, type RecordRow } from '../generate/records.js';
import { loadTemplate, orderedRecords } from '../generate/render.js';
import { buildDate } from '../generate/serial.js';
import { planZones } from '../generate/write.js';
import type { SoaData } from '../zone/record.js';
import type { CommandSpec } from './command.js';
import { isSpecPath, pickZones, readSpec, reportSpecProblems, ZONE_OPTION } from './spec-shared.js';
import { readZoneFileRows } from './zone-rows.js';

export interface RecordsArgs {
  input: string;
  format: RecordFormat;
  out: string;
  zone?: string[];
}

export const recordsCommand: CommandSpec<RecordsArgs> = {
  command: 'records <input>',
  describe: 'List every record of a spec (in zone-file order) or zone file as a table, CSV, JSON or zone-file lines',
  builder: (yargs) =>
    yargs
      .positional('input', { type: 'string', describe: 'A spec (.yaml, .yml, .json) or a zone file', demandOption: true })
      .option('format', { alias: 'f', choices: RECORD_FORMATS, default: 'table' as const, describe: 'Output format' })
      .option('out', { alias: 'o', type: 'string', default: '.', describe: 'Where generate writes the zones: an `auto` SOA serial is the one generate would write there' })
      .option('zone', ZONE_OPTION)
      .example('$0 records examples/example.com.yaml', 'An aligned table for the terminal')
      .example('$0 records hosting.yaml --zone example.net', 'One customer\'s records, to paste into their console')
      .example('$0 records hosting.yaml --format csv > records.csv', 'Import into a spreadsheet or a provider console')
      .example('$0 records example.com.dns --format json', 'What the zone file holds, as BIND reads it'),
  handler: async (args, io) => {
    let rows: RecordRow[];
    if (isSpecPath(args.input)) {
      const spec = readSpec(args.input);
      if (reportSpecProblems(spec, io) > 0) return EXIT.problems;
      const zones = pickZones(spec, args.zone, io);
      if (!zones) return EXIT.usage;
      // The SOA serial `generate -o OUT` would write: kept from the file there, or the next one.
      const planned = planZones(zones, { outDir: args.out, template: loadTemplate(), specFile: basename(args.input), date: buildDate() });
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
  },
};
