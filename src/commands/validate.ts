/**
 * `zonesmith validate SPEC`: everything `generate` checks, and nothing written. The spec's own shape,
 * then the lint rules over the zones it describes, reported in the lint command's formats.
 */
import { FORMATS, type Format } from '../report/formats.js';
import { inputWords, lazyHandler, type CommandSpec } from './command.js';
import { OUTPUT_FILE_OPTION, SPEC_REPORT_OPTIONS, STDIN_FILENAME_OPTION } from './options.js';

export interface ValidateArgs {
  spec: string;
  format: Format;
  maxWarnings?: number;
  config?: string;
  sarifRoot?: string;
  stdinFilename?: string;
  outputFile?: string;
}

export const validateCommand: CommandSpec<ValidateArgs> = {
  command: 'validate <spec>',
  describe: 'Check a spec (its shape, then the lint rules over its zones) without writing anything',
  builder: (yargs) =>
    yargs
      .positional('spec', { type: 'string', describe: 'The spec file (YAML or JSON); - reads standard input', demandOption: true })
      .option('format', { alias: 'f', choices: FORMATS, default: 'text' as Format, describe: 'Report format (as lint), on stdout' })
      .options(SPEC_REPORT_OPTIONS)
      .option('stdin-filename', STDIN_FILENAME_OPTION)
      .option('output-file', OUTPUT_FILE_OPTION)
      .example('$0 validate examples/example.com.yaml', 'Exit 0 when the spec is valid, 1 with every problem otherwise')
      .example('$0 validate zones.yaml --format github', 'Annotate a pull request (GitHub Actions)')
      .example('$0 validate zones.yaml --format sarif --max-warnings 0 --output-file zonesmith.sarif', 'For a code-scanning upload; warnings fail the run')
      .example('cat zones.yaml | $0 validate - --stdin-filename zones.yaml', 'A spec on standard input, named in messages'),
  handler: lazyHandler(() => import('./validate.run.js')),
  activity: (args) => `validating ${inputWords([args.spec])}`,
};
