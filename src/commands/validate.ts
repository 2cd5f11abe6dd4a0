/** `zonesmith validate SPEC`: the schema and meaning checks of `generate`, and nothing written. */
import { EXIT } from '../io.js';
import type { CommandSpec } from './command.js';
import { readSpec, reportSpecProblems } from './spec-shared.js';

export const validateCommand: CommandSpec<{ spec: string }> = {
  command: 'validate <spec>',
  describe: 'Check a spec (schema, names, addresses, hosts, services) without writing anything',
  builder: (yargs) =>
    yargs
      .positional('spec', { type: 'string', describe: 'The spec file (YAML or JSON)', demandOption: true })
      .example('$0 validate examples/example.com.yaml', 'Exit 0 when the spec is valid, 1 with every problem otherwise'),
  handler: async (args, io) => {
    const spec = readSpec(args.spec);
    if (reportSpecProblems(spec, io) > 0) return EXIT.problems;
    const records = spec.zones.reduce((n, z) => n + z.zone.records.length, 0);
    io.out(`${args.spec}: valid (${spec.zones.length} zone${spec.zones.length === 1 ? '' : 's'}, ${records} records)\n`);
    return EXIT.ok;
  },
};
