/**
 * `zonesmith init [DOMAIN]`: a commented starter spec that validates as written and generates a zone
 * BIND loads. Its services come from the catalog for the chosen profile: the mail protocols point at
 * the `mail` host, the others are there commented out, to switch on.
 */
import { PROFILE_IDS, type ProfileId } from '../services/catalog.js';
import { lazyHandler, type CommandSpec } from './command.js';

export interface InitArgs {
  domain: string;
  profile: ProfileId;
  output?: string;
  force: boolean;
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
  handler: lazyHandler(() => import('./init.run.js')),
  activity: (args) => `writing a starter spec for ${args.domain}`,
};
