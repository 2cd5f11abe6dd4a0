/** `zonesmith validate SPEC`: the schema and meaning checks of `generate`, and nothing written. */
import { lazyHandler, type CommandSpec } from './command.js';

const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;

export interface ValidateArgs {
  spec: string;
  format: (typeof VALIDATE_FORMATS)[number];
}

export const validateCommand: CommandSpec<ValidateArgs> = {
  command: 'validate <spec>',
  describe: 'Check a spec (schema, names, addresses, hosts, services) without writing anything',
  builder: (yargs) =>
    yargs
      .positional('spec', { type: 'string', describe: 'The spec file (YAML or JSON)', demandOption: true })
      .option('format', { alias: 'f', choices: VALIDATE_FORMATS, default: 'text' as const, describe: 'text on stderr; json or GitHub annotations on stdout' })
      .example('$0 validate examples/example.com.yaml', 'Exit 0 when the spec is valid, 1 with every problem otherwise')
      .example('$0 validate zones.yaml --format github', 'Annotate a pull request (GitHub Actions)'),
  handler: lazyHandler(() => import('./validate.run.js')),
};
