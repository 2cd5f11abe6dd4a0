/** The implementation of `zonesmith records`, loaded only when the command runs (see records.ts). */
import { basename } from 'node:path';
import { EXIT, type Io } from '../io.js';
import { ConsoleSheet, findConsoleProvider, formatNotes, providerRuns } from '../generate/console-rows.js';
import { recordRow } from '../generate/records.js';
import { orderedRecords } from '../generate/render.js';
import { loadTemplate } from '../generate/template-file.js';
import { buildDate } from '../generate/serial.js';
import { planZones, type PlannedZone } from '../generate/write.js';
import type { ResolvedZone } from '../spec/resolve.js';
import type { Name } from '../zone/name.js';
import type { ResourceRecord, SoaData } from '../zone/record.js';
import { CommandError, cannotRead, isSystemError } from './errors.js';
import { assertOutputFolder, inputOf, type Input } from './inputs.js';
import { zoneOrigin } from './options.js';
import { isSpecPath, pickZones } from './spec-shared.js';
import { judgeSpecFile } from './spec-report.js';
import { streamZoneFileRecords } from './zone-rows.js';
import type { RecordsArgs } from './records.js';

/** Where the records go: a provider's sheet, or bare zone-file lines. */
interface Sink {
  add(origin: Name, record: ResourceRecord): void;
  finish(): void;
}

export async function run(args: RecordsArgs, io: Io): Promise<number> {
  const provider = findConsoleProvider(args.for ?? 'generic');
  if (typeof provider === 'string') throw new CommandError(`--for: ${provider}`);
  if (args.format === 'bind' && provider.id !== 'generic') {
    throw new CommandError(`--format bind writes zone-file lines, the same for every provider; for ${provider.name}'s form use --format table, csv, json or md`);
  }
  const input = inputOf(args.input, args);
  const sink = sinkFor(args, provider, io);
  if (readsSpec(input, args)) {
    if (args.origin !== undefined) throw new CommandError('--origin is for zone files; a spec names its zones (pick them with --zone)');
    const place = { write: (text: string) => io.err(text), color: io.stderrIsTTY, whenClean: false, consequence: '; no records listed', errorsOnly: true };
    const spec = await judgeSpecFile('records', input, { format: 'text' }, io, place, (data) => {
      if (input.stdin && !isMapping(data)) throw new CommandError('standard input is not a spec (a YAML or JSON mapping); for a zone file there, give --origin');
    });
    if (typeof spec === 'number') return spec;
    const zones = pickZones(spec, args.zone, io);
    if (!zones) return EXIT.usage;
    // The serial only shows with --all; the plan reads the existing zone files, so it is made only then.
    const planned = args.all ? plannedSerials(zones, args.out, input) : undefined;
    if (!args.all) assertOutputFolder(args.out, OUT_FOLDER_HINT);
    zones.forEach(({ zone }, i) => {
      for (const r of orderedRecords(zone)) {
        const soa = r.type === 'SOA' && planned ? { ...r, data: { ...(r.data as SoaData), serial: planned[i]!.serial.serial } } : r;
        sink.add(zone.origin, soa);
      }
    });
  } else {
    if (args.zone) throw new CommandError('--zone picks zones of a spec; a zone file holds one zone');
    const read = await streamZoneFileRecords(input, { origin: zoneOrigin(args, input), allowIncludeOutside: args.allowIncludeOutside }, io, (origin, r) => sink.add(origin, r));
    if (read.errors > 0) return EXIT.problems;
  }
  sink.finish();
  return EXIT.ok;
}

function sinkFor(args: RecordsArgs, provider: Exclude<ReturnType<typeof findConsoleProvider>, string>, io: Io): Sink {
  if (args.format === 'bind') {
    return {
      add(origin, record) {
        if (!args.all && providerRuns(origin, record)) return;
        const r = recordRow(origin, record);
        io.out(`${r.name}\t${r.ttl}\t${r.class}\t${r.type}\t${r.data}\n`);
      },
      finish() {},
    };
  }
  const sheet = new ConsoleSheet(provider, args.format, (text) => io.out(text), { all: args.all });
  return {
    add: (origin, record) => sheet.add(origin, record),
    finish() {
      const notes = sheet.finish();
      // A CSV file is for importing: its notes go to the terminal, not into the file.
      if (args.format === 'csv' && notes.length > 0) io.err(formatNotes(notes));
    },
  };
}

/**
 * A spec by its extension; standard input is a spec unless --origin says it is a zone (or
 * --stdin-filename gives it a name to go by).
 */
function readsSpec(input: Input, args: RecordsArgs): boolean {
  if (input.stdin && args.stdinFilename === undefined) return args.origin === undefined;
  return isSpecPath(input.name);
}

function isMapping(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

const OUT_FOLDER_HINT = 'for records, -o names the folder generate writes the zones to (its serials); to write the records to a file, use --output-file';

/** The SOA serial `generate -o OUT` would write: kept from the file there, or the next one. */
function plannedSerials(zones: readonly ResolvedZone[], out: string, input: Input): PlannedZone[] {
  assertOutputFolder(out, OUT_FOLDER_HINT);
  try {
    return planZones(zones, { outDir: out, template: loadTemplate(), specFile: basename(input.name), date: buildDate(process.env) });
  } catch (error) {
    if (isSystemError(error)) throw cannotRead(error.path ?? out, error);
    throw error;
  }
}
