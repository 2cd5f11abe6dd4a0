/**
 * `zonesmith generate SPEC`: one BIND zone file per zone of the spec. Validates everything, renders
 * everything, then writes (atomically); `--check` writes nothing and fails when a file would change.
 * What the judge finds (the lint rules over the spec's zones) is reported as `validate` does, on stderr;
 * an error, or more warnings than `--max-warnings`, means nothing is written.
 */
import { FORMATS, type Format } from '../report/formats.js';
import { inputWords, lazyHandler, type CommandSpec } from './command.js';
import { SPEC_REPORT_OPTIONS, STDIN_FILENAME_OPTION, ZONE_OPTION } from './options.js';

export interface GenerateArgs {
  spec: string;
  out: string;
  stdout: boolean;
  template?: string;
  check: boolean;
  force: boolean;
  zone?: string[];
  stdinFilename?: string;
  format: Format;
  maxWarnings?: number;
  config?: string;
  sarifRoot?: string;
}

export const generateCommand: CommandSpec<GenerateArgs> = {
  command: 'generate <spec>',
  describe: 'Write one BIND zone file (<domain>.dns) per zone of a YAML/JSON spec',
  builder: (yargs) =>
    yargs
      .positional('spec', { type: 'string', describe: 'The spec file (YAML or JSON); - reads standard input', demandOption: true })
      .option('out', { alias: 'o', type: 'string', default: '.', describe: 'Folder for the zone files' })
      .option('stdout', { type: 'boolean', default: false, describe: 'Print the zones instead of writing files' })
      .option('template', { type: 'string', describe: 'Handlebars template to use instead of templates/zone.hbs' })
      .option('check', { type: 'boolean', default: false, describe: 'Write nothing; exit 1 when a zone file is missing or would change (CI)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace zone files that zonesmith did not write' })
      .option('zone', ZONE_OPTION)
      .option('stdin-filename', STDIN_FILENAME_OPTION)
      .option('format', { alias: 'f', choices: FORMATS, default: 'text' as Format, describe: 'Format of the problems found (as lint), on stderr' })
      .options(SPEC_REPORT_OPTIONS)
      .example('$0 generate examples/example.com.yaml --stdout', 'Print the zone')
      .example('$0 generate hosting.yaml -o zones/', 'Write zones/<domain>.dns for every zone')
      .example('$0 generate hosting.yaml -o zones/ --check', 'In CI: fail when the checked-in zones are stale')
      .example('$0 generate hosting.yaml -o zones/ --zone example.net', 'Only one zone (the spec is still checked whole)')
      .example('$0 generate spec.yaml --template my-layout.hbs', 'Use your own layout (view model: templates/README.md)')
      .example('render-spec | $0 generate - --stdin-filename hosting.yaml -o zones/', 'A spec on standard input (the name goes into messages and the zone header)'),
  handler: lazyHandler(() => import('./generate.run.js')),
  activity: (args) => `generating zones from ${inputWords([args.spec])}`,
};
