/**
 * THE table of protocols that clients discover through DNS. The generator, the spec schema, the
 * linter's profiles and the README all read it; no other file names an SRV label or a default port.
 *
 * Sources: ../shared/reference/standards.md (RFC 6186 §3, RFC 8314 §5.1, RFC 6764 §3, RFC 6352 §11,
 * RFC 6120 §3.2, MS-OXDISCO) and the MDaemon AutoDiscovery page in ../shared/seeds.
 */
import { HOSTED_MAIL_VENDORS, type HostedMailId, type VendorRecord } from './hosted-mail.js';

export type ProfileId = 'standard' | 'mdaemon';
export const PROFILE_IDS: readonly ProfileId[] = ['standard', 'mdaemon'];

/**
 * How a zone file declares the profiles it was made for, in a header comment (a `;` line before
 * its first record or directive): `; zonesmith: profiles standard, mdaemon`, or `profiles none`.
 * templates/zone.hbs writes it (via the view model of src/generate/render.ts); src/lint/profiles.ts
 * reads it back, so that `lint` judges a generated zone as it was made.
 */
export const PROFILES_ANNOTATION = { word: 'profiles', none: 'none' } as const;

/** The annotation text (after `zonesmith:`) that declares these profiles. */
export function profilesAnnotation(profiles: readonly string[]): string {
  return `${PROFILES_ANNOTATION.word} ${profiles.length > 0 ? profiles.join(', ') : PROFILES_ANNOTATION.none}`;
}

export interface Protocol {
  /** The key a spec uses under `services:`. */
  id: string;
  description: string;
  /** SRV owner label pair per profile (`_imaps._tcp`); absent where the profile has none. */
  labels: Partial<Record<ProfileId, string>>;
  defaultPort: number;
  /** Where the label and port are defined. */
  source: string;
  /** Carries an RFC 6764 `path=` TXT record beside its SRV. */
  davPath?: boolean;
  /** Clients use it to fetch mail or submit it: its presence means the zone serves mail. */
  mail?: boolean;
  /**
   * A host name (relative to the domain) that clients try instead of the SRV record: its A, AAAA or
   * CNAME meets the expectation as well (MS-OXDISCO: Outlook tries autodiscover.<domain> first).
   */
  probedHost?: string;
  /**
   * Host names (relative to the domain) that, holding an address, show the zone serves the protocol
   * there: the only hosts a suggested SRV record may point at besides a sibling SRV's target. These
   * are the names clients guess (Thunderbird, MDaemon Connector: PROBED_HOSTS).
   */
  serverHosts?: readonly string[];
}

/** Where clients guess a mailbox server and a submission server (PROBED_HOSTS' lists without the bare domain). */
const MAILBOX_HOSTS = ['imap', 'mail', 'imap.mail'] as const;
const POP_HOSTS = ['pop', 'pop3', 'mail'] as const;
const SUBMISSION_HOSTS = ['smtp', 'mail', 'smtp.mail'] as const;

export const PROTOCOLS: readonly Protocol[] = [
  {
    id: 'autodiscover',
    description: 'Microsoft Autodiscover (Outlook, Exchange ActiveSync clients)',
    labels: { standard: '_autodiscover._tcp', mdaemon: '_autodiscover._tcp' },
    defaultPort: 443,
    source: 'MS-OXDISCO §3.1.5',
    mail: true,
    probedHost: 'autodiscover',
  },
  {
    id: 'activesync',
    description: 'Exchange ActiveSync as MDaemon publishes it (no RFC label)',
    labels: { mdaemon: '_airsync._tcp' },
    defaultPort: 443,
    source: 'MDaemon AutoDiscovery manual',
    mail: true,
  },
  {
    id: 'imap',
    description: 'IMAP, STARTTLS',
    labels: { standard: '_imap._tcp', mdaemon: '_imap._tcp' },
    defaultPort: 143,
    source: 'RFC 6186 §3.2',
    mail: true,
    serverHosts: MAILBOX_HOSTS,
  },
  {
    id: 'imaps',
    description: 'IMAP over implicit TLS',
    labels: { standard: '_imaps._tcp' },
    defaultPort: 993,
    source: 'RFC 6186 §3.2, RFC 8314 §3.2',
    mail: true,
    serverHosts: MAILBOX_HOSTS,
  },
  {
    id: 'pop3',
    description: 'POP3, STLS',
    labels: { standard: '_pop3._tcp', mdaemon: '_pop._tcp' },
    defaultPort: 110,
    source: 'RFC 6186 §3.3',
    mail: true,
    serverHosts: POP_HOSTS,
  },
  {
    id: 'pop3s',
    description: 'POP3 over implicit TLS',
    labels: { standard: '_pop3s._tcp' },
    defaultPort: 995,
    source: 'RFC 6186 §3.3, RFC 8314 §3.1',
    mail: true,
    serverHosts: POP_HOSTS,
  },
  {
    id: 'submission',
    description: 'Message submission, STARTTLS',
    labels: { standard: '_submission._tcp', mdaemon: '_smtp._tcp' },
    defaultPort: 587,
    source: 'RFC 6186 §3.1',
    mail: true,
    serverHosts: SUBMISSION_HOSTS,
  },
  {
    id: 'submissions',
    description: 'Message submission over implicit TLS',
    labels: { standard: '_submissions._tcp' },
    defaultPort: 465,
    source: 'RFC 8314 §5.1, §3.3',
    mail: true,
    serverHosts: SUBMISSION_HOSTS,
  },
  {
    id: 'caldav',
    description: 'CalDAV over plain HTTP',
    labels: { standard: '_caldav._tcp', mdaemon: '_caldav._tcp' },
    defaultPort: 80,
    source: 'RFC 6764 §3',
    davPath: true,
  },
  {
    id: 'caldavs',
    description: 'CalDAV over HTTPS',
    labels: { standard: '_caldavs._tcp' },
    defaultPort: 443,
    source: 'RFC 6764 §3',
    davPath: true,
  },
  {
    id: 'carddav',
    description: 'CardDAV over plain HTTP',
    labels: { standard: '_carddav._tcp', mdaemon: '_carddav._tcp' },
    defaultPort: 80,
    source: 'RFC 6352 §11',
    davPath: true,
  },
  {
    id: 'carddavs',
    description: 'CardDAV over HTTPS',
    labels: { standard: '_carddavs._tcp' },
    defaultPort: 443,
    source: 'RFC 6352 §11',
    davPath: true,
  },
  {
    id: 'xmpp-client',
    description: 'XMPP client-to-server',
    labels: { standard: '_xmpp-client._tcp', mdaemon: '_xmpp-client._tcp' },
    defaultPort: 5222,
    source: 'RFC 6120 §3.2.1',
  },
  {
    id: 'xmpp-server',
    description: 'XMPP server-to-server',
    labels: { standard: '_xmpp-server._tcp' },
    defaultPort: 5269,
    source: 'RFC 6120 §3.2.1',
  },
];

const BY_ID = new Map(PROTOCOLS.map((p) => [p.id, p]));

export function protocolById(id: string): Protocol | undefined {
  return BY_ID.get(id);
}

/** The SRV labels to publish for a protocol under the given profiles, each label once. */
export function labelsFor(protocol: Protocol, profiles: readonly ProfileId[]): string[] {
  const labels: string[] = [];
  for (const profile of profiles) {
    const label = protocol.labels[profile];
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** The profiles that have a label for a protocol (for "use one of these profiles" messages). */
export function profilesWithLabel(protocol: Protocol): ProfileId[] {
  return PROFILE_IDS.filter((profile) => protocol.labels[profile] !== undefined);
}

/** Label (lower case) -> the protocols and profiles that use it, built on first use from PROTOCOLS. */
let byLabel: Map<string, readonly { protocol: Protocol; profile: ProfileId }[]> | undefined;
const NO_PROTOCOLS: readonly { protocol: Protocol; profile: ProfileId }[] = [];

/**
 * Every protocol whose label, in any profile, is `label` (case-insensitive). A map, not a scan of the
 * table: lint asks for every SRV owner of a zone (a million-record zone has a quarter million).
 */
export function protocolsByLabel(label: string): readonly { protocol: Protocol; profile: ProfileId }[] {
  if (!byLabel) {
    byLabel = new Map();
    for (const protocol of PROTOCOLS) {
      for (const profile of PROFILE_IDS) {
        const key = protocol.labels[profile]?.toLowerCase();
        if (key === undefined) continue;
        byLabel.set(key, [...(byLabel.get(key) ?? []), { protocol, profile }]);
      }
    }
  }
  return byLabel.get(label.toLowerCase()) ?? NO_PROTOCOLS;
}

/**
 * Labels that are a vendor's dialect of an RFC label: same protocol, different spelling.
 * Derived from the table so that it cannot drift from it.
 */
export function standardLabelForDialect(label: string): { standard: string; protocol: Protocol } | undefined {
  for (const { protocol, profile } of protocolsByLabel(label)) {
    const standard = protocol.labels.standard;
    if (profile !== 'standard' && standard && standard.toLowerCase() !== label.toLowerCase()) {
      return { standard, protocol };
    }
  }
  return undefined;
}

/**
 * Host names that clients probe when SRV records are absent, relative to the mail domain
 * (`@` is the domain itself). Outlook tries `autodiscover.<domain>` (MS-OXDISCO); Thunderbird
 * `autoconfig.<domain>`; MDaemon Connector's auto-detect tries the lists below in order (seeds).
 */
export const PROBED_HOSTS = {
  autodiscover: { host: 'autodiscover', source: 'MS-OXDISCO §3.1.5 (Outlook tries autodiscover.<domain>)' },
  autoconfig: { host: 'autoconfig', source: 'Thunderbird autoconfig (https://autoconfig.<domain>/mail/config-v1.1.xml)' },
  connectorImap: {
    hosts: ['mail', 'imap', '@', 'imap.mail'],
    source: 'MDaemon Connector auto-detect (IMAP)',
  },
  connectorSmtp: {
    hosts: ['mail', 'smtp', '@', 'smtp.mail'],
    source: 'MDaemon Connector auto-detect (SMTP)',
  },
} as const;

/**
 * What a lint profile expects of a mail domain. Each requirement is satisfied by any one of its
 * protocols (an SRV at the protocol's label under that profile, "not offered" counts) or hosts.
 */
export interface Requirement {
  anyOfProtocols?: readonly string[];
  anyOfHosts?: readonly string[];
  /**
   * Records a hosted mail vendor documents (hosted-mail.ts): any one at its owner satisfies the
   * requirement (an SRV for SRV; a CNAME, A or AAAA for the others); the first is the one to add.
   */
  anyOfRecords?: readonly VendorRecord[];
  /** `optional`: the vendor calls it a recommendation, and a missing one is told at info level. */
  level?: 'required' | 'optional';
  why: string;
}

export type LintProfileId = ProfileId | 'connector' | HostedMailId;
export const LINT_PROFILE_IDS: readonly LintProfileId[] = ['standard', 'mdaemon', 'connector', ...HOSTED_MAIL_VENDORS.map((vendor) => vendor.id)];

export interface LintProfile {
  description: string;
  labelProfile?: ProfileId;
  requirements: readonly Requirement[];
  /** The hosted mail vendor whose instructions the profile holds a zone to (hosted-mail.ts). */
  hosted?: HostedMailId;
}

/** A hosted mail vendor's profile: exactly the discovery records it documents, nothing of RFC 6186's defaults. */
function hostedProfile(vendor: (typeof HOSTED_MAIL_VENDORS)[number]): LintProfile {
  return {
    description: vendor.discovery.length > 0 ? `the client discovery records ${vendor.name} documents` : `${vendor.name}, which documents no client discovery records`,
    hosted: vendor.id,
    requirements: vendor.discovery.map((expectation) => ({ anyOfRecords: expectation.records, level: expectation.level, why: expectation.why })),
  };
}

export const LINT_PROFILES: Record<LintProfileId, LintProfile> = {
  ...(Object.fromEntries(HOSTED_MAIL_VENDORS.map((vendor) => [vendor.id, hostedProfile(vendor)])) as Record<HostedMailId, LintProfile>),
  standard: {
    description: 'RFC 6186/8314 mail access and submission SRV records, and Autodiscover',
    labelProfile: 'standard',
    requirements: [
      { anyOfProtocols: ['autodiscover'], why: 'Outlook and Thunderbird query _autodiscover._tcp (MS-OXDISCO)' },
      { anyOfProtocols: ['submissions', 'submission'], why: 'mail clients find the submission server through it (RFC 6186 §3.1, RFC 8314 §5.1)' },
      { anyOfProtocols: ['imaps', 'imap', 'pop3s', 'pop3'], why: 'mail clients find the mailbox server through it (RFC 6186 §3.2-3.3)' },
    ],
  },
  mdaemon: {
    description: "the eight SRV records of MDaemon's AutoDiscovery page and the autodiscover host",
    labelProfile: 'mdaemon',
    requirements: [
      ...PROTOCOLS.filter((p) => p.labels.mdaemon).map((p) => ({
        anyOfProtocols: [p.id],
        why: `MDaemon's AutoDiscovery answers for ${p.description}`,
      })),
      { anyOfHosts: [PROBED_HOSTS.autodiscover.host], why: 'Outlook tries autodiscover.<domain> before SRV' },
    ],
  },
  connector: {
    description: "the host names MDaemon Connector's auto-detect probes",
    requirements: [
      { anyOfHosts: PROBED_HOSTS.connectorImap.hosts, why: 'MDaemon Connector looks for the IMAP server at these names, in order' },
      { anyOfHosts: PROBED_HOSTS.connectorSmtp.hosts, why: 'MDaemon Connector looks for the SMTP server at these names, in order' },
    ],
  },
};
