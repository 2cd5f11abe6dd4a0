/** `zonesmith validate SPEC`: the schema and meaning checks of `generate`, and nothing written. */
import { inputWords, lazyHandler, type CommandSpec } from './command.js';
import { OUTPUT_FILE_OPTION, STDIN_FILENAME_OPTION } from './options.js';

const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;

export interface ValidateArgs {
  spec: string;
  format: (typeof VALIDATE_FORMATS)[number];
  stdinFilename?: string;
  outputFile?: string;
}

export const validateCommand: CommandSpec<ValidateArgs> = {
  command: 'validate <spec>',
  describe: 'Check a spec (schema, names, addresses, hosts, services) without writing anything',
  builder: (yargs) =>
    yargs
      .positional('spec', { type: 'string', describe: 'The spec file (YAML or JSON); - reads standard input', demandOption: true })
      .option('format', { alias: 'f', choices: VALIDATE_FORMATS, default: 'text' as const, describe: 'text on stderr; json or GitHub annotations on stdout' })
      .option('stdin-filename', STDIN_FILENAME_OPTION)
      .option('output-file', OUTPUT_FILE_OPTION)
      .example('$0 validate examples/example.com.yaml', 'Exit 0 when the spec is valid, 1 with every problem otherwise')
      .example('$0 validate zones.yaml --format github', 'Annotate a pull request (GitHub Actions)')
      .example('$0 validate zones.yaml --format json --output-file problems.json', 'Write the problems to a file, atomically')
      .example('cat zones.yaml | $0 validate - --stdin-filename zones.yaml', 'A spec on standard input, named in messages'),
  handler: lazyHandler(() => import('./validate.run.js')),
  activity: (args) => `validating ${inputWords([args.spec])}`,
};
