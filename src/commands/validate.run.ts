/** The implementation of `zonesmith validate`, loaded only when the command runs (see validate.ts). */
import { EXIT, type Io } from '../io.js';
import { inputOf } from './inputs.js';
import { judgeSpecFile } from './spec-report.js';
import type { ValidateArgs } from './validate.js';

export async function run(args: ValidateArgs, io: Io): Promise<number> {
  const input = inputOf(args.spec, args);
  // A clean text run says "valid" below instead of "no problems"; the other formats always print their (empty) report.
  const place = { write: (text: string) => io.out(text), color: io.stdoutIsTTY, whenClean: args.format !== 'text', consequence: '' };
  const spec = await judgeSpecFile('validate', input, args, io, place);
  if (typeof spec === 'number') return spec;
  if (args.format === 'text') {
    const records = spec.zones.reduce((n, z) => n + z.zone.records.length, 0);
    io.out(`${input.name}: valid (${spec.zones.length} zone${spec.zones.length === 1 ? '' : 's'}, ${records} records)\n`);
  }
  return EXIT.ok;
}
