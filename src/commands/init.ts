/**
 * `zonesmith init [DOMAIN]`: a commented starter spec that validates as written and generates a zone
 * BIND loads. Its services come from the catalog for the chosen profile: the mail protocols point at
 * the `mail` host, the others are there commented out, to switch on.
 */
import { PROFILE_IDS, type ProfileId } from '../services/catalog.js';
import { lazyHandler, type CommandSpec } from './command.js';
import { ALLOW_INCLUDE_OUTSIDE_OPTION, ORIGIN_OPTION } from './options.js';

export interface InitArgs {
  /** Absent: example.com (no default in yargs, so that `--from` can tell a domain given from none). */
  domain?: string;
  /** Absent: standard. */
  profile?: ProfileId;
  output?: string;
  force: boolean;
  /** Adopt this zone file (or octoDNS zone YAML) instead of writing a starter spec. */
  from?: string;
  origin?: string;
  allowIncludeOutside: boolean;
}

export const initCommand: CommandSpec<InitArgs> = {
  command: 'init [domain]',
  describe: 'Write a commented starter spec for a domain, or (--from) the spec of an existing zone',
  builder: (yargs) =>
    yargs
      .positional('domain', { type: 'string', describe: 'The zone (ASCII; punycode for international names; default example.com)' })
      .option('profile', { alias: 'p', choices: PROFILE_IDS, describe: 'SRV label set: RFC labels or MDaemon\'s (default standard)' })
      .option('output', { alias: 'o', type: 'string', describe: 'Where to write it (default <domain>.yaml; "-" prints it)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing file' })
      .option('from', { type: 'string', describe: 'Adopt an existing zone: a zone file, or an octoDNS zone file (.yaml); writes the spec that generates it' })
      .option('origin', ORIGIN_OPTION)
      .option('allow-include-outside', ALLOW_INCLUDE_OUTSIDE_OPTION)
      .example('$0 init example.org', 'Write example.org.yaml with the standard (RFC 6186/8314) services')
      .example('$0 init example.com --profile mdaemon -o zones.yaml', "MDaemon's eight SRV records")
      .example('$0 init --from db.example.com --origin example.com', 'Adopt a zone file: example.com.yaml generates it again')
      .example('$0 init --from config/example.com.yaml -o example.com.spec.yaml', 'Adopt a zone kept in octoDNS'),
  handler: lazyHandler(() => import('./init.run.js')),
  activity: (args) => (args.from ? `adopting ${args.from}` : `writing a starter spec for ${args.domain ?? 'example.com'}`),
};
