/**
 * The adapter between the hosted-mail vendor data (src/services/hosted-mail.ts, beside the service
 * catalog) and explain's HostedMail. No vendor is named here: everything comes from the data.
 */
import { HOSTED_MAIL_VENDORS, hostedMailVendorFor, vendorRecordLine, type HostedMailVendor } from '../services/hosted-mail.js';
import type { MxData, ResourceRecord } from '../zone/record.js';
import type { HostedMail } from './hosted.js';

/** Every server host any vendor documents, with who runs it: a CNAME or SRV target there is that vendor's. */
const OPERATORS = new Map<string, string>();
for (const vendor of HOSTED_MAIL_VENDORS) {
  for (const server of vendor.servers) {
    const key = server.host.toLowerCase();
    if (!OPERATORS.has(key)) OPERATORS.set(key, `${vendor.name}'s ${server.protocol} server`);
  }
  // The targets of the CNAMEs a vendor documents (Migadu's autoconfig.migadu.com.) are the vendor's too.
  for (const expectation of vendor.discovery) {
    for (const record of expectation.records) {
      const key = record.data.toLowerCase();
      if (record.type === 'CNAME' && !OPERATORS.has(key)) OPERATORS.set(key, `${vendor.name}'s ${record.owner} service`);
    }
  }
}

/** The vendor of the apex MX with the lowest preference that a vendor claims. */
function apexVendor(apexMx: readonly ResourceRecord[]): HostedMailVendor | undefined {
  let best: { preference: number; vendor: HostedMailVendor } | undefined;
  for (const record of apexMx) {
    const data = record.data as MxData;
    const vendor = hostedMailVendorFor(data.exchange);
    if (vendor && (!best || data.preference < best.preference)) best = { preference: data.preference, vendor };
  }
  return best?.vendor;
}

/** What the vendor data says about a zone whose apex has these MX records. */
export function hostedMailFor(apexMx: readonly ResourceRecord[]): HostedMail {
  const vendor = apexVendor(apexMx);
  const hosted: HostedMail = {
    operatorOf: (host) => OPERATORS.get(host.key),
    mailOperatorOf: (exchange) => hostedMailVendorFor(exchange)?.name,
    documentedRecords: (protocols, domain) => {
      const expectation = vendor?.discovery.find((d) => d.protocols.some((p) => protocols.includes(p)));
      return expectation ? expectation.records.map((record) => vendorRecordLine(record, domain, 3600)) : [];
    },
    clientPath: (names) => {
      // The closest naming wins: "Thunderbird" itself before "K-9/Thunderbird for Android" in another entry.
      const wanted = names.map((n) => n.toLowerCase());
      const clients = vendor?.clients ?? [];
      const named = (match: (client: string, name: string) => boolean) => clients.find((c) => wanted.some((n) => match(c.client.toLowerCase(), n)));
      const path = named((c, n) => c === n) ?? named((c, n) => c.startsWith(n)) ?? named((c, n) => c.includes(n));
      return path ? { ...path } : undefined;
    },
    serverOf: (protocol) => {
      const server = vendor?.servers.find((s) => s.protocol === protocol);
      return server ? { host: server.host, port: server.port } : undefined;
    },
    serversFor: (protocols) =>
      (vendor?.servers ?? []).filter((s) => protocols.includes(s.protocol)).map((s) => `${s.host} port ${s.port} (${s.protocol})`),
  };
  if (vendor) hosted.vendor = { id: vendor.id, name: vendor.name, source: vendor.source, clients: vendor.clients.map((c) => ({ ...c })) };
  return hosted;
}
