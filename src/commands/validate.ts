/** `zonesmith validate SPEC`: the schema and meaning checks of `generate`, and nothing written. */
import { EXIT } from '../io.js';
import { formatGithub, formatJson } from '../report/index.js';
import type { CommandSpec } from './command.js';
import { readSpec, reportSpecProblems } from './spec-shared.js';

const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;

export const validateCommand: CommandSpec<{ spec: string; format: (typeof VALIDATE_FORMATS)[number] }> = {
  command: 'validate <spec>',
  describe: 'Check a spec (schema, names, addresses, hosts, services) without writing anything',
  builder: (yargs) =>
    yargs
      .positional('spec', { type: 'string', describe: 'The spec file (YAML or JSON)', demandOption: true })
      .option('format', { alias: 'f', choices: VALIDATE_FORMATS, default: 'text' as const, describe: 'text on stderr; json or GitHub annotations on stdout' })
      .example('$0 validate examples/example.com.yaml', 'Exit 0 when the spec is valid, 1 with every problem otherwise')
      .example('$0 validate zones.yaml --format github', 'Annotate a pull request (GitHub Actions)'),
  handler: async (args, io) => {
    const spec = readSpec(args.spec);
    const errors = spec.diagnostics.filter((d) => d.severity === 'error').length;
    if (args.format !== 'text') {
      // The shared reporters print the message; the JSON path goes into it, as in the text form.
      const located = spec.diagnostics.map((d) => (d.path ? { ...d, message: `${d.message} (at ${d.path})` } : d));
      io.out(args.format === 'json' ? formatJson(located) : formatGithub(located));
      return errors > 0 ? EXIT.problems : EXIT.ok;
    }
    if (reportSpecProblems(spec, io) > 0) return EXIT.problems;
    const records = spec.zones.reduce((n, z) => n + z.zone.records.length, 0);
    io.out(`${args.spec}: valid (${spec.zones.length} zone${spec.zones.length === 1 ? '' : 's'}, ${records} records)\n`);
    return EXIT.ok;
  },
};
