/**
 * Hosted mail as explain sees it: which vendor runs a host outside the zone, and what that vendor
 * documents. A CNAME from `autodiscover.<domain>` to `autodiscover.outlook.com` is how Microsoft 365
 * sends Outlook on; the zone cannot check that host, but the vendor data (src/services/hosted-mail.ts,
 * beside the service catalog) says who answers there, which records the vendor documents and which
 * servers its clients end up at.
 */
import type { Name } from '../zone/name.js';

/** The vendor whose MX the zone's apex has, as the explanation shows it. */
export interface HostedVendorView {
  id: string;
  name: string;
  source: string;
  /** How the vendor's own clients find its servers, client by client, as the vendor documents it. */
  clients: { client: string; how: string }[];
}

export interface HostedMail {
  /** The vendor hosting the domain's mail (by its apex MX), if the data knows it. */
  vendor?: HostedVendorView;
  /** Who answers at this host, in words ("Fastmail's imaps server"), when the vendor data knows it. */
  operatorOf(host: Name): string | undefined;
  /** The hosted-mail vendor whose MX host this is ("Microsoft 365 (Exchange Online)"). */
  mailOperatorOf(exchange: Name): string | undefined;
  /** The records the domain's vendor documents for these catalog protocols, as zone-file lines for `domain`. */
  documentedRecords(protocols: readonly string[], domain: Name): string[];
  /** What the domain's vendor says of a client it names one of these ways ("finds Fastmail through its ISPDB ..."). */
  clientPath(names: readonly string[]): { client: string; how: string } | undefined;
  /** The domain's vendor's server for one catalog protocol, if it documents one. */
  serverOf(protocol: string): { host: string; port: number } | undefined;
  /** The domain's vendor's servers for these protocols ("imap.fastmail.com. port 993"), for setting a client up by hand. */
  serversFor(protocols: readonly string[]): string[];
}

/** No vendor knowledge: every host outside the zone is simply outside. */
export const NO_HOSTED_MAIL: HostedMail = {
  operatorOf: () => undefined,
  mailOperatorOf: () => undefined,
  documentedRecords: () => [],
  clientPath: () => undefined,
  serverOf: () => undefined,
  serversFor: () => [],
};
