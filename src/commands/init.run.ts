/** The implementation of `zonesmith init`, loaded only when the command runs (see init.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Handlebars from 'handlebars';
import { writeFileAtomic } from '../fsutil.js';
import { EXIT, type Io } from '../io.js';
import { parseSpecName, hostnameProblem } from '../spec/names.js';
import { LINT_PROFILES, PROTOCOLS, type ProfileId } from '../services/catalog.js';
import { Name } from '../zone/name.js';
import { packageFile } from '../version.js';
import { cannotWrite, CommandError } from './errors.js';
import type { InitArgs } from './init.js';

const INIT_TEMPLATE = 'templates/init.yaml.hbs';
const SERVICE_HOST = 'mail';
const COMMENT_COLUMN = 26;

/** The protocols `zonesmith lint` expects under the profile (so the starter zone lints clean). */
function expectedProtocols(profile: ProfileId): Set<string> {
  return new Set(LINT_PROFILES[profile].requirements.flatMap((r) => r.anyOfProtocols ?? []));
}

/** One `services:` line per protocol the profile publishes: mail and expected ones set, the others commented out. */
function serviceLines(profile: ProfileId): { text: string }[] {
  const expected = expectedProtocols(profile);
  return PROTOCOLS.filter((p) => p.labels[profile]).map((p) => {
    const value = p.davPath ? `{ host: ${SERVICE_HOST}, path: /${p.id.replace(/s$/, '')} }` : SERVICE_HOST;
    const entry = `${p.mail || expected.has(p.id) ? '' : '# '}${p.id}: ${value}`;
    return { text: `${entry.padEnd(COMMENT_COLUMN - 1)} # ${p.labels[profile]} port ${p.defaultPort}: ${p.description}` };
  });
}

export function starterSpec(domain: string, profile: ProfileId, file: string): string {
  const template = Handlebars.create().compile(readFileSync(packageFile(INIT_TEMPLATE), 'utf8'), { noEscape: true, strict: true });
  const profiles = `profiles: [${profile}]`.padEnd(COMMENT_COLUMN + 2);
  return template({ domain, profile, profiles, file, mdaemon: profile === 'mdaemon', services: serviceLines(profile) });
}

export async function run(args: InitArgs, io: Io): Promise<number> {
  if (args.from !== undefined) {
    // The adopted zone names its domain and implies its profile: a second source of either would be ignored.
    if (args.domain !== undefined) throw new CommandError(`init --from takes the domain from the zone; leave out "${args.domain}" (the origin of a zone file is --origin)`);
    if (args.profile !== undefined) throw new CommandError('init --from takes the profile from the SRV labels the zone has; leave out --profile');
    return (await import('./init-from.run.js')).runFrom(args, args.from, io);
  }
  if (args.origin !== undefined) throw new CommandError('--origin is for init --from ZONEFILE');
  const domainText = (args.domain ?? 'example.com').replace(/\.$/, '');
  const profile = args.profile ?? 'standard';
  const parsed = parseSpecName(domainText + '.', Name.root);
  const problem = !parsed.ok ? parsed.error : parsed.name.labels.length < 1 ? 'name a domain such as example.com' : hostnameProblem(parsed.name, false);
  if (problem) {
    io.err(`zonesmith: domain ${problem}\n`);
    return EXIT.usage;
  }
  const output = args.output ?? `${domainText}.yaml`;
  const text = starterSpec(domainText, profile, output === '-' ? `${domainText}.yaml` : basename(output));
  if (output === '-') {
    io.out(text);
    return EXIT.ok;
  }
  if (existsSync(output) && !args.force) {
    io.err(`zonesmith: ${output} already exists; choose another file with -o, or pass --force to replace it\n`);
    return EXIT.usage;
  }
  try {
    writeFileAtomic(output, text);
  } catch (error) {
    throw cannotWrite(output, error);
  }
  io.out(`${output}: written. Next: zonesmith validate ${output} && zonesmith generate ${output} --stdout\n`);
  return EXIT.ok;
}
