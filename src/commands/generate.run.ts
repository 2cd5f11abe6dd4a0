/** The implementation of `zonesmith generate`, loaded only when the command runs (see generate.ts). */
import { basename } from 'node:path';
import { EXIT, type Io } from '../io.js';
import Handlebars from 'handlebars';
import type { CompiledTemplate } from '../generate/render.js';
import { loadTemplate, TemplateError } from '../generate/template-file.js';
import { buildDate } from '../generate/serial.js';
import { firstDifference, foreignFiles, planZones, writePlanned, type PlannedZone } from '../generate/write.js';
import { cannotRead, cannotWrite, isSystemError } from './errors.js';
import { assertOutputFolder, assertReadableFile, inputOf } from './inputs.js';
import { pickZones } from './spec-shared.js';
import { judgeSpecFile } from './spec-report.js';
import type { GenerateArgs } from './generate.js';

const ZONE_SEPARATOR = `; ${'-'.repeat(70)}\n`;

export async function run(args: GenerateArgs, io: Io): Promise<number> {
  if (args.stdout && args.check) {
    io.err('zonesmith: --stdout prints and --check compares files: use one of them\n');
    return EXIT.usage;
  }
  if (args.template !== undefined) assertReadableFile(args.template);
  const templateName = args.template ?? 'templates/zone.hbs';
  const templateProblem = (message: string): number => {
    io.err(`zonesmith: template ${templateName}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return EXIT.usage;
  };
  let template: CompiledTemplate;
  try {
    template = loadTemplate(args.template);
  } catch (error) {
    // A read failure names the template whatever the error carries; a syntax error is the template's.
    if (isSystemError(error)) throw cannotRead(templateName, error);
    if (error instanceof TemplateError) return templateProblem(error.message);
    throw error;
  }
  if (!args.stdout) assertOutputFolder(args.out, 'generate writes one <domain>.dns file per zone into it');
  const input = inputOf(args.spec, args);
  // Standard output may carry the zones (--stdout): the findings go to standard error, and only when there are some.
  const place = { write: (text: string) => io.err(text), color: io.stderrIsTTY, whenClean: false, consequence: '; nothing was written' };
  const spec = await judgeSpecFile('generate', input, args, io, place);
  if (typeof spec === 'number') return spec;
  const zones = pickZones(spec, args.zone, io);
  if (!zones) return EXIT.usage;

  let planned: PlannedZone[];
  try {
    planned = planZones(zones, { outDir: args.out, template, specFile: basename(input.name), date: buildDate(process.env) });
  } catch (error) {
    // Handlebars reports a field the view model lacks (strict mode) as its Exception, while rendering.
    if (isSystemError(error)) throw cannotRead(error.path ?? args.out, error);
    if (!(error instanceof Handlebars.Exception)) throw error;
    return templateProblem((error as Error).message);
  }

  if (args.stdout) {
    io.out(planned.map((p) => p.text).join(ZONE_SEPARATOR));
    return EXIT.ok;
  }
  if (args.check) return check(planned, io);

  const foreign = args.force ? [] : foreignFiles(planned);
  for (const p of foreign) {
    io.err(`zonesmith: ${p.path} exists and was not written by zonesmith; move it away or pass --force to replace it\n`);
  }
  if (foreign.length > 0) return EXIT.problems;
  try {
    writePlanned(planned, args.out);
  } catch (error) {
    if (!isSystemError(error)) throw error;
    throw cannotWrite(error.path ?? args.out, error);
  }
  for (const p of planned) io.out(`${p.path}: ${describe(p)}\n`);
  return EXIT.ok;
}

function describe(p: PlannedZone): string {
  const s = p.serial;
  if (p.status === 'unchanged') return `unchanged (serial ${s.serial})`;
  const from = 'previous' in s && s.previous !== undefined ? `${s.previous} -> ` : '';
  const warning = s.kind === 'fixed' && s.backwards ? '; WARNING: the serial went backwards, secondaries will not transfer (RFC 1982)' : '';
  return `${p.status === 'new' ? 'written' : 'updated'} (serial ${from}${s.serial}${warning})`;
}

function check(planned: readonly PlannedZone[], io: Io): number {
  let stale = 0;
  for (const p of planned) {
    if (p.status === 'unchanged') continue;
    stale++;
    if (p.existing === undefined) {
      io.err(`${p.path}: missing\n`);
      continue;
    }
    const diff = firstDifference(p.existing, p.text);
    io.err(`${p.path}: differs from the spec${diff ? ` (first at line ${diff.line}:\n  - ${diff.before}\n  + ${diff.after})` : ''}\n`);
  }
  if (stale > 0) {
    io.err(`${stale} of ${planned.length} zone file${planned.length === 1 ? '' : 's'} out of date: run zonesmith generate without --check\n`);
    return EXIT.problems;
  }
  io.out(`${planned.length} zone file${planned.length === 1 ? '' : 's'} up to date\n`);
  return EXIT.ok;
}
