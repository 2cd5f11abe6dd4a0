/**
 * How each client finds its servers from an e-mail address: DATA, one table per client, each with its
 * sources. One walker (walk.ts) reads every table; no client has a code path of its own. SRV labels and
 * ports are never written here: a step names a protocol of the service catalog (src/services/catalog.ts)
 * and the label profile whose label the client asks for.
 *
 * Facts checked against ../shared/reference/standards.md (which cites the RFCs, Microsoft's
 * Autodiscover documents and Thunderbird's source) and the MDaemon manual pages in ../shared/seeds.
 */
import type { ProfileId } from '../services/catalog.js';

/** How a connection is secured: TLS from the first byte, STARTTLS (or STLS) after connecting, or HTTP(S). */
export type Security = 'implicit-tls' | 'starttls' | 'https' | 'http';

/** One connection attempt: a port and how it is secured. */
export interface Attempt {
  port: number;
  security: Security;
}

/**
 * A host name relative to the mail domain, as the client builds it: `@` is the domain itself,
 * `autodiscover` is `autodiscover.<domain>`.
 */
export type RelativeHost = string;

/** The client asks for an SRV record at the catalog label of `protocol` under `profile`. */
export interface SrvStep {
  ask: 'srv';
  protocol: string;
  profile: ProfileId;
  /** How the client talks to the target. */
  security: Security;
  /** What the client does with the target: a URL template (`{host}`, `{port}`, `{path}`), for HTTP services. */
  url?: string;
  /**
   * The client ignores the SRV port and uses this one (Thunderbird's Autodiscover look-up), or
   * `'server'`: the client gets only the host name and its port from the server it asks (MDaemon's
   * AutoDiscovery service answers with the server name).
   */
  port?: number | 'server';
  /** Which record of several the client takes: RFC 2782 (lowest priority, then weight) or the lowest weight (Thunderbird). */
  pick?: 'rfc2782' | 'lowest-weight';
  /** Whatever the SRV look-up answers ends the search (RFC 6120 §3.2.1: no A/AAAA fallback once SRV answered). */
  final?: boolean;
  /** Who makes the look-up when it is not the client itself (MDaemon's AutoDiscovery service). */
  askedBy?: string;
  /** Comment shown with the step. */
  note?: string;
}

/** The client fetches a URL: only a host with an address can answer, and only the server there knows whether it does. */
export interface HttpStep {
  ask: 'http';
  host: RelativeHost;
  security: 'https' | 'http';
  /** The path, with `{email}` for the address the user typed. */
  path: string;
  /** Only a redirect to HTTPS is followed from this URL (Autodiscover's HTTP redirect method). */
  redirectOnly?: boolean;
  note?: string;
}

/**
 * The client tries to connect to host names it guesses, on these ports, in this order; of several
 * hosts, the first that answers wins (Thunderbird tries them at once and ranks them in this order).
 */
export interface ConnectStep {
  ask: 'connect';
  hosts: readonly RelativeHost[];
  attempts: readonly Attempt[];
  note?: string;
}

/** The client looks up the domain's MX and asks about the MX host's own domain (Thunderbird). */
export interface MxDomainStep {
  ask: 'mx-domain';
  /** What the client asks of the MX host's base domain. */
  asks: string;
  note?: string;
}

/** A step that does not consult this zone at all (a database, a file on the computer): shown, never judged. */
export interface ElsewhereStep {
  ask: 'elsewhere';
  what: string;
  note?: string;
}

export type ClientStep = SrvStep | HttpStep | ConnectStep | MxDomainStep | ElsewhereStep;

/** What the client needs to find, and the steps it takes for it, in order. */
export interface ClientGoal {
  id: string;
  /** What is found, for people ("the IMAP or POP server"). */
  title: string;
  steps: readonly ClientStep[];
  /**
   * `first`: the first step that lands wins (later ones are fallbacks). `priority`: every SRV step is
   * asked and the lowest SRV priority wins, ties going to the earlier step (RFC 6186 §3.4; the steps
   * list implicit TLS first, as RFC 8314 §5.1 prefers it).
   */
  choose?: 'first' | 'priority';
  /** Catalog protocols the goal finds, when its steps ask for no SRV record (else the SRV steps' protocols). */
  protocols?: readonly string[];
  /** The host name a suggested record gives an address to, when the goal's steps guess host names (default: the first one not the domain itself). */
  fixHost?: RelativeHost;
  /** Host names, relative to the domain, that a suggested record may point at when the zone gives them an address. */
  hostHints?: readonly RelativeHost[];
  note?: string;
}

export interface ClientTable {
  id: string;
  name: string;
  /** Where the steps come from: URLs, or the seed file for MDaemon's manual pages. */
  sources: readonly string[];
  goals: readonly ClientGoal[];
  /**
   * When the client is set up: any one of these sets of goals all found. Default: every goal.
   * (Thunderbird is set up by a configuration file, or else by guessing both servers.)
   */
  needs?: readonly (readonly string[])[];
  /**
   * The mail server product the client works with only (MDaemon's own discovery), and the label profile
   * of its SRV records: explained by default only when the zone publishes a label that only this profile
   * has (MDaemon's `_airsync._tcp`, `_pop._tcp`, `_smtp._tcp`) and no hosted-mail vendor runs its mail.
   */
  server?: { name: string; profile: ProfileId };
  /** How hosted-mail vendors name this client in their instructions (matched in the vendor data's client paths). */
  vendorNames?: readonly string[];
  note?: string;
}

const AUTODISCOVER_PATH = '/autodiscover/autodiscover.xml';
const AUTODISCOVER_URL = `https://{host}:{port}${AUTODISCOVER_PATH}`;
/** The `_autodiscover._tcp` look-up every Autodiscover client makes; each says what it does with the answer. */
const AUTODISCOVER_SRV = { ask: 'srv', protocol: 'autodiscover', profile: 'standard', security: 'https' } as const;

/** Outlook 2016 and later (and other Exchange clients): MS-OXDISCO and Microsoft's documented order. */
export const OUTLOOK: ClientTable = {
  id: 'outlook',
  name: 'Outlook / Exchange Autodiscover',
  vendorNames: ['Outlook'],
  sources: [
    'https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/autodiscover-for-exchange',
    'https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxdisco/',
    'https://support.microsoft.com/help/3211279',
  ],
  note:
    'Before these, Outlook may use a local XML file, the last URL that worked, Microsoft 365 direct connect and, on a ' +
    'domain-joined PC, Active Directory (SCP): none of them is in the zone.',
  goals: [
    {
      id: 'autodiscover',
      title: 'the Autodiscover service (it hands out the Exchange, IMAP and SMTP settings)',
      hostHints: ['autodiscover', 'mail'],
      steps: [
        { ask: 'http', host: '@', security: 'https', path: AUTODISCOVER_PATH },
        { ask: 'http', host: 'autodiscover', security: 'https', path: AUTODISCOVER_PATH },
        { ask: 'http', host: 'autodiscover', security: 'http', path: AUTODISCOVER_PATH, redirectOnly: true },
        { ...AUTODISCOVER_SRV, url: AUTODISCOVER_URL, note: 'MS-OXDISCO: only records that point to an SSL endpoint are used' },
      ],
    },
  ],
};

/** MDaemon's AutoDiscovery service: the client asks `_autodiscover._tcp`, MDaemon answers from the protocol SRV records. */
const MDAEMON_SERVICE = (protocol: string, title: string): ClientGoal => ({
  id: protocol,
  title,
  steps: [
    {
      ask: 'srv',
      protocol,
      profile: 'mdaemon',
      security: 'https',
      port: 'server',
      askedBy: "MDaemon's AutoDiscovery service",
      note: 'MDaemon answers with the target name only; the port comes from its own settings',
    },
  ],
});

export const MDAEMON_AUTODISCOVERY: ClientTable = {
  id: 'mdaemon-autodiscovery',
  name: "MDaemon's AutoDiscovery service",
  server: { name: 'MDaemon', profile: 'mdaemon' },
  sources: ['MDaemon 24.0 manual, AutoDiscovery service (../shared/seeds/002_55874f0bc622499e.txt)'],
  note: 'The client finds the AutoDiscovery server by SRV, then asks it for each protocol; MDaemon looks up that protocol\'s SRV record.',
  goals: [
    {
      id: 'autodiscover',
      title: 'the AutoDiscovery server',
      hostHints: ['autodiscover', 'mail'],
      steps: [{ ...AUTODISCOVER_SRV, profile: 'mdaemon', url: AUTODISCOVER_URL }],
    },
    MDAEMON_SERVICE('activesync', 'the ActiveSync server'),
    MDAEMON_SERVICE('imap', 'the IMAP server'),
    MDAEMON_SERVICE('pop3', 'the POP server'),
    MDAEMON_SERVICE('submission', 'the SMTP server'),
    MDAEMON_SERVICE('caldav', 'the CalDAV server'),
    MDAEMON_SERVICE('carddav', 'the CardDAV server'),
    MDAEMON_SERVICE('xmpp-client', 'the XMPP server'),
  ],
};

const CONNECTOR_IMAP: readonly Attempt[] = [
  { port: 993, security: 'implicit-tls' },
  { port: 143, security: 'starttls' },
];
/** "587, 25 and 465, SSL first, then TLS" (the manual does not say whether SSL is tried on all three first; read as written). */
const CONNECTOR_SMTP: readonly Attempt[] = [
  { port: 587, security: 'implicit-tls' },
  { port: 25, security: 'implicit-tls' },
  { port: 465, security: 'implicit-tls' },
  { port: 587, security: 'starttls' },
  { port: 25, security: 'starttls' },
  { port: 465, security: 'starttls' },
];

export const MDAEMON_CONNECTOR: ClientTable = {
  id: 'mdaemon-connector',
  name: "MDaemon Connector's auto-detect",
  server: { name: 'MDaemon', profile: 'mdaemon' },
  sources: ['MDaemon 24.0 manual, MDaemon Connector client settings (../shared/seeds/000_39571cd0e465481e.txt)'],
  note: 'If every attempt fails, it tries the same hosts again without encryption.',
  goals: [
    {
      id: 'imap',
      title: 'the IMAP server',
      protocols: ['imaps', 'imap'],
      fixHost: 'imap',
      steps: ['mail', 'imap', '@', 'imap.mail'].map((host) => ({ ask: 'connect', hosts: [host], attempts: CONNECTOR_IMAP }) as const),
    },
    {
      id: 'smtp',
      title: 'the SMTP server',
      protocols: ['submissions', 'submission'],
      fixHost: 'smtp',
      steps: ['mail', 'smtp', '@', 'smtp.mail'].map((host) => ({ ask: 'connect', hosts: [host], attempts: CONNECTOR_SMTP }) as const),
    },
  ],
};

export const RFC6186: ClientTable = {
  id: 'rfc6186',
  name: 'RFC 6186 / RFC 8314 mail client',
  vendorNames: ['RFC 6186', 'RFC 8314'],
  sources: ['https://www.rfc-editor.org/rfc/rfc6186#section-3', 'https://www.rfc-editor.org/rfc/rfc8314#section-5.1'],
  note: 'SRV 0 0 0 . means the service is not offered at that label (RFC 6186 §3.4); implicit TLS is preferred (RFC 8314 §5.1).',
  goals: [
    {
      id: 'incoming',
      title: 'the IMAP or POP server',
      choose: 'priority',
      hostHints: ['imap', 'mail'],
      steps: [
        { ask: 'srv', protocol: 'imaps', profile: 'standard', security: 'implicit-tls' },
        { ask: 'srv', protocol: 'pop3s', profile: 'standard', security: 'implicit-tls' },
        { ask: 'srv', protocol: 'imap', profile: 'standard', security: 'starttls' },
        { ask: 'srv', protocol: 'pop3', profile: 'standard', security: 'starttls' },
      ],
    },
    {
      id: 'outgoing',
      title: 'the submission server',
      choose: 'priority',
      hostHints: ['smtp', 'mail'],
      steps: [
        { ask: 'srv', protocol: 'submissions', profile: 'standard', security: 'implicit-tls' },
        { ask: 'srv', protocol: 'submission', profile: 'standard', security: 'starttls' },
      ],
    },
  ],
};

const DAV = (kind: 'caldav' | 'carddav'): ClientGoal => ({
  id: kind,
  title: kind === 'caldav' ? 'the CalDAV server' : 'the CardDAV server',
  hostHints: ['dav'],
  steps: [
    { ask: 'srv', protocol: `${kind}s`, profile: 'standard', security: 'https', url: 'https://{host}:{port}{path}' },
    { ask: 'srv', protocol: kind, profile: 'standard', security: 'http', url: 'http://{host}:{port}{path}' },
    { ask: 'http', host: '@', security: 'https', path: `/.well-known/${kind}`, note: 'RFC 6764 §6: without SRV, the domain itself, TLS first' },
    { ask: 'http', host: '@', security: 'http', path: `/.well-known/${kind}` },
  ],
});

export const DAV_CLIENT: ClientTable = {
  id: 'dav',
  name: 'CalDAV / CardDAV client',
  vendorNames: ['CalDAV', 'CardDAV', 'RFC 6764'],
  sources: ['https://www.rfc-editor.org/rfc/rfc6764#section-6', 'https://www.rfc-editor.org/rfc/rfc6352#section-11'],
  note: 'After an SRV answer the client reads the TXT path= beside it, else uses /.well-known/ (RFC 6764 §4, §6).',
  goals: [DAV('caldav'), DAV('carddav')],
};

export const XMPP_CLIENT: ClientTable = {
  id: 'xmpp',
  name: 'XMPP client',
  sources: ['https://www.rfc-editor.org/rfc/rfc6120#section-3.2'],
  goals: [
    {
      id: 'xmpp-client',
      title: 'the XMPP server',
      hostHints: ['xmpp', 'chat'],
      steps: [
        {
          ask: 'srv',
          protocol: 'xmpp-client',
          profile: 'standard',
          security: 'starttls',
          final: true,
          note: 'once SRV answers there is no fallback to the domain (RFC 6120 §3.2.1)',
        },
        { ask: 'connect', hosts: ['@'], attempts: [{ port: 5222, security: 'starttls' }], note: 'RFC 6120 §3.2.2: the domain itself, only when there is no SRV record' },
      ],
    },
  ],
};

const THUNDERBIRD_CONFIG = '/mail/config-v1.1.xml?emailaddress={email}';
const THUNDERBIRD_WELL_KNOWN = `/.well-known/autoconfig${THUNDERBIRD_CONFIG}`;

export const THUNDERBIRD: ClientTable = {
  id: 'thunderbird',
  name: 'Thunderbird',
  vendorNames: ['Thunderbird'],
  sources: [
    'https://searchfox.org/comm-central/source/mail/components/accountcreation/modules/FindConfig.sys.mjs',
    'https://searchfox.org/comm-central/source/mail/components/accountcreation/modules/FetchConfig.sys.mjs',
    'https://searchfox.org/comm-central/source/mail/components/accountcreation/modules/ExchangeAutoDiscover.sys.mjs',
    'https://searchfox.org/comm-central/source/mail/components/accountcreation/modules/GuessConfig.sys.mjs',
  ],
  note:
    'Thunderbird asks all configuration sources at once and takes the best-ranked answer (the order below); it makes ' +
    'no RFC 6186 SRV look-ups. Only when no configuration is found does it guess host names.',
  needs: [['config'], ['guess-incoming', 'guess-outgoing']],
  goals: [
    {
      id: 'config',
      title: 'a configuration (autoconfig file or Exchange Autodiscover)',
      hostHints: ['autoconfig', 'mail'],
      steps: [
        { ask: 'elsewhere', what: 'a file shipped with Thunderbird, isp/<domain>.xml' },
        { ask: 'http', host: 'autoconfig', security: 'https', path: THUNDERBIRD_CONFIG },
        { ask: 'http', host: '@', security: 'https', path: THUNDERBIRD_WELL_KNOWN },
        { ask: 'http', host: 'autoconfig', security: 'http', path: THUNDERBIRD_CONFIG },
        { ask: 'http', host: '@', security: 'http', path: THUNDERBIRD_WELL_KNOWN },
        { ask: 'elsewhere', what: "Mozilla's ISPDB, https://live.thunderbird.net/autoconfig/v1.1/<domain>" },
        {
          ask: 'mx-domain',
          asks: 'https://autoconfig.<MX domain>/mail/config-v1.1.xml and the ISPDB for the MX host\'s base domain',
        },
        { ask: 'http', host: 'autodiscover', security: 'https', path: AUTODISCOVER_PATH, note: 'Exchange Autodiscover, asked alongside' },
        { ask: 'http', host: '@', security: 'https', path: AUTODISCOVER_PATH },
        { ask: 'http', host: 'autodiscover', security: 'http', path: AUTODISCOVER_PATH, redirectOnly: true },
        {
          ...AUTODISCOVER_SRV,
          url: `https://{host}${AUTODISCOVER_PATH}`,
          port: 443,
          pick: 'lowest-weight',
          note: 'Thunderbird ignores the SRV port and priority and takes the lowest weight',
        },
      ],
    },
    {
      id: 'guess-incoming',
      title: 'an incoming server by guessing',
      protocols: ['imaps', 'imap', 'pop3s', 'pop3'],
      fixHost: 'imap',
      // GuessConfig tries every host and port at once and ranks the answers: TLS or STARTTLS before plain,
      // IMAP before POP, TLS before STARTTLS, then the host order (sortTriesByPreference). imap. is tried
      // for IMAP only, pop3. and pop. for POP only (getIncomingTryOrder).
      steps: [
        { ask: 'connect', hosts: ['imap', 'mail', '@'], attempts: [{ port: 993, security: 'implicit-tls' }] },
        { ask: 'connect', hosts: ['imap', 'mail', '@'], attempts: [{ port: 143, security: 'starttls' }] },
        { ask: 'connect', hosts: ['pop3', 'pop', 'mail', '@'], attempts: [{ port: 995, security: 'implicit-tls' }] },
        { ask: 'connect', hosts: ['pop3', 'pop', 'mail', '@'], attempts: [{ port: 110, security: 'starttls' }] },
      ],
    },
    {
      id: 'guess-outgoing',
      title: 'an outgoing server by guessing',
      protocols: ['submissions', 'submission'],
      fixHost: 'smtp',
      // Ranked as for incoming: TLS (465) before STARTTLS (587, then 25), then the host order (getOutgoingTryOrder).
      steps: [
        { ask: 'connect', hosts: ['smtp', 'mail', '@'], attempts: [{ port: 465, security: 'implicit-tls' }] },
        { ask: 'connect', hosts: ['smtp', 'mail', '@'], attempts: [{ port: 587, security: 'starttls' }, { port: 25, security: 'starttls' }] },
      ],
    },
  ],
};

/** Every client explain knows, in the order it explains them. */
export const CLIENTS: readonly ClientTable[] = [OUTLOOK, THUNDERBIRD, RFC6186, MDAEMON_AUTODISCOVERY, MDAEMON_CONNECTOR, DAV_CLIENT, XMPP_CLIENT];

export const CLIENT_IDS: readonly string[] = CLIENTS.map((client) => client.id);

export function clientById(id: string): ClientTable | undefined {
  return CLIENTS.find((client) => client.id === id.toLowerCase());
}
