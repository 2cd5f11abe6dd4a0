/**
 * `zonesmith export SPEC|ZONEFILE --to FORMAT`: the zone for another tool: a zone file a provider's
 * importer takes (`--to zonefile --for PROVIDER`), octoDNS's YAML, dnscontrol's dnsconfig.js, or the
 * JSON of the npm package dns-zonefile. What the target cannot carry is named on standard error.
 */
import { EXPORT_FORMATS, IMPORT_TARGET_IDS, type ExportFormat, type ImportTargetId } from '../export/index.js';
import { inputWords, lazyHandler, type CommandSpec } from './command.js';
import { ALLOW_INCLUDE_OUTSIDE_OPTION, ORIGIN_OPTION, STDIN_FILENAME_OPTION, ZONE_OPTION } from './options.js';

export interface ExportArgs {
  input: string;
  to: ExportFormat;
  for?: ImportTargetId;
  split: boolean;
  out?: string;
  zone?: string[];
  origin?: string;
  stdinFilename?: string;
  allowIncludeOutside: boolean;
}

export const exportCommand: CommandSpec<ExportArgs> = {
  command: 'export <input>',
  describe: 'Write a zone for a provider\'s zone-file import, octoDNS, dnscontrol or dns-zonefile',
  builder: (yargs) =>
    yargs
      .positional('input', { type: 'string', describe: 'A spec (.yaml, .yml, .json) or a zone file; - reads standard input', demandOption: true })
      .option('to', { alias: 't', choices: EXPORT_FORMATS, demandOption: true, describe: 'Output format' })
      .option('for', { choices: IMPORT_TARGET_IDS, describe: 'With --to zonefile: the provider whose importer the file is for' })
      .option('split', { type: 'boolean', default: false, describe: 'With --to zonefile: several files of whole RRsets when one would pass the importer\'s limit' })
      .option('out', { alias: 'o', type: 'string', describe: 'Folder to write the files to (default: standard output, when there is one file)' })
      .option('zone', ZONE_OPTION)
      .option('origin', ORIGIN_OPTION)
      .option('stdin-filename', STDIN_FILENAME_OPTION)
      .option('allow-include-outside', ALLOW_INCLUDE_OUTSIDE_OPTION)
      .example('$0 export examples/example.com.yaml --to zonefile --for cloudflare', 'A file for Cloudflare\'s "Import DNS records"')
      .example('$0 export db.example.com --origin example.com --to zonefile --for route53 --split -o import/', 'Over 1,000 records: several files for Route 53')
      .example('$0 export hosting.yaml --to octodns -o config/zones/', 'One <zone>.yaml per zone for octoDNS\'s YamlProvider')
      .example('$0 export hosting.yaml --to dnscontrol > dnsconfig.js', 'A dnsconfig.js with one D(...) per zone')
      .example('$0 export example.com.dns --to dns-zonefile', 'JSON for dns-zonefile\'s generate()'),
  handler: lazyHandler(() => import('./export.run.js')),
  activity: (args) => `exporting ${inputWords([args.input])} to ${args.to}`,
};
