import type { Rule } from '../rule.js';
import type { TargetingType } from '../zone-index.js';
import { inZoneTargets, reportRefs } from './target-helpers.js';

const CONSEQUENCE: Record<TargetingType, string> = {
  NS: 'BIND refuses to load the zone',
  MX: 'mail cannot be delivered to it (RFC 5321 §5.1)',
  SRV: 'clients cannot connect to it (RFC 2782)',
};

/**
 * An in-zone MX/NS/SRV target with no A or AAAA record. A target outside the zone, or below a
 * delegation, is not verified here: its addresses live in another zone.
 */
export const targetNoAddress: Rule = {
  meta: {
    id: 'target-no-address',
    severity: 'error',
    description: 'An in-zone MX, NS or SRV target has no A or AAAA record',
    source: 'RFC 2181 §10.3, RFC 2782, RFC 5321 §5.1; BIND check-integrity',
    fixable: false,
  },
  create(context) {
    return {
      finish() {
        for (const { target, entry } of inZoneTargets(context)) {
          if (entry?.has('A') || entry?.has('AAAA') || entry?.cnameTarget) continue;
          reportRefs(
            context,
            target,
            ['MX', 'NS', 'SRV'],
            (ref) =>
              `${ref.type} target ${target.target} of ${ref.owner} has no A or AAAA record in the zone, so ${CONSEQUENCE[ref.type]}; ` +
              `add an address for it, or end the name with a dot if the host is outside the zone`,
          );
        }
      },
    };
  },
};
