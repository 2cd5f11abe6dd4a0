/**
 * `zonesmith records SPEC|ZONEFILE`: every record, one per row, for pasting into a DNS provider's
 * console (table, CSV), for scripts (JSON) or as bare zone-file lines (bind).
 */
import { RECORD_FORMATS, type RecordFormat } from '../generate/records.js';
import { lazyHandler, type CommandSpec } from './command.js';
import { ZONE_OPTION } from './options.js';

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
  handler: lazyHandler(() => import('./records.run.js')),
};
