/**
 * `zonesmith records SPEC|ZONEFILE|- [--for PROVIDER]`: every record, one row each, with the fields of
 * a DNS provider's console (table, CSV, JSON, or a Markdown checklist to tick off in the console),
 * followed by what that provider cannot represent or does differently; or bare zone-file lines (bind).
 */
import { CONSOLE_PROVIDER_IDS } from '../services/consoles.js';
import { inputWords, lazyHandler, type CommandSpec } from './command.js';
import { ALLOW_INCLUDE_OUTSIDE_OPTION, ORIGIN_OPTION, SPEC_OR_ZONE_INPUT, OUTPUT_FILE_OPTION, STDIN_FILENAME_OPTION, ZONE_OPTION } from './options.js';

export const RECORDS_FORMATS = ['table', 'csv', 'json', 'md', 'bind'] as const;
export type RecordsFormat = (typeof RECORDS_FORMATS)[number];

export interface RecordsArgs {
  input: string;
  format: RecordsFormat;
  for: string;
  all: boolean;
  out: string;
  zone?: string[];
  origin?: string;
  stdinFilename?: string;
  outputFile?: string;
  allowIncludeOutside: boolean;
}

export const recordsCommand: CommandSpec<RecordsArgs> = {
  command: 'records <input>',
  describe: "List every record of a spec or zone file with the fields of a DNS provider's console, and what that provider cannot represent",
  builder: (yargs) =>
    yargs
      .positional('input', SPEC_OR_ZONE_INPUT)
      .option('for', { choices: CONSOLE_PROVIDER_IDS, default: 'generic', describe: "The console whose form the rows follow: its fields, their order and names, how it wants the apex, SRV and TXT" })
      .option('format', { alias: 'f', choices: RECORDS_FORMATS, default: 'table' as const, describe: 'table (with the notes after it), csv (notes on stderr), json, md (a checklist, one step per record), bind (zone-file lines; --for generic only)' })
      .option('all', { type: 'boolean', default: false, describe: 'Also list the SOA and the apex NS records, which providers run themselves' })
      .option('out', { alias: 'o', type: 'string', default: '.', describe: 'For a spec: the folder generate writes the zones to; an `auto` SOA serial is the one generate would write there' })
      .option('zone', ZONE_OPTION)
      .option('origin', ORIGIN_OPTION)
      .option('stdin-filename', STDIN_FILENAME_OPTION)
      .option('output-file', OUTPUT_FILE_OPTION)
      .option('allow-include-outside', ALLOW_INCLUDE_OUTSIDE_OPTION)
      .example('$0 records examples/example.com.yaml', 'An aligned table for the terminal')
      .example('$0 records hosting.yaml --zone example.net --for route53', "One customer's records as Route 53's Create record form wants them")
      .example('$0 records hosting.yaml --for godaddy --format md --output-file steps.md', 'A checklist to tick off in the GoDaddy console')
      .example('$0 records hosting.yaml --format csv --output-file records.csv', 'Import into a spreadsheet')
      .example('$0 records hosting.yaml -o zones/ --all', 'With the SOA (the serial generate -o zones/ would write) and the NS records')
      .example('$0 records example.com.dns --for cloudflare --format json', 'What the zone file holds, as BIND reads it, in Cloudflare\'s fields')
      .example('$0 records db.internal --origin corp.example', 'A zone whose file name is not its origin')
      .example('dig example.com AXFR | $0 records - --origin example.com', 'A zone on standard input'),
  handler: lazyHandler(() => import('./records.run.js')),
  activity: (args) => `listing the records of ${inputWords([args.input])}`,
};
