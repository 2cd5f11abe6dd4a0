/** The implementation of `zonesmith verify`, loaded only when the command runs (see verify.ts). */
import cliProgress from 'cli-progress';
import { EXIT, type Io } from '../io.js';
import { resolveSpec } from '../spec/resolve.js';
import type { Name } from '../zone/name.js';
import { isKnownType, typeMnemonic, typeCodeOf } from '../zone/rdata.js';
import { isType, type ResourceRecord } from '../zone/record.js';
import { formatVerification, verifyExitCode, type VerifiedZone } from '../verify/report.js';
import { parseServer, resolveServers, type ServerSpec } from '../verify/servers.js';
import { verifyZone, type VerifyOptions } from '../verify/verify-zone.js';
import { CommandError } from './errors.js';
import { inputOf, type Input } from './inputs.js';
import { zoneOrigin } from './options.js';
import { loadSpecInput, pickZones, readsSpec, reportSpecProblems } from './spec-shared.js';
import { readZoneFileRecords } from './zone-rows.js';
import type { VerifyArgs } from './verify.js';

/** Questions (RRsets × servers) from which a progress bar is worth drawing on a terminal. */
const PROGRESS_MIN_QUESTIONS = 200;

interface ZoneToVerify {
  origin: Name;
  records: ResourceRecord[];
  expectedSerial?: number;
  source: string;
}

export async function run(args: VerifyArgs, io: Io): Promise<number> {
  const options = queryOptions(args);
  const given = (args.server ?? []).map(parseServer);
  const bad = given.filter((s): s is string => typeof s === 'string');
  if (bad.length > 0) throw new CommandError(bad.join('; '));
  const input = inputOf(args.input, args);
  const zones = await zonesOf(input, args, io);
  if (!zones) return EXIT.problems;

  const verified: VerifiedZone[] = [];
  for (const zone of zones) {
    const specs = given.length > 0 ? (given as ServerSpec[]) : nameServersOf(zone);
    if (specs.length === 0) throw new CommandError(`${zone.source}: ${zone.origin} has no NS records to ask; name the servers with --server HOST[:PORT]`);
    const servers = await resolveServers(specs, options.timeoutMs * (options.retries + 1));
    const bar = progressBar(io);
    const result = await verifyZone(zone.origin, zone.records, servers, {
      ...options,
      ...(zone.expectedSerial !== undefined ? { expectedSerial: zone.expectedSerial } : {}),
      progress: (done, total) => {
        if (!bar || total < PROGRESS_MIN_QUESTIONS) return;
        if (done === 1) bar.start(total, 0, { zone: zone.origin.toString() });
        bar.update(done);
      },
    });
    bar?.stop();
    verified.push({ ...result, source: zone.source });
  }
  io.out(formatVerification(verified, args.format, { color: io.stdoutIsTTY, quiet: args.quiet }));
  return verifyExitCode(verified);
}

function queryOptions(args: VerifyArgs): Omit<VerifyOptions, 'progress' | 'expectedSerial'> {
  const whole = (name: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) throw new CommandError(`--${name} must be a whole number in ${min}..${max}, not ${value}`);
    return value;
  };
  const extraTypes = (args.type ?? []).flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t !== '');
  const unknown = extraTypes.filter((t) => !isKnownType(t));
  if (unknown.length > 0) throw new CommandError(`--type ${unknown.join(', ')}: not a record type (A, AAAA, CNAME, MX, SRV, TXT, TYPE65280, ...)`);
  return {
    timeoutMs: whole('timeout', args.timeout, 1, 60000),
    retries: whole('retries', args.retries, 0, 10),
    concurrency: whole('concurrency', args.concurrency, 1, 256),
    extraTypes: extraTypes.map((t) => typeMnemonic(typeCodeOf(t)!)),
  };
}

/** The zones of a spec (resolved as generate would) or the one zone of a zone file; undefined after printing their errors. */
async function zonesOf(input: Input, args: VerifyArgs, io: Io): Promise<ZoneToVerify[] | undefined> {
  if (readsSpec(input, args)) {
    if (args.origin !== undefined) throw new CommandError('--origin is for zone files; a spec names its zones (pick them with --zone)');
    const resolved = resolveSpec(await loadSpecInput(input, io));
    if (reportSpecProblems(resolved, io, '; nothing verified') > 0) return undefined;
    const picked = pickZones(resolved, args.zone, io);
    if (!picked) throw new CommandError('see the zones above');
    return picked.map(({ zone, serial }) => ({
      origin: zone.origin,
      records: zone.records,
      ...(serial === 'auto' ? {} : { expectedSerial: serial }),
      source: input.name,
    }));
  }
  if (args.zone) throw new CommandError('--zone picks zones of a spec; a zone file holds one zone');
  const read = await readZoneFileRecords(input, { origin: zoneOrigin(args, input), allowIncludeOutside: args.allowIncludeOutside }, io);
  if (read.errors > 0) {
    io.err(`${input.name}: ${read.errors} error${read.errors === 1 ? '' : 's'}; nothing verified\n`);
    return undefined;
  }
  const soa = read.records.find((r) => isType(r, 'SOA') && r.owner.equals(read.origin));
  const serial = soa && isType(soa, 'SOA') ? soa.data.serial : undefined;
  return [{ origin: read.origin, records: read.records, ...(serial !== undefined ? { expectedSerial: serial } : {}), source: input.name }];
}

/** The apex NS names, each asked on port 53. */
function nameServersOf(zone: ZoneToVerify): ServerSpec[] {
  const names = new Map<string, string>();
  for (const r of zone.records) {
    if (isType(r, 'NS') && r.owner.equals(zone.origin)) names.set(r.data.target.key, r.data.target.toString());
  }
  return [...names.values()].map((name) => ({ host: name.replace(/\.$/, ''), port: 53, text: name }));
}

function progressBar(io: Io): cliProgress.SingleBar | undefined {
  // As lint does: cli-progress draws with cursor movements, so only on a terminal that is not also showing the report.
  if (!io.stderrIsTTY || io.stdoutIsTTY) return undefined;
  return new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true, format: 'verifying {zone} [{bar}] {value}/{total} questions' }, cliProgress.Presets.shades_classic);
}
