/** The implementation of `zonesmith export`, loaded only when the command runs (see export.ts). */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { exportZones, type ExportZone } from '../export/index.js';
import { IMPORT_TARGETS } from '../export/import-targets.js';
import { orderedRecords } from '../generate/render.js';
import { buildDate, nextSerial } from '../generate/serial.js';
import { writeFileAtomic } from '../fsutil.js';
import { EXIT, type Io } from '../io.js';
import type { SoaData } from '../zone/record.js';
import { cannotWrite, CommandError } from './errors.js';
import { assertOutputFolder, inputOf } from './inputs.js';
import { zoneOrigin } from './options.js';
import { pickZones, readsSpec } from './spec-shared.js';
import { judgeSpecFile } from './spec-report.js';
import { readZoneFileRecords } from './zone-rows.js';
import type { ExportArgs } from './export.js';

export async function run(args: ExportArgs, io: Io): Promise<number> {
  if (args.to === 'zonefile' && !args.for) {
    throw new CommandError(`--to zonefile needs --for PROVIDER: ${Object.values(IMPORT_TARGETS).map((t) => `${t.id} (${t.name})`).join(', ')}`);
  }
  if (args.to !== 'zonefile' && (args.for || args.split)) throw new CommandError('--for and --split are for --to zonefile');
  if (args.out !== undefined) assertOutputFolder(args.out, 'export writes its files into it');
  const input = inputOf(args.input, args);
  const zones = await readZones(input, args, io);
  if (typeof zones === 'number') return zones;

  const outcome = exportZones(zones, { to: args.to, ...(args.for ? { for: args.for } : {}), split: args.split });
  let limits = 0;
  for (const note of outcome.notes) {
    if (note.kind === 'limit') limits++;
    const what = note.rrset ? `${note.rrset}: ` : '';
    io.err(`zonesmith export: ${note.zone ?? ''}${note.zone ? ': ' : ''}${note.kind === 'limit' ? 'error' : note.kind}: ${what}${note.message}${note.source ? ` [${note.source}]` : ''}\n`);
  }
  if (limits > 0) {
    io.err('zonesmith export: nothing was written\n');
    return EXIT.problems;
  }
  if (args.out === undefined) {
    if (outcome.files.length !== 1) {
      throw new CommandError(`this export makes ${outcome.files.length} files (${outcome.files.map((f) => f.name).join(', ')}): name a folder with -o`);
    }
    io.out(outcome.files[0]!.text);
    return EXIT.ok;
  }
  try {
    mkdirSync(args.out, { recursive: true });
  } catch (error) {
    throw cannotWrite(args.out, error);
  }
  for (const file of outcome.files) {
    const path = join(args.out, file.name);
    try {
      writeFileAtomic(path, file.text);
    } catch (error) {
      throw cannotWrite(path, error);
    }
    io.out(`${path}: written\n`);
  }
  return EXIT.ok;
}

/** The zones of a spec (SOA serial as generate would first write it) or the one zone of a zone file. */
async function readZones(input: ReturnType<typeof inputOf>, args: ExportArgs, io: Io): Promise<ExportZone[] | number> {
  if (readsSpec(input, args)) {
    if (args.origin !== undefined) throw new CommandError('--origin is for zone files; a spec names its zones (pick them with --zone)');
    // One judge: a spec generate would refuse (its errors, or the lint rules' over its zones) is not exported either.
    const place = { write: (text: string) => io.err(text), color: io.stderrIsTTY, whenClean: false, consequence: '; nothing was exported' };
    const resolved = await judgeSpecFile('export', input, { format: 'text' }, io, place);
    if (typeof resolved === 'number') return resolved;
    const picked = pickZones(resolved, args.zone, io);
    if (!picked) return EXIT.usage;
    const date = buildDate(process.env);
    return picked.map(({ zone, serial }) => ({
      origin: zone.origin,
      records: orderedRecords(zone).map((r) =>
        r.type === 'SOA' ? { ...r, data: { ...(r.data as SoaData), serial: serial === 'auto' ? nextSerial(undefined, date) : serial } } : r,
      ),
    }));
  }
  if (args.zone) throw new CommandError('--zone picks zones of a spec; a zone file holds one zone');
  const read = await readZoneFileRecords(input, { origin: zoneOrigin(args, input), allowIncludeOutside: args.allowIncludeOutside, zoneChecks: true }, io);
  if (read.errors > 0) {
    io.err(`zonesmith export: ${input.name} has errors BIND would refuse; nothing was exported\n`);
    return EXIT.problems;
  }
  return [{ origin: read.origin, records: read.records }];
}
