/**
 * `zonesmith explain SPEC|ZONEFILE`: offline, from the zone alone, each mail, calendar and chat
 * client's look-up sequence, step by step: what it asks, what the zone answers, where it ends up (host,
 * port, TLS), or that it fails and which record would fix it. The walk is the library's (src/explain/).
 */
import { CLIENT_IDS } from '../explain/clients.js';
import { EXPLAIN_FORMATS, type ExplainFormat } from '../explain/format.js';
import { inputWords, lazyHandler, type CommandSpec } from './command.js';
import { ALLOW_INCLUDE_OUTSIDE_OPTION, ORIGIN_OPTION, SPEC_OR_ZONE_INPUT, STDIN_FILENAME_OPTION, ZONE_OPTION, type OriginArgs } from './options.js';

export interface ExplainArgs extends OriginArgs {
  input: string;
  client?: string[];
  email?: string;
  format: ExplainFormat;
  zone?: string[];
  allowIncludeOutside: boolean;
}

export const explainCommand: CommandSpec<ExplainArgs> = {
  command: 'explain <input>',
  describe: 'Walk each mail, calendar and chat client\'s look-up steps over a spec or zone file: where it ends up, or which record is missing',
  builder: (yargs) =>
    yargs
      .positional('input', SPEC_OR_ZONE_INPUT)
      .option('client', { type: 'string', array: true, choices: CLIENT_IDS, describe: 'Only these clients (repeatable; default: all)' })
      .option('email', { type: 'string', describe: 'The address the user types (default: user@<zone>); its domain picks the zone of a spec' })
      .option('format', { alias: 'f', choices: EXPLAIN_FORMATS, default: 'text' as ExplainFormat, describe: 'Output format' })
      .option('zone', ZONE_OPTION)
      .option('origin', ORIGIN_OPTION)
      .option('stdin-filename', STDIN_FILENAME_OPTION)
      .option('allow-include-outside', ALLOW_INCLUDE_OUTSIDE_OPTION)
      .example('$0 explain example.com.dns', 'Every client, step by step')
      .example('$0 explain examples/example.com.yaml --client outlook --client rfc6186', 'Where Outlook and an RFC 6186 client end up')
      .example('$0 explain hosting.yaml --email ann@example.net', 'The zone of that address, as its user\'s clients see it')
      .example('$0 explain db.example.com --origin example.com --format json', 'For a script: every step, answer and endpoint')
      .epilogue(`Clients: ${CLIENT_IDS.join(', ')}. Exit 0 when every client finds its servers, 1 when one fails or a record leads nowhere (or BIND refuses the zone), 2 for usage or I/O errors.`),
  handler: lazyHandler(() => import('./explain.run.js')),
  activity: (args) => `explaining ${inputWords([args.input])}`,
};
