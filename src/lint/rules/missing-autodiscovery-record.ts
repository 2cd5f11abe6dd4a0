import { LINT_PROFILES, PROBED_HOSTS, protocolById, PROTOCOLS, type LintProfile, type Protocol, type Requirement } from '../../services/catalog.js';
import { hostedMailVendorById, vendorRecordLine, type VendorRecord } from '../../services/hosted-mail.js';
import type { Severity } from '../../diagnostics.js';
import { Name } from '../../zone/name.js';
import type { LintContext, Rule } from '../rule.js';
import type { ZoneIndex } from '../zone-index.js';

/** `@` is the apex; anything else is relative to it (the catalog writes hosts that way). */
function hostName(host: string, apex: Name): Name {
  return host === '@' ? apex : Name.from(host, apex);
}

/** A name clients can reach: an address or a CNAME (which leads to one outside the zone, or in it). */
function resolvable(index: ZoneIndex, name: Name): boolean {
  return index.hasAddress(name) || index.entry(name)?.cnameTarget !== undefined;
}

/**
 * The host a suggested SRV record may point at, or undefined: only a host the zone shows serving
 * the protocol. That is the target of an SRV already published for one of the requirement's
 * protocols under any label (MDaemon's `_smtp._tcp` for `_submission._tcp`, `_imap._tcp` for
 * `_imaps._tcp`), else a host clients guess for it (catalog `serverHosts`: `imap.`, `mail.`) that
 * has an address. Never the apex's MX exchange: an inbound MX host (a hosted service's above all)
 * need speak neither IMAP nor submission.
 */
function servingHost(index: ZoneIndex, apex: Name, protocols: readonly Protocol[]): Name | undefined {
  for (const protocol of protocols) {
    for (const label of Object.values(protocol.labels)) {
      const target = index.srvTargetOf(Name.from(label, apex).key)?.target;
      if (target) return target;
    }
  }
  for (const protocol of protocols) {
    for (const host of protocol.serverHosts ?? []) {
      const name = hostName(host, apex);
      if (index.hasAddress(name)) return name;
    }
  }
  return undefined;
}

/** Whether the zone publishes an SRV record for any mail protocol: it chose SRV discovery, so a gap in it is a defect. */
function publishesMailSrv(index: ZoneIndex, apex: Name): boolean {
  return PROTOCOLS.some((p) => p.mail && Object.values(p.labels).some((label) => index.has(Name.from(label, apex), 'SRV')));
}

/** The hosts other clients look for instead of SRV records, where the zone has them: "Thunderbird (autoconfig.example.com.)". */
function otherWays(index: ZoneIndex, apex: Name): string[] {
  const ways: string[] = [];
  const autoconfig = hostName(PROBED_HOSTS.autoconfig.host, apex);
  const autodiscover = hostName(PROBED_HOSTS.autodiscover.host, apex);
  if (resolvable(index, autoconfig)) ways.push(`Thunderbird (${autoconfig})`);
  if (resolvable(index, autodiscover)) ways.push(`Outlook (${autodiscover})`);
  return ways;
}

interface Missing {
  record: string;
  message: string;
  severity?: Severity;
}

/** A hosted vendor's documented records: any one present satisfies; the first is named exactly. */
function missingVendorRecord(context: LintContext, records: readonly VendorRecord[], requirement: Requirement, ttl: number, source: string | undefined): Missing | undefined {
  const { index, apex } = context;
  const present = records.some((record) => {
    const owner = hostName(record.owner, apex);
    return record.type === 'SRV' ? index.has(owner, 'SRV') : resolvable(index, owner);
  });
  if (present || records.length === 0) return undefined;
  const lines = records.map((record) => `\`${vendorRecordLine(record, apex, ttl)}\``);
  const names = records.map((r) => `${hostName(r.owner, apex)} (${r.type === 'SRV' ? 'SRV' : 'CNAME, A or AAAA'})`).join(' or ');
  const record = vendorRecordLine(records[0]!, apex, ttl);
  const alternatives = lines.length > 1 ? ` (or ${lines.slice(1).join(', or ')})` : '';
  const optional = requirement.level === 'optional';
  return {
    record,
    message: `no ${names}: ${requirement.why}; add \`${record}\`${alternatives}${source ? ` as ${source} documents` : ''}${optional ? ' (the vendor lists it as optional: clients also find the service as its instructions describe)' : ''}`,
    ...(optional ? { severity: 'info' as const } : {}),
  };
}

function missingSrv(context: LintContext, requirement: Requirement, labelProfile: keyof Protocol['labels'], ttl: number): Missing | undefined {
  const { index, apex } = context;
  const wanted: { protocol: Protocol; owner: Name }[] = [];
  for (const id of requirement.anyOfProtocols ?? []) {
    const protocol = protocolById(id);
    const label = protocol?.labels[labelProfile];
    if (protocol && label) wanted.push({ protocol, owner: Name.from(label, apex) });
  }
  if (wanted.length === 0 || wanted.some((w) => index.has(w.owner, 'SRV'))) return undefined;
  // A host clients try before the SRV record (autodiscover.<domain>) meets the expectation as well.
  const probed = wanted.flatMap((w) => (w.protocol.probedHost ? [hostName(w.protocol.probedHost, apex)] : []));
  if (probed.some((host) => resolvable(index, host))) return undefined;
  const first = wanted[0]!;
  const host = servingHost(index, apex, wanted.map((w) => w.protocol));
  const target = host ? host.toString() : `<${first.protocol.id} host>`;
  const record = `${first.owner} ${ttl} IN SRV 0 1 ${first.protocol.defaultPort} ${target}`;
  const names = [...wanted.map((w) => w.owner.toString()), ...probed.map((p) => `${p} (A, AAAA or CNAME)`)].join(' or ');
  const placeholder = host ? '' : `, with the name of the server that serves ${first.protocol.description} in place of ${target} (no host in the zone shows it does)`;
  // A zone with no mail SRV record at all has chosen no SRV discovery: clients fall back on what their
  // makers built in (Thunderbird's guesses of mail.<domain>), so the missing record is advice, not a defect.
  const none = !publishesMailSrv(index, apex);
  const others = none ? otherWays(index, apex) : [];
  return {
    record,
    message:
      `no SRV record at ${names}: ${requirement.why}; add \`${record}\`${placeholder} (${first.protocol.source}), ` +
      `or \`${first.owner} ${ttl} IN SRV 0 0 0 .\` if the service is not offered` +
      (none
        ? `; the zone publishes no mail SRV record, so clients that look for one cannot set up from an address alone` +
          (others.length > 0 ? ` (${others.join(' and ')} still find the server)` : '')
        : ''),
    ...(none ? { severity: 'info' as const } : {}),
  };
}

function missingHost(context: LintContext, requirement: Requirement, ttl: number): Missing | undefined {
  const { index, apex } = context;
  const hosts = (requirement.anyOfHosts ?? []).map((host) => hostName(host, apex));
  if (hosts.length === 0 || hosts.some((host) => resolvable(index, host))) return undefined;
  const first = hosts[0]!;
  // The address of a host the zone shows serving the clients that probe these names, else a placeholder.
  const server = servingHost(index, apex, hostProtocols(first, apex));
  const address = server && index.entry(server)?.address;
  const record = address ? `${first} ${ttl} IN ${address.includes(':') ? 'AAAA' : 'A'} ${address}` : `${first} ${ttl} IN A <address of the server>`;
  return {
    record,
    message: `none of ${hosts.join(', ')} has an address: ${requirement.why}; add \`${record}\`${address ? ` (the address of ${server})` : ''}`,
  };
}

/** The protocols whose server a probed host name stands for: Autodiscover for autodiscover.<domain>, else those that list it. */
function hostProtocols(host: Name, apex: Name): Protocol[] {
  return PROTOCOLS.filter(
    (p) => (p.probedHost && hostName(p.probedHost, apex).equals(host)) || (p.serverHosts ?? []).some((h) => hostName(h, apex).equals(host)),
  );
}

function checkRequirement(context: LintContext, requirement: Requirement, profile: LintProfile): Missing | undefined {
  const ttl = context.index.soa?.ttl ?? 3600;
  if (requirement.anyOfRecords) {
    const vendor = profile.hosted ? hostedMailVendorById(profile.hosted) : undefined;
    return missingVendorRecord(context, requirement.anyOfRecords, requirement, ttl, vendor?.name);
  }
  if (requirement.anyOfProtocols && profile.labelProfile) return missingSrv(context, requirement, profile.labelProfile, ttl);
  if (requirement.anyOfHosts) return missingHost(context, requirement, ttl);
  return undefined;
}

/** Per active profile (src/services/catalog.ts LINT_PROFILES), each expected service or host that is missing. */
export const missingAutodiscoveryRecord: Rule = {
  meta: {
    id: 'missing-autodiscovery-record',
    severity: 'warning',
    description:
      'Under the active profiles, an expected autodiscovery record is missing: the message gives the record to add (a hosted mail vendor\'s exact record; a placeholder where no host in the zone serves the protocol). Info when the zone publishes no mail SRV at all or the vendor calls the record optional',
    source: 'RFC 6186, RFC 8314 §5.1, MS-OXDISCO, MDaemon manual (seeds), vendors\' setup pages; src/services/catalog.ts, src/services/hosted-mail.ts',
    fixable: false,
  },
  create(context) {
    return {
      finish() {
        const where = context.index.soa?.where ?? { file: context.file, line: 1, column: 1 };
        const seen = new Set<string>();
        for (const profileId of context.profiles) {
          const profile = LINT_PROFILES[profileId];
          for (const requirement of profile.requirements) {
            const missing = checkRequirement(context, requirement, profile);
            if (!missing || seen.has(missing.record)) continue;
            seen.add(missing.record);
            context.report({ where, message: `profile ${profileId}: ${missing.message}`, ...(missing.severity ? { severity: missing.severity } : {}) });
          }
        }
      },
    };
  },
};
