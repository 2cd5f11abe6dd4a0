/** The implementation of `zonesmith validate`, loaded only when the command runs (see validate.ts). */
import { EXIT, type Io } from '../io.js';
import { formatGithub, formatJson } from '../report/index.js';
import { inputOf } from './inputs.js';
import { readSpec, reportSpecProblems } from './spec-shared.js';
import type { ValidateArgs } from './validate.js';

export async function run(args: ValidateArgs, io: Io): Promise<number> {
  const input = inputOf(args.spec, args);
  const spec = await readSpec(input, io);
  const errors = spec.diagnostics.filter((d) => d.severity === 'error').length;
  if (args.format !== 'text') {
    // The shared reporters print the message; the JSON path goes into it, as in the text form.
    const located = spec.diagnostics.map((d) => (d.path ? { ...d, message: `${d.message} (at ${d.path})` } : d));
    io.out(args.format === 'json' ? formatJson(located) : formatGithub(located));
    return errors > 0 ? EXIT.problems : EXIT.ok;
  }
  if (reportSpecProblems(spec, io) > 0) return EXIT.problems;
  const records = spec.zones.reduce((n, z) => n + z.zone.records.length, 0);
  io.out(`${input.name}: valid (${spec.zones.length} zone${spec.zones.length === 1 ? '' : 's'}, ${records} records)\n`);
  return EXIT.ok;
}
