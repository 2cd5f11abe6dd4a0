/**
 * `zonesmith init [DOMAIN]`: a commented starter spec that validates as written and generates a zone
 * BIND loads. Its services come from the catalog for the chosen profile: the mail protocols point at
 * the `mail` host, the others are there commented out, to switch on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Handlebars from 'handlebars';
import { writeFileAtomic } from '../fsutil.js';
import { EXIT } from '../io.js';
import { parseSpecName, hostnameProblem } from '../spec/names.js';
import { PROFILE_IDS, PROTOCOLS, type ProfileId } from '../services/catalog.js';
import { Name } from '../zone/name.js';
import type { CommandSpec } from './command.js';

export interface InitArgs {
  domain: string;
  profile: ProfileId;
  output?: string;
  force: boolean;
}

const INIT_TEMPLATE = new URL('../../templates/init.yaml.hbs', import.meta.url);
const SERVICE_HOST = 'mail';
const COMMENT_COLUMN = 26;

/** One `services:` line per protocol the profile publishes. */
function serviceLines(profile: ProfileId): { text: string }[] {
  return PROTOCOLS.filter((p) => p.labels[profile]).map((p) => {
    const value = p.davPath ? `{ host: ${SERVICE_HOST}, path: /${p.id.replace(/s$/, '')} }` : SERVICE_HOST;
    const entry = `${p.mail ? '' : '# '}${p.id}: ${value}`;
    return { text: `${entry.padEnd(COMMENT_COLUMN - 1)} # ${p.labels[profile]} port ${p.defaultPort}: ${p.description}` };
  });
}

export function starterSpec(domain: string, profile: ProfileId, file: string): string {
  const template = Handlebars.create().compile(readFileSync(INIT_TEMPLATE, 'utf8'), { noEscape: true, strict: true });
  const profiles = `profiles: [${profile}]`.padEnd(COMMENT_COLUMN + 2);
  return template({ domain, profile, profiles, file, mdaemon: profile === 'mdaemon', services: serviceLines(profile) });
}

export const initCommand: CommandSpec<InitArgs> = {
  command: 'init [domain]',
  describe: 'Write a commented starter spec for a domain',
  builder: (yargs) =>
    yargs
      .positional('domain', { type: 'string', default: 'example.com', describe: 'The zone (ASCII; punycode for international names)' })
      .option('profile', { alias: 'p', choices: PROFILE_IDS, default: 'standard' as ProfileId, describe: 'SRV label set: RFC labels or MDaemon\'s' })
      .option('output', { alias: 'o', type: 'string', describe: 'Where to write it (default <domain>.yaml; "-" prints it)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing file' })
      .example('$0 init example.org', 'Write example.org.yaml with the standard (RFC 6186/8314) services')
      .example('$0 init example.com --profile mdaemon -o zones.yaml', "MDaemon's eight SRV records"),
  handler: async (args, io) => {
    const domainText = args.domain.replace(/\.$/, '');
    const parsed = parseSpecName(domainText + '.', Name.root);
    const problem = !parsed.ok ? parsed.error : parsed.name.labels.length < 1 ? 'name a domain such as example.com' : hostnameProblem(parsed.name, false);
    if (problem) {
      io.err(`zonesmith: domain ${problem}\n`);
      return EXIT.usage;
    }
    const output = args.output ?? `${domainText}.yaml`;
    const text = starterSpec(domainText, args.profile, output === '-' ? `${domainText}.yaml` : basename(output));
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
      io.err(`zonesmith: cannot write ${output}: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    io.out(`${output}: written. Next: zonesmith validate ${output} && zonesmith generate ${output} --stdout\n`);
    return EXIT.ok;
  },
};
