/**
 * THE table of DNS provider consoles: for each provider, the fields of its "add record" form in the
 * order the form shows them and with its labels, how it wants names, targets, MX, SRV, CAA and TXT
 * written, and what it cannot represent or does differently. `zonesmith records --for PROVIDER`
 * (src/generate/console-rows.ts) reads only this table; no provider has code of its own.
 *
 * Facts come from the providers' own documentation and from working client code that talks to their
 * APIs (dnscontrol's provider adapters), each with its address. ../shared/reference/providers.md
 * summarises them. What was not found in the provider's own pages when this table was written (late
 * 2026) is said in the provider's `unverified` note (severity `check`), shown after its rows.
 *
 * Import files (zone files a provider's importer takes) are another table, beside `zonesmith export`.
 */

/** A field of a console's form. */
export type ConsoleField =
  | 'zone' // the zone apex, for multi-zone listings (generic only)
  | 'type'
  | 'name' // the owner as the form wants it (see ConsoleProvider.names, .apex)
  | 'fqdn' // the owner, absolute with its final dot (generic only)
  | 'service' // SRV split: the first label (`_imaps`)
  | 'protocol' // SRV split: the second label (`_tcp`)
  | 'ttl' // seconds
  | 'ttlUnit' // the unit the TTL field is in: always `Seconds` (forms that offer a unit list)
  | 'priority' // MX preference, SRV priority
  | 'weight'
  | 'port'
  | 'flags' // CAA split
  | 'tag' // CAA split
  | 'value' // the rest: address, target, text, or the whole data where the form has one field
  | 'proxy'; // Cloudflare's proxy status

export interface ConsoleColumn {
  field: ConsoleField;
  /** The form's label for the field. */
  label: string;
}

/** Which records a note concerns. A closed set, evaluated by console-rows.ts. */
export type NoteCondition =
  | { kind: 'always' } // the provider as a whole (shown once, when there is any record)
  | { kind: 'types'; types: readonly string[] } // every record of these types
  | { kind: 'unsupported-type' } // a type the provider does not list (ConsoleProvider.types)
  | { kind: 'srv-not-offered' } // SRV with target "." (RFC 2782: the service is decidedly not available)
  | { kind: 'null-mx' } // MX 0 . (RFC 7505)
  | { kind: 'txt-longer'; octets: number } // TXT whose text (all strings) is longer than this
  | { kind: 'txt-several-strings' } // TXT of more than one character-string
  | { kind: 'txt-backslash' } // TXT text holding a backslash
  | { kind: 'caa-value-space' } // CAA value holding white space
  | { kind: 'txt-unprintable' } // TXT not printable UTF-8, where the console wants the joined text
  | { kind: 'record-set' }; // more records of one name and type (one record set in the console)

export interface ConsoleNote {
  id: string;
  /** `cannot`: the record cannot be entered as it is; `differs`: it can, but mind this; `check`: a fact to confirm in the console. */
  severity: 'cannot' | 'differs' | 'check';
  when: NoteCondition;
  text: string;
  source: string;
}

export interface ConsoleProvider {
  id: string;
  name: string;
  /** Where the form is, in the console's own words. */
  form: string;
  /** The page that documents the form. */
  source: string;
  columns: readonly ConsoleColumn[];
  /** Owner names: relative to the zone, or fully qualified (`fqdn-dot` ends in a dot). */
  names: 'relative' | 'fqdn' | 'fqdn-dot';
  /** The apex, where names are relative: `@`, or an empty field. */
  apex: '@' | '';
  /** Target names (CNAME, MX, NS, SRV, PTR): fully qualified, with or without the final dot. */
  targets: 'dot' | 'no-dot';
  /** MX: preference in the priority field and the host in value, or `10 host` in value. */
  mx: 'split' | 'joined';
  /** SRV: fields for priority, weight, port (owner whole or split into service, protocol, name), or `p w port target` in value. */
  srv: 'split' | 'service-split' | 'joined';
  /** CAA: flags and tag in their own fields, or `0 issue "ca.example"` in value. */
  caa: 'split' | 'joined';
  /** TXT: the text itself (the console splits and quotes it), or quoted character-strings. */
  txt: 'joined' | 'quoted';
  /** Record types the console offers; absent: any. */
  types?: readonly string[];
  notes: readonly ConsoleNote[];
}

/** What this table takes from other sources than the provider's own console pages: said once, after the rows. */
const UNVERIFIED = (source: string, what: string): ConsoleNote => ({
  id: 'unverified',
  severity: 'check',
  when: { kind: 'always' },
  text: `Not confirmed in the provider's own pages when this table was written: ${what}`,
  source,
});

const DNSCONTROL = 'https://github.com/StackExchange/dnscontrol/blob/main/providers';
const RECORD_SET_NOTE = (source: string, how: string): ConsoleNote => ({
  id: 'record-set',
  severity: 'differs',
  when: { kind: 'record-set' },
  text: `The row has the name and type of the row above, and ${how}`,
  source,
});

export const CONSOLE_PROVIDERS: readonly ConsoleProvider[] = [
  {
    id: 'generic',
    name: 'Any DNS console',
    form: 'the form for adding a DNS record',
    source: 'https://www.rfc-editor.org/rfc/rfc1035#section-5.1',
    columns: [
      { field: 'zone', label: 'zone' },
      { field: 'name', label: 'name' },
      { field: 'fqdn', label: 'fqdn' },
      { field: 'type', label: 'type' },
      { field: 'ttl', label: 'ttl' },
      { field: 'priority', label: 'priority' },
      { field: 'weight', label: 'weight' },
      { field: 'port', label: 'port' },
      { field: 'value', label: 'value' },
    ],
    names: 'relative',
    apex: '@',
    targets: 'dot',
    mx: 'split',
    srv: 'split',
    caa: 'joined',
    txt: 'quoted',
    notes: [
      {
        id: 'txt-strings',
        severity: 'differs',
        when: { kind: 'txt-several-strings' },
        text: 'A TXT value of several quoted strings: most consoles want the text joined, without the quotes (RFC 7208 §3.3: the strings are concatenated)',
        source: 'https://www.rfc-editor.org/rfc/rfc7208#section-3.3',
      },
    ],
  },
  {
    id: 'cloudflare',
    name: 'Cloudflare',
    form: 'DNS → Records → Add record',
    source: 'https://developers.cloudflare.com/dns/manage-dns-records/how-to/create-dns-records/',
    columns: [
      { field: 'type', label: 'Type' },
      { field: 'name', label: 'Name' },
      { field: 'priority', label: 'Priority' },
      { field: 'weight', label: 'Weight' },
      { field: 'port', label: 'Port' },
      { field: 'flags', label: 'Flags' },
      { field: 'tag', label: 'Tag' },
      { field: 'value', label: 'Content / Target' },
      { field: 'proxy', label: 'Proxy status' },
      { field: 'ttl', label: 'TTL' },
    ],
    names: 'relative',
    apex: '@',
    targets: 'no-dot',
    mx: 'split',
    srv: 'split',
    caa: 'split',
    txt: 'joined',
    types: ['A', 'AAAA', 'CAA', 'CERT', 'CNAME', 'DNSKEY', 'DS', 'HTTPS', 'LOC', 'MX', 'NAPTR', 'NS', 'OPENPGPKEY', 'PTR', 'SMIMEA', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT', 'URI'],
    notes: [
      {
        id: 'proxy-off',
        severity: 'differs',
        when: { kind: 'types', types: ['A', 'AAAA', 'CNAME'] },
        text: 'Proxy status is shown as "DNS only" (grey cloud), the setting for mail, calendar and chat hosts: the proxy carries HTTP(S) only, so a proxied host is unreachable for IMAP, SMTP and XMPP clients; a host that serves only the web may be Proxied',
        source: 'https://developers.cloudflare.com/dns/proxy-status/',
      },
      {
        id: 'ttl-choices',
        severity: 'differs',
        when: { kind: 'always' },
        text: 'TTL is a list of choices (Auto is 300 seconds); pick the one equal to the TTL shown, in seconds',
        source: 'https://developers.cloudflare.com/dns/manage-dns-records/reference/ttl/',
      },
      {
        id: 'caa-tag',
        severity: 'differs',
        when: { kind: 'types', types: ['CAA'] },
        text: 'Tag is a choice with its own words: issue is "Only allow hostnames", issuewild "Only allow wildcards", iodef "Send violation reports to URL"; the CA domain name goes in Content',
        source: 'https://developers.cloudflare.com/ssl/edge-certificates/caa-records/',
      },
      {
        id: 'txt-unquoted',
        severity: 'differs',
        when: { kind: 'types', types: ['TXT'] },
        text: 'Paste TXT content without quotes: Cloudflare adds them and splits text longer than 255 characters; content may be up to 2,048 characters',
        source: 'https://developers.cloudflare.com/dns/manage-dns-records/reference/dns-record-types/#txt',
      },
    ],
  },
  {
    id: 'route53',
    name: 'Amazon Route 53',
    form: 'Hosted zones → ZONE → Create record (quick create, simple routing)',
    source: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-creating.html',
    columns: [
      { field: 'name', label: 'Record name' },
      { field: 'type', label: 'Record type' },
      { field: 'value', label: 'Value' },
      { field: 'ttl', label: 'TTL (seconds)' },
    ],
    names: 'relative',
    apex: '',
    targets: 'no-dot',
    mx: 'joined',
    srv: 'joined',
    caa: 'joined',
    txt: 'quoted',
    types: ['A', 'AAAA', 'CAA', 'CNAME', 'DS', 'HTTPS', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT'],
    notes: [
      {
        id: 'apex-empty',
        severity: 'differs',
        when: { kind: 'always' },
        text: 'Leave Record name empty for the apex (not `@`); the console adds the domain to the name',
        source: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-basic.html#rrsets-values-basic-name',
      },
      RECORD_SET_NOTE(
        'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-basic.html#rrsets-values-basic-value',
        'Route 53 keeps them as one record: put its value on a new line in the Value of that record, not in a record of its own',
      ),
      {
        id: 'txt-quoted',
        severity: 'differs',
        when: { kind: 'types', types: ['TXT'] },
        text: 'TXT values go in double quotes, a value longer than 255 characters as several quoted strings on one line, as shown',
        source: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html#TXTFormat',
      },
    ],
  },
  {
    id: 'azure',
    name: 'Azure DNS',
    form: 'DNS zone → Recordsets → + Add',
    source: 'https://learn.microsoft.com/en-us/azure/dns/dns-operations-recordsets-portal',
    columns: [
      { field: 'name', label: 'Name' },
      { field: 'type', label: 'Type' },
      { field: 'ttl', label: 'TTL' },
      { field: 'ttlUnit', label: 'TTL unit' },
      { field: 'priority', label: 'Preference / Priority' },
      { field: 'weight', label: 'Weight' },
      { field: 'port', label: 'Port' },
      { field: 'flags', label: 'Flags' },
      { field: 'tag', label: 'Tag' },
      { field: 'value', label: 'Value' },
    ],
    names: 'relative',
    apex: '@',
    targets: 'no-dot',
    mx: 'split',
    srv: 'split',
    caa: 'split',
    txt: 'joined',
    types: ['A', 'AAAA', 'CAA', 'CNAME', 'DS', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SRV', 'TLSA', 'TXT'],
    notes: [
      RECORD_SET_NOTE('https://learn.microsoft.com/en-us/azure/dns/dns-zones-records#record-sets', 'Azure keeps them as one record set: add its value to that record set'),
      {
        id: 'txt-one-string',
        severity: 'differs',
        when: { kind: 'types', types: ['TXT'] },
        text: 'Enter TXT text as one string: the portal divides it into 255-character strings itself',
        source: 'https://learn.microsoft.com/en-us/azure/dns/dns-zones-records#txt-records',
      },
    ],
  },
  {
    id: 'gcloud',
    name: 'Google Cloud DNS',
    form: 'Cloud DNS → ZONE → Add standard (record set)',
    source: 'https://cloud.google.com/dns/docs/records',
    columns: [
      { field: 'name', label: 'DNS name' },
      { field: 'type', label: 'Resource record type' },
      { field: 'ttl', label: 'TTL' },
      { field: 'ttlUnit', label: 'TTL unit' },
      { field: 'value', label: 'Data' },
    ],
    names: 'relative',
    apex: '',
    targets: 'dot',
    mx: 'joined',
    srv: 'joined',
    caa: 'joined',
    txt: 'quoted',
    types: ['A', 'AAAA', 'CAA', 'CNAME', 'DNSKEY', 'DS', 'HTTPS', 'IPSECKEY', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT'],
    notes: [
      UNVERIFIED('https://cloud.google.com/dns/docs/records', 'the console\'s labels and an empty DNS name for the apex (gcloud and the API take the full name)'),
      {
        id: 'name-prefix',
        severity: 'differs',
        when: { kind: 'always' },
        text: 'DNS name is the part before the zone name, which the form shows after the field; leave it empty for the apex (the API and gcloud take the full name with its final dot)',
        source: 'https://cloud.google.com/dns/docs/records#add-a-record',
      },
      RECORD_SET_NOTE('https://cloud.google.com/dns/docs/records-overview', 'Cloud DNS keeps them as one record set: add its data as one more item (+ Add item) of that record set'),
      {
        id: 'target-dot',
        severity: 'differs',
        when: { kind: 'types', types: ['CNAME', 'MX', 'NS', 'SRV', 'PTR'] },
        text: 'Host names in Data end in a dot, as shown ("10 mail.example.com."): Cloud DNS wants them fully qualified with the final dot',
        source: 'https://cloud.google.com/dns/records/json-record',
      },
    ],
  },
  {
    id: 'digitalocean',
    name: 'DigitalOcean',
    form: 'Networking → Domains → DOMAIN → Create new record',
    source: 'https://docs.digitalocean.com/products/networking/dns/how-to/manage-records/',
    columns: [
      { field: 'type', label: 'Type' },
      { field: 'name', label: 'Hostname' },
      { field: 'value', label: 'Will direct to / Value' },
      { field: 'port', label: 'Port' },
      { field: 'priority', label: 'Priority' },
      { field: 'weight', label: 'Weight' },
      { field: 'tag', label: 'Tag' },
      { field: 'flags', label: 'Flags' },
      { field: 'ttl', label: 'TTL (seconds)' },
    ],
    names: 'relative',
    apex: '@',
    targets: 'dot',
    mx: 'split',
    srv: 'split',
    caa: 'split',
    txt: 'joined',
    types: ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SRV', 'TXT'],
    notes: [
      UNVERIFIED('https://docs.digitalocean.com/products/networking/dns/how-to/manage-records/', 'the control panel\'s labels, and names with their final dot (the API takes them; dnscontrol sends them)'),
      {
        id: 'srv-not-offered',
        severity: 'differs',
        when: { kind: 'srv-not-offered' },
        text: 'DigitalOcean refused SRV port 0 and the target "." in 2019 (its API issue 176, still open), so "service not offered" (RFC 6186 §3.4) could not be published; since 2020 the API takes port 0 (godo pull request 360) and dnscontrol reads "." targets back from it: enter these rows, then check with `dig SRV` that they are served as `0 0 0 .`',
        source: 'https://github.com/digitalocean/api-v2/issues/176',
      },
      {
        id: 'null-mx',
        severity: 'cannot',
        when: { kind: 'null-mx' },
        text: 'DigitalOcean does not accept a null MX (`0 .`)',
        source: `${DNSCONTROL}/digitalocean/auditrecords.go`,
      },
      {
        id: 'txt-length',
        severity: 'cannot',
        when: { kind: 'txt-longer', octets: 500 },
        text: 'DigitalOcean checks the length of a TXT value as sent (about 512 characters with quotes and escapes): a longer one is refused',
        source: 'https://github.com/StackExchange/dnscontrol/issues/370',
      },
      {
        id: 'txt-backslash',
        severity: 'cannot',
        when: { kind: 'txt-backslash' },
        text: 'DigitalOcean mangles a TXT value holding a backslash',
        source: `${DNSCONTROL}/digitalocean/auditrecords.go`,
      },
    ],
  },
  {
    id: 'hetzner',
    name: 'Hetzner DNS',
    form: 'DNS → ZONE → Records → Add record',
    source: 'https://docs.hetzner.com/dns-console/dns/general/dns-overview/',
    columns: [
      { field: 'type', label: 'Type' },
      { field: 'name', label: 'Name' },
      { field: 'value', label: 'Value' },
      { field: 'ttl', label: 'TTL' },
    ],
    names: 'relative',
    apex: '@',
    targets: 'dot',
    mx: 'joined',
    srv: 'joined',
    caa: 'joined',
    txt: 'quoted',
    types: ['A', 'AAAA', 'CAA', 'CNAME', 'DS', 'HINFO', 'MX', 'NS', 'PTR', 'RP', 'SOA', 'SRV', 'TLSA', 'TXT'],
    notes: [
      UNVERIFIED('https://github.com/StackExchange/dnscontrol/blob/main/providers/hetzner/types.go', 'the form\'s labels; the value in zone-file form (MX and SRV joined, TXT quoted) and `@` for the apex are what dnscontrol\'s Hetzner adapter sends'),
      {
        id: 'target-dot',
        severity: 'differs',
        when: { kind: 'types', types: ['CNAME', 'MX', 'NS', 'SRV', 'PTR'] },
        text: 'Keep the final dot on host names in Value: without it the console appends the zone name (mail.example.net.example.net)',
        source: 'https://docs.hetzner.com/dns-console/dns/general/dns-overview/',
      },
      {
        id: 'caa-space',
        severity: 'cannot',
        when: { kind: 'caa-value-space' },
        text: 'Hetzner rejects a CAA value holding white space',
        source: `${DNSCONTROL}/hetzner/auditrecords.go`,
      },
      {
        id: 'txt-quoted',
        severity: 'differs',
        when: { kind: 'types', types: ['TXT'] },
        text: 'TXT values are written as in a zone file, in double quotes, a long one as several quoted strings',
        source: `${DNSCONTROL}/hetzner/types.go`,
      },
    ],
  },
  {
    id: 'ovh',
    name: 'OVHcloud',
    form: 'Web Cloud → Domain names → DOMAIN → DNS zone → Add an entry',
    source: 'https://github.com/ovh/docs/blob/develop/pages/web_cloud/domains/dns_zone_edit/guide.en-gb.md',
    // The MX guide's table: Domain (left blank for the domain itself), TTL, Record type, Priority, Target.
    columns: [
      { field: 'type', label: 'Record type' },
      { field: 'name', label: 'Sub-domain' },
      { field: 'ttl', label: 'TTL' },
      { field: 'priority', label: 'Priority' },
      { field: 'weight', label: 'Weight' },
      { field: 'port', label: 'Port' },
      { field: 'flags', label: 'Flags' },
      { field: 'tag', label: 'Tag' },
      { field: 'value', label: 'Target' },
    ],
    names: 'relative',
    apex: '',
    targets: 'dot',
    mx: 'split',
    srv: 'split',
    caa: 'split',
    txt: 'joined',
    types: ['A', 'AAAA', 'CAA', 'CNAME', 'DKIM', 'DMARC', 'DNAME', 'LOC', 'MX', 'NAPTR', 'NS', 'SPF', 'SRV', 'SSHFP', 'TLSA', 'TXT'],
    notes: [
      UNVERIFIED('https://github.com/ovh/docs/blob/develop/pages/web_cloud/domains/dns_zone_edit/guide.en-gb.md', 'the labels of the SRV and CAA steps of the assistant'),
      {
        id: 'apex-empty',
        severity: 'differs',
        when: { kind: 'always' },
        text: 'Leave Sub-domain empty for the domain itself; end a target with a dot, as shown, or OVHcloud appends the domain to it',
        source: 'https://github.com/ovh/docs/blob/develop/pages/web_cloud/domains/dns_zone_mx/guide.en-gb.md',
      },
      {
        id: 'txt-255',
        severity: 'cannot',
        when: { kind: 'txt-longer', octets: 255 },
        text: 'The Add an entry assistant takes TXT values of at most 255 characters: enter a longer one (a DKIM key) with "Change in text format", as the zone-file line',
        source: 'https://github.com/ovh/docs/blob/develop/pages/web_cloud/domains/dns_zone_edit/guide.en-gb.md',
      },
    ],
  },
  {
    id: 'godaddy',
    name: 'GoDaddy',
    form: 'Domain Portfolio → DOMAIN → DNS → Add New Record',
    source: 'https://www.godaddy.com/help/manage-dns-records-680',
    columns: [
      { field: 'type', label: 'Type' },
      { field: 'service', label: 'Service' },
      { field: 'protocol', label: 'Protocol' },
      { field: 'name', label: 'Name' },
      { field: 'value', label: 'Value' },
      { field: 'priority', label: 'Priority' },
      { field: 'weight', label: 'Weight' },
      { field: 'port', label: 'Port' },
      { field: 'flags', label: 'Flag' },
      { field: 'tag', label: 'Tag' },
      { field: 'ttl', label: 'TTL' },
    ],
    names: 'relative',
    apex: '@',
    targets: 'no-dot',
    mx: 'split',
    srv: 'service-split',
    caa: 'split',
    txt: 'joined',
    types: ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SRV', 'TXT'],
    notes: [
      {
        id: 'srv-split',
        severity: 'differs',
        when: { kind: 'types', types: ['SRV'] },
        text: 'GoDaddy splits the SRV name: Service (`_imaps`), Protocol (`_tcp`) and Name (`@` for the domain itself)',
        source: 'https://www.godaddy.com/help/add-an-srv-record-19216',
      },
      {
        id: 'ttl-choices',
        severity: 'differs',
        when: { kind: 'always' },
        text: 'TTL is a list of choices (with Custom, in seconds); pick the one equal to the TTL shown, in seconds',
        source: 'https://www.godaddy.com/help/manage-dns-records-680',
      },
    ],
  },
  {
    id: 'namecheap',
    name: 'Namecheap',
    form: 'Domain List → Manage → Advanced DNS → Add New Record',
    source: 'https://www.namecheap.com/support/knowledgebase/article.aspx/434/2237/how-do-i-set-up-host-records-for-a-domain/',
    columns: [
      { field: 'type', label: 'Type' },
      { field: 'name', label: 'Host' },
      { field: 'priority', label: 'Priority' },
      { field: 'weight', label: 'Weight' },
      { field: 'port', label: 'Port' },
      { field: 'value', label: 'Value / Target' },
      { field: 'ttl', label: 'TTL' },
    ],
    names: 'relative',
    apex: '@',
    targets: 'no-dot',
    mx: 'split',
    srv: 'split',
    caa: 'joined',
    txt: 'joined',
    types: ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SRV', 'TXT'],
    notes: [
      UNVERIFIED('https://github.com/thunderbird/dns-scripts/blob/main/records.json', 'SRV in one Host field (`_imaps._tcp`) and values without the final dot (taken from thunderbird/dns-scripts), and CAA as one value'),
      {
        id: 'custom-mx',
        severity: 'differs',
        when: { kind: 'types', types: ['MX'] },
        text: 'MX records appear only after Mail Settings (Advanced DNS) is set to "Custom MX"; add them there',
        source: 'https://github.com/thunderbird/dns-scripts/blob/main/records.json',
      },
      {
        id: 'null-mx',
        severity: 'cannot',
        when: { kind: 'null-mx' },
        text: 'Namecheap does not accept a null MX (`0 .`)',
        source: `${DNSCONTROL}/namecheap/auditrecords.go`,
      },
      {
        id: 'txt-no-quotes',
        severity: 'differs',
        when: { kind: 'types', types: ['TXT'] },
        text: 'Paste TXT values without quotes; Namecheap rejects a value holding a double quote',
        source: `${DNSCONTROL}/namecheap/auditrecords.go`,
      },
      {
        id: 'ttl-choices',
        severity: 'differs',
        when: { kind: 'always' },
        text: 'TTL is a list of choices (Automatic, 1 min ... 1 day); pick the one equal to the TTL shown, in seconds',
        source: 'https://www.namecheap.com/support/knowledgebase/article.aspx/434/2237/how-do-i-set-up-host-records-for-a-domain/',
      },
    ],
  },
  {
    id: 'bunny',
    name: 'bunny.net',
    form: 'DNS → ZONE → Add Record',
    source: 'https://docs.bunny.net/reference/dnszonepublic_addrecord',
    columns: [
      { field: 'type', label: 'Type' },
      { field: 'name', label: 'Name' },
      { field: 'value', label: 'Value' },
      { field: 'priority', label: 'Priority' },
      { field: 'weight', label: 'Weight' },
      { field: 'port', label: 'Port' },
      { field: 'flags', label: 'Flags' },
      { field: 'tag', label: 'Tag' },
      { field: 'ttl', label: 'TTL' },
    ],
    names: 'relative',
    apex: '@',
    targets: 'no-dot',
    mx: 'split',
    srv: 'split',
    caa: 'split',
    txt: 'joined',
    types: ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'PTR', 'SRV', 'TXT'],
    notes: [
      UNVERIFIED('https://github.com/StackExchange/dnscontrol/blob/main/providers/bunnydns/convert.go', 'the form\'s labels and `@` for the apex, taken from dnscontrol\'s bunny.net adapter'),
      {
        id: 'srv-not-offered',
        severity: 'differs',
        when: { kind: 'srv-not-offered' },
        text: 'bunny.net has taken the SRV target "." ("service not offered", RFC 6186 §3.4) only since January 2026, and tools refused it before: check with `dig SRV` that these rows are served as `0 0 0 .`',
        source: 'https://github.com/StackExchange/dnscontrol/issues/3997',
      },
      {
        id: 'no-dot',
        severity: 'differs',
        when: { kind: 'types', types: ['CNAME', 'MX', 'NS', 'SRV', 'PTR'] },
        text: 'bunny.net works with full names without the final dot, as shown (it keeps a dot you type)',
        source: `${DNSCONTROL}/bunnydns/convert.go`,
      },
    ],
  },
];

/** The provider ids, `generic` first (the default). */
export const CONSOLE_PROVIDER_IDS: readonly string[] = CONSOLE_PROVIDERS.map((p) => p.id);

export function consoleProvider(id: string): ConsoleProvider | undefined {
  return CONSOLE_PROVIDERS.find((p) => p.id === id);
}

/** The note every provider shares: the rows leave out what the provider runs itself. */
export const LEFT_OUT_NOTE = {
  id: 'soa-ns-left-out',
  text: 'The SOA and the apex NS records are left out: the provider writes its own (pass --all to list them)',
  source: 'https://developers.cloudflare.com/dns/manage-dns-records/reference/dns-record-types/#soa',
} as const;
