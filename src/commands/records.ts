/**
 * `zonesmith records SPEC|ZONEFILE|-`: every record, one per row, for pasting into a DNS provider's
 * console (table, CSV), for scripts (JSON) or as bare zone-file lines (bind).
 */
import { RECORD_FORMATS, type RecordFormat } from '../generate/record-formats.js';
import { inputWords, lazyHandler, type CommandSpec } from './command.js';
import { ALLOW_INCLUDE_OUTSIDE_OPTION, ORIGIN_OPTION, OUTPUT_FILE_OPTION, STDIN_FILENAME_OPTION, ZONE_OPTION } from './options.js';

export interface RecordsArgs {
  input: string;
  format: RecordFormat;
  out: string;
  zone?: string[];
  origin?: string;
  stdinFilename?: string;
  outputFile?: string;
  allowIncludeOutside: boolean;
}

export const recordsCommand: CommandSpec<RecordsArgs> = {
  command: 'records <input>',
  describe: 'List every record of a spec (in zone-file order) or zone file as a table, CSV, JSON or zone-file lines',
  builder: (yargs) =>
    yargs
      .positional('input', {
        type: 'string',
        describe: 'A spec (.yaml, .yml, .json) or a zone file; - reads standard input (a spec, or a zone with --origin)',
        demandOption: true,
      })
      .option('format', { alias: 'f', choices: RECORD_FORMATS, default: 'table' as const, describe: 'Output format' })
      .option('out', { alias: 'o', type: 'string', default: '.', describe: 'For a spec: the folder generate writes the zones to; an `auto` SOA serial is the one generate would write there' })
      .option('zone', ZONE_OPTION)
      .option('origin', ORIGIN_OPTION)
      .option('stdin-filename', STDIN_FILENAME_OPTION)
      .option('output-file', OUTPUT_FILE_OPTION)
      .option('allow-include-outside', ALLOW_INCLUDE_OUTSIDE_OPTION)
      .example('$0 records examples/example.com.yaml', 'An aligned table for the terminal')
      .example('$0 records hosting.yaml --zone example.net', 'One customer\'s records, to paste into their console')
      .example('$0 records hosting.yaml --format csv --output-file records.csv', 'Import into a spreadsheet or a provider console')
      .example('$0 records hosting.yaml -o zones/', 'The serials generate -o zones/ would write')
      .example('$0 records example.com.dns --format json', 'What the zone file holds, as BIND reads it')
      .example('$0 records db.internal --origin corp.example', 'A zone whose file name is not its origin')
      .example('dig example.com AXFR | $0 records - --origin example.com', 'A zone on standard input'),
  handler: lazyHandler(() => import('./records.run.js')),
  activity: (args) => `listing the records of ${inputWords([args.input])}`,
};
