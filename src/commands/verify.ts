/**
 * `zonesmith verify SPEC|ZONEFILE`: asks the zone's authoritative servers (or those given with
 * --server) for every RRset the spec or zone file defines and reports what differs. Exit 0 when all
 * match, 1 when something differs (or a server lags or does not answer), 2 when no server answered.
 */
import { VERIFY_FORMATS, type VerifyFormat } from '../verify/report.js';
import { inputWords, lazyHandler, type CommandSpec } from './command.js';
import { ALLOW_INCLUDE_OUTSIDE_OPTION, ORIGIN_OPTION, SPEC_OR_ZONE_INPUT, STDIN_FILENAME_OPTION, ZONE_OPTION } from './options.js';

export interface VerifyArgs {
  input: string;
  server?: string[];
  format: VerifyFormat;
  timeout: number;
  retries: number;
  concurrency: number;
  type?: string[];
  quiet: boolean;
  zone?: string[];
  origin?: string;
  stdinFilename?: string;
  allowIncludeOutside: boolean;
}

export const verifyCommand: CommandSpec<VerifyArgs> = {
  command: 'verify <input>',
  describe: 'Ask the authoritative servers for every RRset a spec or zone file defines: missing, different, TTL, extra, serial per server',
  builder: (yargs) =>
    yargs
      .positional('input', SPEC_OR_ZONE_INPUT)
      .option('server', {
        alias: 's',
        type: 'string',
        array: true,
        describe: "Server to ask, HOST or HOST:PORT ([v6]:PORT), repeatable. Default: the zone's NS names, resolved with the system resolver",
      })
      .option('format', { alias: 'f', choices: VERIFY_FORMATS, default: 'text' as const, describe: 'Report format' })
      .option('timeout', { type: 'number', default: 2000, describe: 'Milliseconds to wait for each answer' })
      .option('retries', { type: 'number', default: 2, describe: 'Further tries after a question timed out (UDP)' })
      .option('concurrency', { type: 'number', default: 8, describe: 'Questions in flight at once' })
      .option('type', { alias: 't', type: 'string', array: true, describe: 'Also ask these types at every name the zone defines, to find records it does not have (repeatable)' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Text: leave out the rows where every server matches (the summary still counts them)' })
      .option('zone', ZONE_OPTION)
      .option('origin', ORIGIN_OPTION)
      .option('stdin-filename', STDIN_FILENAME_OPTION)
      .option('allow-include-outside', ALLOW_INCLUDE_OUTSIDE_OPTION)
      .example('$0 verify zones/example.com.dns', "Ask the zone's own NS servers")
      .example('$0 verify example.com.yaml --server ns1.example.net --server 192.0.2.53', 'Ask the provider\'s servers before the delegation points at them')
      .example('$0 verify example.com.dns --server 127.0.0.1:5353 --timeout 500', 'A local test server on another port')
      .example('$0 verify example.com.dns --type CNAME --type TXT', 'Also report CNAME and TXT records the zone does not define')
      .example('$0 verify zones/big.example.dns --quiet', 'Only the RRsets that differ somewhere, and the summary')
      .example('$0 verify example.com.dns --format json > verify.json', 'For scripts: every RRset, every server'),
  handler: lazyHandler(() => import('./verify.run.js')),
  activity: (args) => `verifying ${inputWords([args.input])}`,
};
