/**
 * What each provider's zone-file importer accepts, as data: one entry per provider, each fact with
 * the page it comes from. `verified` says whether the page was read while writing this (December
 * 2026) or the fact comes from ../shared/reference/providers.md and still wants checking.
 * The zone-file writer (zonefile.ts) reads only this table; no provider has code of its own. The
 * record types a provider holds are the console table's (src/services/consoles.ts) unless the
 * importer documents its own list.
 */
import { consoleProvider } from '../services/consoles.js';

export const IMPORT_TARGET_IDS = ['cloudflare', 'route53', 'azure', 'gcloud', 'hetzner', 'godaddy'] as const;
export type ImportTargetId = (typeof IMPORT_TARGET_IDS)[number];

export interface ImportFact {
  text: string;
  source: string;
  verified: boolean;
}

export interface ImportTarget {
  id: ImportTargetId;
  name: string;
  /** How the file is imported (shown in the file's header). */
  how: string;
  /** What the importer does with the SOA; `omit`: it ignores or rejects it, so it is left out of the file. */
  soa: { omit: boolean } & ImportFact;
  /** What it does with the NS records at the apex (the provider serves its own); `omit` as for the SOA. */
  apexNs: { omit: boolean } & ImportFact;
  /** The importer joins a TXT record's character-strings and cuts the text at 255 (named for each such record). */
  joinsTxtStrings?: ImportFact;
  /** Largest file the importer takes, in bytes. */
  maxBytes?: { bytes: number } & ImportFact;
  /** Most records one import takes. */
  maxRecords?: { records: number } & ImportFact;
  /** Several files may be imported one after another (each adds records without touching the others). */
  split?: ImportFact;
  /**
   * Record types the importer takes, when its page lists them (Azure's does); otherwise the types the
   * provider's console offers, from the console table (src/services/consoles.ts): one list per fact.
   */
  types?: { list: readonly string[] } & ImportFact;
  /** Other facts the person importing should know, shown in the file's header. */
  notes: readonly ImportFact[];
}

const CLOUDFLARE_IMPORT = 'https://developers.cloudflare.com/dns/manage-dns-records/how-to/import-and-export/';
const ROUTE53_IMPORT = 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-creating-import.html';
const AZURE_IMPORT = 'https://learn.microsoft.com/azure/dns/dns-import-export'; // read as articles/dns/dns-import-export.md of MicrosoftDocs/azure-docs (2019 text)
const GCLOUD_IMPORT = 'https://cloud.google.com/sdk/gcloud/reference/dns/record-sets/import';
const HETZNER_IMPORT = 'https://docs.hetzner.cloud/reference/cloud#zone-actions-import-a-zone-file';
const GODADDY_IMPORT = 'https://www.godaddy.com/help/import-dns-records-4125';

export const IMPORT_TARGETS: Readonly<Record<ImportTargetId, ImportTarget>> = {
  cloudflare: {
    id: 'cloudflare',
    name: 'Cloudflare',
    how: 'DNS > Records > Import and Export > Import DNS records (untick "Proxy imported DNS records"), or POST /zones/{zone_id}/dns_records/import',
    soa: { omit: true, text: 'Cloudflare serves its own SOA for the zone', source: CLOUDFLARE_IMPORT, verified: false },
    apexNs: { omit: true, text: 'Cloudflare assigns the zone its own name servers; apex NS records in an import would become records beside them', source: CLOUDFLARE_IMPORT, verified: false },
    maxBytes: { bytes: 262144, text: 'The zone file size limit is 256 KiB (262144 bytes)', source: CLOUDFLARE_IMPORT, verified: true },
    split: { text: 'each import adds its records to the zone, so parts can be imported one after another', source: CLOUDFLARE_IMPORT, verified: false },
    notes: [
      { text: 'CNAME, DNAME, MX, NS, PTR and SRV content must be fully qualified with a trailing dot (every name in this file is)', source: CLOUDFLARE_IMPORT, verified: true },
      { text: 'untick "Proxy imported DNS records": mail, autodiscovery and SRV targets must be DNS-only', source: CLOUDFLARE_IMPORT, verified: true },
      { text: 'a ; comment after a record becomes that record\'s comment and tags in Cloudflare; this file has comments only on lines of their own', source: CLOUDFLARE_IMPORT, verified: true },
    ],
  },
  route53: {
    id: 'route53',
    name: 'Amazon Route 53',
    how: 'Hosted zones > the zone > Import zone file (paste the file)',
    soa: { omit: true, text: 'Route 53 ignores the SOA record in the zone file', source: ROUTE53_IMPORT, verified: true },
    apexNs: { omit: true, text: 'Route 53 ignores NS records that have the same name as the hosted zone', source: ROUTE53_IMPORT, verified: true },
    maxRecords: { records: 1000, text: 'You can import a maximum of 1000 records', source: ROUTE53_IMPORT, verified: true },
    split: {
      text: 'an import fails only when the hosted zone already holds a record of the file, so parts that share no RRset can be imported one after another',
      source: ROUTE53_IMPORT,
      verified: true,
    },
    notes: [
      { text: 'the GENERATE and INCLUDE directives make the import fail (this file has neither; their names are not even written here, in case an importer looks for them in comments)', source: ROUTE53_IMPORT, verified: true },
      { text: 'the import fails, creating nothing, if the hosted zone already contains a record of the file', source: ROUTE53_IMPORT, verified: true },
    ],
  },
  azure: {
    id: 'azure',
    name: 'Azure DNS',
    how: 'az network dns zone import -g RESOURCE_GROUP -n ZONE -f FILE',
    soa: { omit: false, text: 'all SOA parameters are taken from the zone file except the host, which Azure DNS sets to its own primary name server: kept', source: AZURE_IMPORT, verified: true },
    apexNs: { omit: false, text: 'only the TTL of the apex NS record set is imported; the names stay the ones Azure DNS assigns: kept for their TTL', source: AZURE_IMPORT, verified: true },
    joinsTxtStrings: { text: 'Azure DNS (during its public preview) concatenates multi-string TXT records and truncates them to 255 characters', source: AZURE_IMPORT, verified: true },
    types: {
      list: ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SOA', 'SRV', 'TXT'],
      text: 'record types the zone-file import supports (A, AAAA, CAA, CNAME, MX, NS, SOA, SRV, TXT)',
      source: AZURE_IMPORT,
      verified: true,
    },
    notes: [
      { text: 'the GENERATE and INCLUDE directives are not supported (this file has neither)', source: AZURE_IMPORT, verified: true },
      { text: 'into an existing zone, record sets are merged: the existing TTL is kept, and of a CNAME and a record of another type at one name the existing one wins', source: AZURE_IMPORT, verified: true },
    ],
  },
  gcloud: {
    id: 'gcloud',
    name: 'Google Cloud DNS',
    how: 'gcloud dns record-sets import FILE --zone=MANAGED_ZONE --zone-file-format',
    soa: { omit: true, text: 'the SOA\'s name-server field is not imported: name servers are managed by Cloud DNS', source: GCLOUD_IMPORT, verified: true },
    apexNs: { omit: true, text: 'NS records for the origin of the zone are not imported since name servers are managed by Cloud DNS', source: GCLOUD_IMPORT, verified: true },
    split: {
      text: 'record sets cannot be imported when one of the same name and type exists, so parts that share no RRset can be imported one after another',
      source: GCLOUD_IMPORT,
      verified: true,
    },
    notes: [
      { text: 'by default the import stops at a conflict (a record set of the same name and type); --delete-all-existing replaces every record set of the zone', source: GCLOUD_IMPORT, verified: true },
    ],
  },
  hetzner: {
    id: 'hetzner',
    name: 'Hetzner DNS',
    how: 'Zone > Import zone file, or POST /zones/{id_or_name}/actions/import_zonefile',
    soa: { omit: true, text: 'the SOA is managed by Hetzner and cannot be changed', source: HETZNER_IMPORT, verified: false },
    apexNs: { omit: true, text: 'Hetzner serves the zone from its own name servers', source: HETZNER_IMPORT, verified: false },
    notes: [
      { text: 'the import replaces ALL record sets of the zone: records not in this file are deleted', source: HETZNER_IMPORT, verified: true },
      { text: 'the console appends the domain to names without a trailing dot (every name here has one)', source: HETZNER_IMPORT, verified: false },
    ],
  },
  godaddy: {
    id: 'godaddy',
    name: 'GoDaddy',
    how: 'DNS > Manage zones > the domain > Import zone file',
    soa: { omit: true, text: 'GoDaddy serves its own SOA', source: GODADDY_IMPORT, verified: false },
    apexNs: { omit: true, text: 'GoDaddy\'s name servers are set under Nameservers, not by records', source: GODADDY_IMPORT, verified: false },
    notes: [{ text: 'GoDaddy\'s own exports write MX targets without a trailing dot; every name in this file has one', source: GODADDY_IMPORT, verified: false }],
  },
};

export function factText(fact: ImportFact): string {
  return `${fact.text} (${fact.source}${fact.verified ? '' : ', unverified'})`;
}

/** The record types a provider's import takes: its importer's own list, else its console's (or any). */
export function importTypes(target: ImportTarget): { list: readonly string[] | undefined; text: string; source: string } {
  if (target.types) return target.types;
  const form = consoleProvider(target.id);
  return { list: form?.types, text: 'record types its console offers', source: form?.source ?? '' };
}
