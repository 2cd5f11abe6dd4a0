/**
 * `zonesmith lint FILE|DIR|-...`: reads each zone file as BIND does (a folder: the zone files in it), runs the lint rules, prints the
 * diagnostics in the chosen format. Exit 0 when there is no error and no more warnings than
 * --max-warnings, 1 when there are, 2 for usage errors, unreadable files and broken configs.
 */
import { FORMATS, type Format } from '../report/formats.js';
import { LINT_PROFILE_IDS } from '../services/catalog.js';
import { inputWords, lazyHandler, type CommandSpec } from './command.js';
import { ALLOW_INCLUDE_OUTSIDE_OPTION, ORIGIN_OPTION, OUTPUT_FILE_OPTION, SARIF_ROOT_OPTION, STDIN_FILENAME_OPTION } from './options.js';

export interface LintArgs {
  files: string[];
  format: Format;
  profile?: string[];
  origin?: string;
  stdinFilename?: string;
  outputFile?: string;
  config?: string;
  fix: boolean;
  maxWarnings?: number;
  quiet: boolean;
  allowIncludeOutside: boolean;
  sarifRoot?: string;
  reportUnusedDisableDirectives: boolean;
}

export const lintCommand: CommandSpec<LintArgs> = {
  command: 'lint <files..>',
  describe: 'Check zone files as BIND reads them: autodiscovery gaps and classic zone mistakes, with file:line:column',
  builder: (yargs) =>
    yargs
      .positional('files', { type: 'string', array: true, describe: 'Zone files, or folders of them (*.dns, *.zone, db.*); - reads standard input', demandOption: true })
      .option('format', { alias: 'f', choices: FORMATS, default: 'text' as Format, describe: 'Report format' })
      .option('profile', {
        alias: 'p',
        type: 'string',
        array: true,
        describe:
          `Lint profiles: ${LINT_PROFILE_IDS.join(', ')} (repeat or comma list). Default: the config\'s profiles ` +
          '(`profiles: []` for none); else, for a zone that serves mail, the ones its "; zonesmith: profiles ..." header comment ' +
          'declares (generate writes it), or the hosted mail vendor its apex MX points at, or standard',
      })
      .option('origin', ORIGIN_OPTION)
      .option('stdin-filename', STDIN_FILENAME_OPTION)
      .option('output-file', OUTPUT_FILE_OPTION)
      .option('config', { alias: 'c', type: 'string', describe: 'Config file (default: nearest .zonesmith.yaml)' })
      .option('fix', { type: 'boolean', default: false, describe: 'Repair what is certain (Unicode spaces, missing $TTL), in place' })
      .option('max-warnings', { type: 'number', describe: 'Exit 1 when there are more warnings than this' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Report errors only' })
      .option('allow-include-outside', ALLOW_INCLUDE_OUTSIDE_OPTION)
      .option('sarif-root', SARIF_ROOT_OPTION)
      .option('report-unused-disable-directives', {
        type: 'boolean',
        default: true,
        describe: 'Report "; zonesmith-disable" comments that suppress nothing (--no-report-unused-disable-directives: do not)',
      })
      .example('$0 lint example.com.dns', 'Lint one zone')
      .example('$0 lint zones/*.dns --format sarif > zonesmith.sarif', 'For a code-scanning upload')
      .example('$0 lint example.com.dns --profile mdaemon,connector', 'Check what MDaemon clients look for')
      .example('$0 lint zones/', 'Every zone file in a folder (sorted by name)')
      .example('$0 lint zones/ --format sarif --output-file zonesmith.sarif', 'Write the report to a file, atomically')
      .example('cat example.com.dns | $0 lint - --origin example.com', 'A zone on standard input (it has no file name to take the origin from)')
      .example('$0 lint example.com.dns --fix', 'Replace pasted Unicode spaces and add the missing $TTL')
      .example('$0 lint example.com.dns --max-warnings 0', 'Fail on any warning; silence one in the zone file with "; zonesmith-disable-next-line RULE -- why"'),
  handler: lazyHandler(() => import('./lint.run.js')),
  activity: (args) => `linting ${inputWords(args.files)}`,
};
