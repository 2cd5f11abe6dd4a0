/**
 * SRV owner labels as the world writes them: DATA beside the service catalog (catalog.ts), each with
 * its source. Two tables:
 *
 * - VENDOR_SERVICE_LABELS: labels a vendor or a standard requires that fall outside RFC 6335's
 *   service-name form or RFC 2782's usual `_tcp`/`_udp` (Microsoft's `_sip._tls`, whose service name
 *   `sipfederationtls` is 16 characters). `srv-owner-form` says nothing of them: the vendor requires
 *   them as written.
 * - DIALECT_LABELS: labels seen in published setup guides that spell an RFC label differently, so RFC
 *   clients never ask for them (mailcow's `_smtps._tcp` for RFC 8314's `_submissions._tcp`).
 *   `nonstandard-service-label` names them with the label to publish beside. MDaemon's dialect is the
 *   catalog's `mdaemon` profile (catalog.ts), not repeated here.
 */

export interface VendorServiceLabel {
  /** `_service._proto`, lower case. */
  label: string;
  /** What it is for and who asks for it. */
  use: string;
  source: string;
}

export const VENDOR_SERVICE_LABELS: readonly VendorServiceLabel[] = [
  {
    label: '_sip._tls',
    use: 'Microsoft Teams / Skype for Business Online sign-in (SIP over TLS)',
    source: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/external-domain-name-system-records',
  },
  {
    label: '_sipfederationtls._tcp',
    use: 'Microsoft Teams / Skype for Business federation (a 16-character service name Microsoft requires)',
    source: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/external-domain-name-system-records',
  },
  {
    label: '_sipinternaltls._tcp',
    use: 'Skype for Business Server internal sign-in (a 15+ character service name Microsoft documents)',
    source: 'https://learn.microsoft.com/en-us/skypeforbusiness/plan-your-deployment/network-requirements/dns',
  },
  { label: '_sips._tcp', use: 'SIP over TLS (RFC 3263 §4.1)', source: 'RFC 3263 §4.1' },
  { label: '_sip._tcp', use: 'SIP over TCP (RFC 3263 §4.1)', source: 'RFC 3263 §4.1' },
  { label: '_sip._udp', use: 'SIP over UDP (RFC 3263 §4.1)', source: 'RFC 3263 §4.1' },
  { label: '_jmap._tcp', use: 'JMAP session discovery (RFC 8620 §2.2)', source: 'RFC 8620 §2.2' },
  { label: '_sieve._tcp', use: 'ManageSieve (RFC 5804 §1.8)', source: 'RFC 5804 §1.8' },
  { label: '_xmpps-client._tcp', use: 'XMPP client connections over direct TLS (XEP-0368)', source: 'XEP-0368 §3' },
  { label: '_xmpps-server._tcp', use: 'XMPP server connections over direct TLS (XEP-0368)', source: 'XEP-0368 §3' },
  { label: '_matrix-fed._tcp', use: 'Matrix federation (Matrix server-server API §2.1)', source: 'https://spec.matrix.org/latest/server-server-api/#resolving-server-names' },
];

export interface DialectLabel {
  /** The label as written in the wild, lower case. */
  label: string;
  /** The RFC label clients ask for. */
  standard: string;
  /** The catalog protocol id of the standard label (catalog.ts PROTOCOLS). */
  protocol: string;
  /** Where it is published so. */
  seenIn: string;
  source: string;
}

export const DIALECT_LABELS: readonly DialectLabel[] = [
  {
    label: '_smtps._tcp',
    standard: '_submissions._tcp',
    protocol: 'submissions',
    seenIn: "mailcow's DNS guide, for port 465",
    source: 'https://docs.mailcow.email/getstarted/prerequisite-dns/; RFC 8314 §5.1 names the label _submissions._tcp',
  },
  {
    label: '_jabber._tcp',
    standard: '_xmpp-server._tcp',
    protocol: 'xmpp-server',
    seenIn: 'pre-RFC 3920 Jabber servers and Google Talk federation instructions, for port 5269',
    source: 'RFC 6120 §3.2.1 names the labels _xmpp-client._tcp and _xmpp-server._tcp; _jabber._tcp was the jabberd 1.x server-to-server label',
  },
];

const VENDOR_BY_LABEL = new Map(VENDOR_SERVICE_LABELS.map((entry) => [entry.label, entry]));
const DIALECT_BY_LABEL = new Map(DIALECT_LABELS.map((entry) => [entry.label, entry]));

/** The vendor label entry for `_service._proto` (case-insensitive). */
export function vendorServiceLabel(label: string): VendorServiceLabel | undefined {
  return VENDOR_BY_LABEL.get(label.toLowerCase());
}

/** The dialect entry for `_service._proto` (case-insensitive). */
export function dialectLabel(label: string): DialectLabel | undefined {
  return DIALECT_BY_LABEL.get(label.toLowerCase());
}
