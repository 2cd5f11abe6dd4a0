/**
 * Hosted mail services: how to recognise a zone whose mail a vendor hosts (its apex MX), which records
 * the vendor's own setup instructions give clients to find their servers, and which servers those
 * clients end up at. DATA beside the service catalog (src/services/catalog.ts): the linter's hosted
 * profiles (src/lint/profiles.ts), `explain` and the web page read it; no code branches on a vendor.
 *
 * Every entry names the page its facts come from. Host names are absolute (trailing dot); owners are
 * relative to the mail domain (`@` is the domain itself), as the vendors write them in their consoles.
 * The exported shape is an interface for other modules: add fields, do not rename or remove them.
 */
import { Name } from '../zone/name.js';

/** One record as a vendor's instructions write it. */
export interface VendorRecord {
  /** Relative to the mail domain; `@` is the domain itself (`autodiscover`, `_submission._tcp`). */
  owner: string;
  type: 'CNAME' | 'SRV' | 'A' | 'TXT' | 'MX';
  /** The record's data as documented; names absolute with a trailing dot (`0 1 587 smtp.fastmail.com.`). */
  data: string;
}

/**
 * A record (or one of a few) that lets clients find the vendor's servers from an address alone.
 * Any one of `records` present at its owner satisfies it (an SRV at the owner; for CNAME or A, the
 * owner having a CNAME, A or AAAA); the first is the one a finding suggests.
 */
export interface DiscoveryExpectation {
  records: readonly VendorRecord[];
  /** Catalog protocol ids (catalog.ts PROTOCOLS) the record lets clients find; empty when it leads to a settings file (Thunderbird's autoconfig) rather than a protocol's server. */
  protocols: readonly string[];
  /** Which clients read it, and what they do with it (a finding and `explain` quote it). */
  why: string;
  /**
   * `required`: the vendor's setup lists it among the records a domain needs (missing: a warning).
   * `optional`: the vendor recommends it for client set-up (missing: info; clients still find the
   * service another way, which `clients` says).
   */
  level: 'required' | 'optional';
}

/** A server the vendor's clients use, as the vendor publishes it (for `explain`). */
export interface VendorServer {
  /** Catalog protocol id (`imaps`, `submission`, ...), or `autodiscover`/`jmap`/`activesync`/`exchange` for web services. */
  protocol: string;
  host: string;
  port: number;
}

/** What a client does to find this vendor's servers (for `explain`: "as the vendor's clients see it"). */
export interface VendorClientPath {
  client: string;
  how: string;
}

/** The hosted mail vendors' ids; each is also a lint profile id (catalog.ts LINT_PROFILE_IDS). */
export type HostedMailId = 'microsoft365' | 'google-workspace' | 'fastmail' | 'zoho-mail' | 'icloud' | 'proton-mail' | 'migadu' | 'mailbox-org';

export interface HostedMailVendor {
  /** Also a lint profile id (`--profile microsoft365`, `; zonesmith: profiles microsoft365`). */
  id: HostedMailId;
  name: string;
  /**
   * Apex MX exchanges that identify the vendor, lower case and absolute: an exact name
   * (`in1-smtp.messagingengine.com.`) or `*.` and a suffix (`*.mail.protection.outlook.com.`, any
   * name below it).
   */
  mx: readonly string[];
  /** The MX records the vendor's instructions give (`<tenant>`-style placeholders where the vendor has them). */
  mxRecords: readonly VendorRecord[];
  /** What the vendor documents for client discovery; empty when it documents none. */
  discovery: readonly DiscoveryExpectation[];
  servers: readonly VendorServer[];
  clients: readonly VendorClientPath[];
  /** The vendor's setup page(s) these facts come from. */
  source: string;
}

export const HOSTED_MAIL_VENDORS: readonly HostedMailVendor[] = [
  {
    id: 'microsoft365',
    name: 'Microsoft 365 (Exchange Online)',
    mx: ['*.mail.protection.outlook.com.'],
    mxRecords: [{ owner: '@', type: 'MX', data: '0 <domain-key>.mail.protection.outlook.com.' }],
    discovery: [
      {
        records: [
          { owner: 'autodiscover', type: 'CNAME', data: 'autodiscover.outlook.com.' },
          { owner: '_autodiscover._tcp', type: 'SRV', data: '0 1 443 autodiscover.outlook.com.' },
        ],
        protocols: ['autodiscover'],
        why: 'Outlook and Exchange ActiveSync clients find the mailbox through autodiscover.<domain> (MS-OXDISCO tries it before the SRV record); Microsoft lists this CNAME among the records every Exchange Online domain needs',
        level: 'required',
      },
    ],
    servers: [
      { protocol: 'autodiscover', host: 'autodiscover.outlook.com.', port: 443 },
      { protocol: 'imaps', host: 'outlook.office365.com.', port: 993 },
      { protocol: 'pop3s', host: 'outlook.office365.com.', port: 995 },
      { protocol: 'submission', host: 'smtp.office365.com.', port: 587 },
    ],
    clients: [
      { client: 'Outlook', how: 'signs in to Microsoft 365 directly, else follows autodiscover.<domain> (the CNAME) to autodiscover.outlook.com' },
      { client: 'iOS/macOS Mail, Android', how: 'Exchange accounts use Autodiscover through autodiscover.<domain>' },
      { client: 'Thunderbird', how: 'asks Autodiscover at autodiscover.<domain>, or its ISPDB for the MX host\'s domain (outlook.com)' },
    ],
    source: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/external-domain-name-system-records (and "Add DNS records to connect your domain")',
  },
  {
    id: 'google-workspace',
    name: 'Google Workspace (Gmail)',
    mx: ['smtp.google.com.', 'aspmx.l.google.com.', '*.aspmx.l.google.com.', 'aspmx2.googlemail.com.', 'aspmx3.googlemail.com.', 'aspmx4.googlemail.com.', 'aspmx5.googlemail.com.'],
    mxRecords: [{ owner: '@', type: 'MX', data: '1 smtp.google.com.' }],
    discovery: [],
    servers: [
      { protocol: 'imaps', host: 'imap.gmail.com.', port: 993 },
      { protocol: 'submissions', host: 'smtp.gmail.com.', port: 465 },
      { protocol: 'submission', host: 'smtp.gmail.com.', port: 587 },
    ],
    clients: [
      { client: 'Gmail apps, Android, iOS', how: 'sign in with the Google account; no DNS look-up of the domain' },
      { client: 'Thunderbird', how: 'finds Google through its ISPDB entry for the MX host\'s domain (google.com) and signs in with OAuth2' },
      { client: 'Outlook', how: 'adds the account as a Google account (IMAP with OAuth2); Google publishes no Autodiscover' },
    ],
    source: 'https://support.google.com/a/answer/174125 (Google Workspace MX record values) and https://support.google.com/a/answer/33786 (SPF)',
  },
  {
    id: 'fastmail',
    name: 'Fastmail',
    mx: ['in1-smtp.messagingengine.com.', 'in2-smtp.messagingengine.com.'],
    mxRecords: [
      { owner: '@', type: 'MX', data: '10 in1-smtp.messagingengine.com.' },
      { owner: '@', type: 'MX', data: '20 in2-smtp.messagingengine.com.' },
    ],
    discovery: [
      {
        records: [{ owner: '_submission._tcp', type: 'SRV', data: '0 1 587 smtp.fastmail.com.' }],
        protocols: ['submission', 'submissions'],
        why: 'RFC 6186 clients find the submission server through it (Fastmail publishes it for its DNS customers and lists it for others)',
        level: 'optional',
      },
      {
        records: [
          { owner: '_imaps._tcp', type: 'SRV', data: '0 1 993 imap.fastmail.com.' },
          { owner: '_pop3s._tcp', type: 'SRV', data: '10 1 995 pop.fastmail.com.' },
        ],
        protocols: ['imaps', 'pop3s'],
        why: 'RFC 6186 clients find the mailbox server through it',
        level: 'optional',
      },
      {
        records: [{ owner: '_carddavs._tcp', type: 'SRV', data: '0 1 443 carddav.fastmail.com.' }],
        protocols: ['carddavs'],
        why: 'CardDAV clients (RFC 6764) find the address book server through it',
        level: 'optional',
      },
      {
        records: [{ owner: '_caldavs._tcp', type: 'SRV', data: '0 1 443 caldav.fastmail.com.' }],
        protocols: ['caldavs'],
        why: 'CalDAV clients (RFC 6764) find the calendar server through it',
        level: 'optional',
      },
    ],
    servers: [
      { protocol: 'imaps', host: 'imap.fastmail.com.', port: 993 },
      { protocol: 'pop3s', host: 'pop.fastmail.com.', port: 995 },
      { protocol: 'submission', host: 'smtp.fastmail.com.', port: 587 },
      { protocol: 'submissions', host: 'smtp.fastmail.com.', port: 465 },
      { protocol: 'jmap', host: 'api.fastmail.com.', port: 443 },
      { protocol: 'caldavs', host: 'caldav.fastmail.com.', port: 443 },
      { protocol: 'carddavs', host: 'carddav.fastmail.com.', port: 443 },
    ],
    clients: [
      { client: 'RFC 6186/6764 clients (Apple Mail for CalDAV/CardDAV, K-9/Thunderbird for Android, DAVx5)', how: 'read the SRV records at the domain, which name Fastmail\'s hosts' },
      { client: 'Thunderbird', how: 'finds Fastmail through its ISPDB entry for the MX host\'s domain (messagingengine.com)' },
    ],
    source: 'https://www.fastmail.help/hc/en-us/articles/360060591153 (Domains: advanced configuration, full list of DNS records) and https://www.fastmail.help/hc/en-us/articles/1500000280261 (MX only)',
  },
  {
    id: 'zoho-mail',
    name: 'Zoho Mail',
    mx: ['mx.zoho.com.', 'mx2.zoho.com.', 'mx3.zoho.com.', 'mx.zoho.eu.', 'mx2.zoho.eu.', 'mx3.zoho.eu.', 'mx.zoho.in.', 'mx2.zoho.in.', 'mx3.zoho.in.', 'mx.zoho.com.au.', 'mx2.zoho.com.au.', 'mx3.zoho.com.au.'],
    mxRecords: [
      { owner: '@', type: 'MX', data: '10 mx.zoho.com.' },
      { owner: '@', type: 'MX', data: '20 mx2.zoho.com.' },
      { owner: '@', type: 'MX', data: '50 mx3.zoho.com.' },
    ],
    discovery: [],
    servers: [
      { protocol: 'imaps', host: 'imappro.zoho.com.', port: 993 },
      { protocol: 'submissions', host: 'smtppro.zoho.com.', port: 465 },
    ],
    clients: [
      { client: 'Zoho Mail apps', how: 'sign in with the Zoho account' },
      { client: 'Thunderbird', how: 'finds Zoho through its ISPDB entry for the MX host\'s domain (zoho.com)' },
    ],
    source: 'https://www.zoho.com/mail/help/adminconsole/configure-email-delivery.html (MX) and https://www.zoho.com/mail/help/adminconsole/spf-configuration.html',
  },
  {
    id: 'icloud',
    name: 'iCloud+ Custom Email Domain',
    mx: ['mx01.mail.icloud.com.', 'mx02.mail.icloud.com.'],
    mxRecords: [
      { owner: '@', type: 'MX', data: '10 mx01.mail.icloud.com.' },
      { owner: '@', type: 'MX', data: '10 mx02.mail.icloud.com.' },
    ],
    discovery: [],
    servers: [
      { protocol: 'imaps', host: 'imap.mail.me.com.', port: 993 },
      { protocol: 'submission', host: 'smtp.mail.me.com.', port: 587 },
    ],
    clients: [
      { client: 'Apple devices', how: 'use the Apple Account the domain belongs to; no DNS look-up of the domain' },
      { client: 'other clients', how: 'are set up by hand with imap.mail.me.com and smtp.mail.me.com and an app-specific password' },
    ],
    source: 'https://support.apple.com/en-us/102374 (Use Custom Email Domain with iCloud Mail: DNS records)',
  },
  {
    id: 'proton-mail',
    name: 'Proton Mail',
    mx: ['mail.protonmail.ch.', 'mailsec.protonmail.ch.'],
    mxRecords: [
      { owner: '@', type: 'MX', data: '10 mail.protonmail.ch.' },
      { owner: '@', type: 'MX', data: '20 mailsec.protonmail.ch.' },
    ],
    discovery: [],
    servers: [
      { protocol: 'imap', host: '127.0.0.1.', port: 1143 },
      { protocol: 'submission', host: '127.0.0.1.', port: 1025 },
    ],
    clients: [
      { client: 'Proton Mail apps', how: 'sign in with the Proton account' },
      { client: 'desktop clients', how: 'connect to Proton Mail Bridge on the same computer (127.0.0.1), set up by hand; DNS has no part in it' },
    ],
    source: 'https://proton.me/support/custom-domain (and its DNS records pages: MX, SPF, DKIM, DMARC)',
  },
  {
    id: 'migadu',
    name: 'Migadu',
    mx: ['aspmx1.migadu.com.', 'aspmx2.migadu.com.'],
    mxRecords: [
      { owner: '@', type: 'MX', data: '10 aspmx1.migadu.com.' },
      { owner: '@', type: 'MX', data: '20 aspmx2.migadu.com.' },
    ],
    discovery: [
      {
        records: [{ owner: 'autoconfig', type: 'CNAME', data: 'autoconfig.migadu.com.' }],
        protocols: [],
        why: 'Thunderbird fetches its settings from autoconfig.<domain>, which Migadu serves',
        level: 'optional',
      },
      {
        records: [
          { owner: '_autodiscover._tcp', type: 'SRV', data: '0 1 443 autodiscover.migadu.com.' },
          { owner: 'autodiscover', type: 'CNAME', data: 'autodiscover.migadu.com.' },
        ],
        protocols: ['autodiscover'],
        why: 'Outlook finds Migadu\'s Autodiscover service through it',
        level: 'optional',
      },
      {
        records: [{ owner: '_submissions._tcp', type: 'SRV', data: '0 1 465 smtp.migadu.com.' }],
        protocols: ['submissions'],
        why: 'RFC 8314 clients find the submission server through it',
        level: 'optional',
      },
      {
        records: [
          { owner: '_imaps._tcp', type: 'SRV', data: '0 1 993 imap.migadu.com.' },
          { owner: '_pop3s._tcp', type: 'SRV', data: '0 1 995 pop.migadu.com.' },
        ],
        protocols: ['imaps', 'pop3s'],
        why: 'RFC 6186 clients find the mailbox server through it',
        level: 'optional',
      },
    ],
    servers: [
      { protocol: 'imaps', host: 'imap.migadu.com.', port: 993 },
      { protocol: 'pop3s', host: 'pop.migadu.com.', port: 995 },
      { protocol: 'submissions', host: 'smtp.migadu.com.', port: 465 },
      { protocol: 'autodiscover', host: 'autodiscover.migadu.com.', port: 443 },
    ],
    clients: [
      { client: 'Thunderbird', how: 'follows autoconfig.<domain> (a CNAME to autoconfig.migadu.com)' },
      { client: 'Outlook', how: 'follows _autodiscover._tcp to autodiscover.migadu.com' },
      { client: 'RFC 6186/8314 clients', how: 'read _submissions._tcp and _imaps._tcp' },
    ],
    source: 'https://migadu.com/guides/dns/ (DNS configuration: MX, SPF, DKIM, autoconfig and SRV records)',
  },
  {
    id: 'mailbox-org',
    name: 'mailbox.org',
    mx: ['mxext1.mailbox.org.', 'mxext2.mailbox.org.', 'mxext3.mailbox.org.'],
    mxRecords: [
      { owner: '@', type: 'MX', data: '10 mxext1.mailbox.org.' },
      { owner: '@', type: 'MX', data: '10 mxext2.mailbox.org.' },
      { owner: '@', type: 'MX', data: '20 mxext3.mailbox.org.' },
    ],
    discovery: [],
    servers: [
      { protocol: 'imaps', host: 'imap.mailbox.org.', port: 993 },
      { protocol: 'submissions', host: 'smtp.mailbox.org.', port: 465 },
      { protocol: 'submission', host: 'smtp.mailbox.org.', port: 587 },
      { protocol: 'caldavs', host: 'dav.mailbox.org.', port: 443 },
      { protocol: 'carddavs', host: 'dav.mailbox.org.', port: 443 },
    ],
    clients: [
      { client: 'Thunderbird', how: 'finds mailbox.org through its ISPDB entry for the MX host\'s domain (mailbox.org)' },
      { client: 'other clients', how: 'are set up by hand with imap.mailbox.org and smtp.mailbox.org' },
    ],
    source: 'https://kb.mailbox.org/en/private/custom-domains/how-to-set-up-my-own-domain-at-mailbox-org (MX, SPF, DKIM, verification TXT)',
  },
];

/** Whether an MX exchange (lower-cased absolute text) matches one of a vendor's patterns. */
function matches(pattern: string, exchange: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === exchange;
  const suffix = pattern.slice(1);
  return exchange.endsWith(suffix) && exchange.length > suffix.length;
}

/** The hosted mail vendor whose MX this exchange is, if any (`<tenant>.mail.protection.outlook.com.` -> Microsoft 365). */
export function hostedMailVendorFor(exchange: Name | string): HostedMailVendor | undefined {
  const key = typeof exchange === 'string' ? Name.from(exchange.endsWith('.') ? exchange : `${exchange}.`).key : exchange.key;
  return HOSTED_MAIL_VENDORS.find((vendor) => vendor.mx.some((pattern) => matches(pattern, key)));
}

const BY_ID = new Map<string, HostedMailVendor>(HOSTED_MAIL_VENDORS.map((vendor) => [vendor.id, vendor]));

export function hostedMailVendorById(id: string): HostedMailVendor | undefined {
  return BY_ID.get(id);
}

/** A vendor record written as one zone-file line for `domain` (`autodiscover.example.com. 3600 IN CNAME autodiscover.outlook.com.`). */
export function vendorRecordLine(record: VendorRecord, domain: Name, ttl: number): string {
  const owner = record.owner === '@' ? domain : Name.from(record.owner, domain);
  return `${owner} ${ttl} IN ${record.type} ${record.data}`;
}
