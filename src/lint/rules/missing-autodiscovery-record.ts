import { LINT_PROFILES, protocolById, type Protocol, type Requirement } from '../../services/catalog.js';
import { Name } from '../../zone/name.js';
import type { LintContext, Rule } from '../rule.js';
import type { ZoneIndex } from '../zone-index.js';

/** `@` is the apex; anything else is relative to it (the catalog writes hosts that way). */
function hostName(host: string, apex: Name): Name {
  return host === '@' ? apex : Name.from(host, apex);
}

/** The target of an SRV record already published at `owner` (e.g. under another profile's label). */
function srvTargetAt(index: ZoneIndex, owner: Name): Name | undefined {
  return index.srvTargetOf(owner.key)?.target;
}

/**
 * The host a suggested record should point at: the host that already serves the protocol under
 * another label (MDaemon's `_smtp._tcp` for `_submission._tcp`), else `mail.<apex>` when it has an
 * address, else the apex's MX exchange, else the target of any mail SRV, else `mail.<apex>`.
 */
function likelyMailHost(index: ZoneIndex, apex: Name, protocols: readonly Protocol[] = []): Name {
  for (const protocol of protocols) {
    for (const label of Object.values(protocol.labels)) {
      const target = srvTargetAt(index, Name.from(label, apex));
      if (target) return target;
    }
  }
  const mail = Name.from('mail', apex);
  if (index.hasAddress(mail)) return mail;
  const exchange = index.entry(apex)?.mxExchange;
  if (exchange) return exchange;
  for (const target of index.targets.values()) {
    if (target.refs.some((ref) => ref.type === 'SRV') && index.hasAddress(target.target)) return target.target;
  }
  return mail;
}

interface Missing {
  record: string;
  message: string;
}

function checkRequirement(context: LintContext, requirement: Requirement, labelProfile: keyof Protocol['labels'] | undefined): Missing | undefined {
  const { index, apex } = context;
  const ttl = index.soa?.ttl ?? 3600;
  if (requirement.anyOfProtocols && labelProfile) {
    const wanted: { protocol: Protocol; owner: Name }[] = [];
    for (const id of requirement.anyOfProtocols) {
      const protocol = protocolById(id);
      const label = protocol?.labels[labelProfile];
      if (protocol && label) wanted.push({ protocol, owner: Name.from(label, apex) });
    }
    if (wanted.length === 0 || wanted.some((w) => index.has(w.owner, 'SRV'))) return undefined;
    const first = wanted[0]!;
    const host = likelyMailHost(index, apex, wanted.map((w) => w.protocol));
    const record = `${first.owner} ${ttl} IN SRV 0 1 ${first.protocol.defaultPort} ${host}`;
    const names = wanted.map((w) => w.owner.toString()).join(' or ');
    return {
      record,
      message: `no SRV record at ${names}: ${requirement.why}; add \`${record}\` (${first.protocol.source}), or \`${first.owner} ${ttl} IN SRV 0 0 0 .\` if the service is not offered`,
    };
  }
  if (requirement.anyOfHosts) {
    const hosts = requirement.anyOfHosts.map((host) => hostName(host, apex));
    if (hosts.some((host) => index.hasAddress(host) || index.entry(host)?.cnameTarget)) return undefined;
    const first = hosts[0]!;
    const target = likelyMailHost(index, apex);
    const address = index.entry(target)?.address;
    const record = address
      ? `${first} ${ttl} IN ${address.includes(':') ? 'AAAA' : 'A'} ${address}`
      : `${first} ${ttl} IN A <address of the server>`;
    return {
      record,
      message: `none of ${hosts.join(', ')} has an address: ${requirement.why}; add \`${record}\``,
    };
  }
  return undefined;
}

/** Per active profile (src/services/catalog.ts LINT_PROFILES), each expected service or host that is missing. */
export const missingAutodiscoveryRecord: Rule = {
  meta: {
    id: 'missing-autodiscovery-record',
    severity: 'warning',
    description: 'Under the active profiles, an expected autodiscovery SRV record or probed host is missing: the message gives the record to add',
    source: 'RFC 6186, RFC 8314 §5.1, MS-OXDISCO, MDaemon manual (seeds); src/services/catalog.ts',
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
            const missing = checkRequirement(context, requirement, profile.labelProfile);
            if (!missing || seen.has(missing.record)) continue;
            seen.add(missing.record);
            context.report({ where, message: `profile ${profileId}: ${missing.message}` });
          }
        }
      },
    };
  },
};
