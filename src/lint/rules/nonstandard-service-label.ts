import { Name } from '../../zone/name.js';
import { protocolById, protocolsByLabel, standardLabelForDialect, type Protocol } from '../../services/catalog.js';
import { dialectLabel } from '../../services/service-labels.js';
import { serviceLabel } from '../profiles.js';
import type { Rule } from '../rule.js';

/** A dialect seen in a published guide (service-labels.ts: mailcow's `_smtps._tcp`), with where it comes from. */
function publishedDialect(label: string): { standard: string; protocol: Protocol; seenIn?: string } | undefined {
  const entry = dialectLabel(label);
  const protocol = entry && protocolById(entry.protocol);
  return entry && protocol ? { standard: entry.standard, protocol, seenIn: entry.seenIn } : undefined;
}

/** What the catalog says about an SRV label: the RFC label it is a dialect of, the vendors that use it, whether one is in force. */
function catalogAnswer(label: string, profiles: readonly string[]) {
  const dialect = standardLabelForDialect(label) ?? publishedDialect(label);
  const vendors = protocolsByLabel(label).filter((found) => found.profile !== 'standard');
  const wanted = vendors.some((found) => profiles.includes(found.profile));
  return { dialect, vendors, wanted };
}

/**
 * A vendor's spelling of an RFC label (MDaemon's `_pop._tcp` for RFC 6186's `_pop3._tcp`): RFC
 * clients never ask for it, so the RFC label should stand beside it; once it does, nothing is said.
 * When a profile in force publishes the label (the zone was made for MDaemon's clients: `--profile
 * mdaemon`, or the `; zonesmith: profiles mdaemon` header that `generate` writes), the label is what
 * was asked for, and nothing is said either: whether the RFC labels are wanted too is the `standard`
 * profile's question (missing-autodiscovery-record).
 */
export const nonstandardServiceLabel: Rule = {
  meta: {
    id: 'nonstandard-service-label',
    severity: 'warning',
    description: 'An SRV label that is a vendor dialect of an RFC label (`_pop._tcp`, `_smtp._tcp`, `_smtps._tcp`), or has no RFC label, and no profile in force publishes it',
    source: 'RFC 6186 §3, RFC 8314 §5.1; src/services/catalog.ts, src/services/service-labels.ts',
    fixable: false,
  },
  create(context) {
    return {
      finish() {
        const { index } = context;
        // A big zone has tens of thousands of SRV names but a handful of labels: the catalog is asked once per label.
        const byLabel = new Map<string, ReturnType<typeof catalogAnswer>>();
        for (const entry of index.entriesWith('SRV')) {
          const srv = entry.type('SRV');
          const name = entry.name;
          const label = srv && serviceLabel(name);
          if (!srv || !label) continue;
          let answer = byLabel.get(label);
          if (!answer) byLabel.set(label, (answer = catalogAnswer(label, context.profiles)));
          const { dialect, vendors, wanted } = answer;
          if (wanted) continue;
          if (dialect) {
            const standardOwner = Name.from(dialect.standard, name.parent().parent());
            if (index.has(standardOwner, 'SRV')) continue;
            context.report({
              where: srv,
              message:
                `${label} is not an RFC label${'seenIn' in dialect && dialect.seenIn ? ` (it comes from ${dialect.seenIn})` : ''}: clients that follow ${dialect.protocol.source} look up ${dialect.standard} ` +
                `(${dialect.protocol.description}); publish ${standardOwner} as well`,
            });
          } else if (vendors.length > 0 && !vendors.some((found) => found.protocol.labels.standard)) {
            const protocol = vendors[0]!.protocol;
            context.report({
              where: srv,
              message:
                `${label} has no RFC label (it comes from the ${protocol.source}): standard clients find this service ` +
                `through Autodiscover (_autodiscover._tcp, autodiscover.<domain>); keep ${label} only for clients that read it`,
            });
          }
        }
      },
    };
  },
};
