/**
 * `zonesmith serve [--port N]`: the web page (site/, built by `npm run site`) on http://127.0.0.1:N/
 * for people who would rather open it from a local address than as a file. It serves that one page
 * and nothing else; the page itself sends nothing anywhere.
 */
import { lazyHandler, type CommandSpec } from './command.js';

export interface ServeArgs {
  port: number;
}

/** The default port: "53" for DNS, in a range no common development server takes. */
export const DEFAULT_PORT = 8053;

export const serveCommand: CommandSpec<ServeArgs> = {
  command: 'serve',
  describe: 'Serve the web page (check and build zones in the browser) on 127.0.0.1',
  builder: (yargs) =>
    yargs
      .option('port', { alias: 'p', type: 'number', default: DEFAULT_PORT, describe: 'The port on 127.0.0.1 (0: any free one)' })
      .example('$0 serve', `Open http://127.0.0.1:${DEFAULT_PORT}/ in a browser; Ctrl-C stops it`)
      .example('$0 serve --port 9000', 'Another port'),
  handler: lazyHandler(() => import('./serve.run.js')),
  activity: (args) => `serving the web page on port ${args.port}`,
};
