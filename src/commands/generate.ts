/**
 * `zonesmith generate SPEC`: one BIND zone file per zone of the spec. Validates everything, renders
 * everything, then writes (atomically); `--check` writes nothing and fails when a file would change.
 */
import { basename } from 'node:path';
import { EXIT, type Io } from '../io.js';
import Handlebars from 'handlebars';
import { loadTemplate } from '../generate/render.js';
import { buildDate } from '../generate/serial.js';
import { firstDifference, foreignFiles, planZones, writePlanned, type PlannedZone } from '../generate/write.js';
import type { CommandSpec } from './command.js';
import { pickZones, readSpec, reportSpecProblems, ZONE_OPTION } from './spec-shared.js';

export interface GenerateArgs {
  spec: string;
  out: string;
  stdout: boolean;
  template?: string;
  check: boolean;
  force: boolean;
  zone?: string[];
}

const ZONE_SEPARATOR = `; ${'-'.repeat(70)}\n`;

export const generateCommand: CommandSpec<GenerateArgs> = {
  command: 'generate <spec>',
  describe: 'Write one BIND zone file (<domain>.dns) per zone of a YAML/JSON spec',
  builder: (yargs) =>
    yargs
      .positional('spec', { type: 'string', describe: 'The spec file (YAML or JSON)', demandOption: true })
      .option('out', { alias: 'o', type: 'string', default: '.', describe: 'Folder for the zone files' })
      .option('stdout', { type: 'boolean', default: false, describe: 'Print the zones instead of writing files' })
      .option('template', { type: 'string', describe: 'Handlebars template to use instead of templates/zone.hbs' })
      .option('check', { type: 'boolean', default: false, describe: 'Write nothing; exit 1 when a zone file is missing or would change (CI)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace zone files that zonesmith did not write' })
      .option('zone', ZONE_OPTION)
      .example('$0 generate examples/example.com.yaml --stdout', 'Print the zone')
      .example('$0 generate hosting.yaml -o zones/', 'Write zones/<domain>.dns for every zone')
      .example('$0 generate hosting.yaml -o zones/ --check', 'In CI: fail when the checked-in zones are stale')
      .example('$0 generate hosting.yaml -o zones/ --zone example.net', 'Only one zone (the spec is still checked whole)')
      .example('$0 generate spec.yaml --template my-layout.hbs', 'Use your own layout (view model: templates/README.md)'),
  handler: async (args, io) => {
    if (args.stdout && args.check) {
      io.err('zonesmith: --stdout prints and --check compares files: use one of them\n');
      return EXIT.usage;
    }
    const spec = readSpec(args.spec);
    if (reportSpecProblems(spec, io, '; nothing was written') > 0) return EXIT.problems;
    const zones = pickZones(spec, args.zone, io);
    if (!zones) return EXIT.usage;

    let planned: PlannedZone[];
    try {
      const template = loadTemplate(args.template);
      planned = planZones(zones, { outDir: args.out, template, specFile: basename(args.spec), date: buildDate() });
    } catch (error) {
      // Handlebars reports a broken template (syntax, or a field the view model lacks) as its Exception.
      const what = error instanceof Handlebars.Exception || (error as NodeJS.ErrnoException).path === args.template
        ? `template ${args.template ?? 'templates/zone.hbs'}`
        : `cannot read ${args.out}`;
      io.err(`zonesmith: ${what}: ${(error as Error).message}\n`);
      return EXIT.usage;
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
      io.err(`zonesmith: cannot write the zone files: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    for (const p of planned) io.out(`${p.path}: ${describe(p)}\n`);
    return EXIT.ok;
  },
};

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
