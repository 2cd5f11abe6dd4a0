/**
 * `zonesmith init --from ZONEFILE`: adopt an existing zone. The zone is read as BIND reads it (or,
 * for a .yaml/.yml file, as octoDNS's YamlProvider zone file); the spec that generates it is written
 * where init writes a starter spec; what the spec cannot carry is listed on standard error and in
 * the spec's header, and the exit code is 1 then, so a script notices.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { adoptZone, type AdoptedZone } from '../adopt/adopt.js';
import { readOctodnsZone } from '../adopt/octodns-read.js';
import { specText } from '../adopt/spec-text.js';
import { writeFileAtomic } from '../fsutil.js';
import { EXIT, type Io } from '../io.js';
import { Name } from '../zone/name.js';
import type { ResourceRecord } from '../zone/record.js';
import { cannotRead, cannotWrite, CommandError } from './errors.js';
import { assertReadableFile, inputOf, readStdinText } from './inputs.js';
import { parseOrigin, zoneOrigin } from './options.js';
import { readZoneFileRecords } from './zone-rows.js';
import type { InitArgs } from './init.js';

const OCTODNS_FILE = /\.ya?ml$/i;

export async function runFrom(args: InitArgs, from: string, io: Io): Promise<number> {
  const input = inputOf(from);
  let origin: Name;
  let records: ResourceRecord[];
  if (OCTODNS_FILE.test(from)) {
    const read = await readOctodns(input, args, io);
    if (typeof read === 'number') return read;
    ({ origin, records } = read);
  } else {
    const read = await readZoneFileRecords(input, { origin: zoneOrigin(args, input), allowIncludeOutside: args.allowIncludeOutside, zoneChecks: true }, io);
    if (read.errors > 0) {
      io.err(`zonesmith init: ${input.name} has errors BIND would refuse; fix them first (nothing was written)\n`);
      return EXIT.problems;
    }
    ({ origin, records } = read);
  }
  const adopted = adoptZone(origin, records);
  const domain = origin.toString().replace(/\.$/, '');
  const output = args.output ?? `${domain}.yaml`;
  const text = specText([adopted], input.stdin ? 'standard input' : basename(from));
  for (const note of adopted.notes) io.err(`zonesmith init: not carried over: ${note.rrset ? `${note.rrset}: ` : ''}${note.message}\n`);
  if (output === '-') io.out(text);
  else {
    if (!input.stdin && resolve(output) === resolve(from)) {
      throw new CommandError(`${output} is the file adopted: name the spec another file with -o`);
    }
    if (existsSync(output) && !args.force) {
      throw new CommandError(`${output} already exists; choose another file with -o, or pass --force to replace it`);
    }
    try {
      writeFileAtomic(output, text);
    } catch (error) {
      throw cannotWrite(output, error);
    }
    io.out(`${output}: written from ${from} (${summary(adopted)}). Next: zonesmith generate ${output} --stdout\n`);
  }
  return adopted.notes.length > 0 ? EXIT.problems : EXIT.ok;
}

function summary(adopted: AdoptedZone): string {
  const z = adopted.zone;
  const count = (key: string) => {
    const v = z[key];
    return Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;
  };
  const parts = [`${count('hosts')} hosts`, `${count('services')} services`, `${count('records')} other records`];
  if (adopted.notes.length > 0) parts.push(`${adopted.notes.length} not carried over`);
  return parts.join(', ');
}

/**
 * An octoDNS zone file: the origin from --origin, else the file name (`example.com.yaml`). octoDNS
 * holds no SOA, so one is made: primary the first name server, contact hostmaster@ the zone.
 */
async function readOctodns(input: ReturnType<typeof inputOf>, args: InitArgs, io: Io): Promise<{ origin: Name; records: ResourceRecord[] } | number> {
  const origin = args.origin !== undefined ? parseOrigin(args.origin) : parseOrigin(basename(input.name).replace(OCTODNS_FILE, ''));
  let text: string;
  if (input.stdin) text = await readStdinText(input, io);
  else {
    assertReadableFile(input.arg);
    try {
      text = readFileSync(input.arg, 'utf8');
    } catch (error) {
      throw cannotRead(input.arg, error);
    }
  }
  const read = readOctodnsZone(text, origin);
  for (const p of read.problems) io.err(`${input.name}:${p.line}:${p.column}: error: ${p.message}\n`);
  if (read.problems.length > 0) return EXIT.problems;
  const ns = read.records.find((r) => r.type === 'NS' && r.owner.equals(origin));
  const primary = ns ? (ns.data.target as Name) : Name.from('ns1', origin);
  const soa: ResourceRecord = {
    owner: origin,
    ttl: ns?.ttl ?? 3600,
    class: 'IN',
    type: 'SOA',
    data: { mname: primary, rname: Name.from('hostmaster', origin), serial: 1, refresh: 14400, retry: 3600, expire: 1209600, minimum: 3600 },
  };
  io.err(`zonesmith init: octoDNS keeps no SOA: soa.primary is ${primary.toString()} and soa.contact hostmaster@${origin.toString().replace(/\.$/, '')}; check them\n`);
  return { origin, records: [soa, ...read.records] };
}
