/** The implementation of `zonesmith validate`, loaded only when the command runs (see validate.ts). */
import { EXIT, type Io } from '../io.js';
import { readSpecWithData } from './spec-shared.js';
import { failure, judgeWithConfig, maxWarningsProblem, renderSpecReport } from './spec-report.js';
import type { ValidateArgs } from './validate.js';

export async function run(args: ValidateArgs, io: Io): Promise<number> {
  const usage = maxWarningsProblem(args.maxWarnings);
  if (usage) {
    io.err(`zonesmith validate: ${usage}\n`);
    return EXIT.usage;
  }
  const { spec, data } = readSpecWithData(args.spec);
  const judged = judgeWithConfig(spec, data, args.config);
  if (judged.configProblems.length > 0) {
    io.out(renderSpecReport(args.format, judged.configProblems, io.stdoutIsTTY));
    return EXIT.usage;
  }
  io.out(renderSpecReport(args.format, judged.diagnostics, io.stdoutIsTTY));
  const failed = failure(judged.diagnostics, args.maxWarnings);
  if (failed) {
    io.err(`zonesmith validate: ${args.spec}: ${failed}\n`);
    return EXIT.problems;
  }
  if (args.format === 'text') {
    const records = spec.zones.reduce((n, z) => n + z.zone.records.length, 0);
    io.out(`${args.spec}: valid (${spec.zones.length} zone${spec.zones.length === 1 ? '' : 's'}, ${records} records)\n`);
  }
  return EXIT.ok;
}
