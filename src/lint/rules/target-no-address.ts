import type { Rule } from '../rule.js';
import type { TargetingType } from '../zone-index.js';
import { ProblemsBySubject } from '../zone-problems.js';
import { inZoneTargets, reportRefs } from './target-helpers.js';

const CONSEQUENCE: Record<TargetingType, string> = {
  NS: 'resolvers cannot reach that name server (RFC 1034 §4.2.1)',
  MX: 'mail cannot be delivered to it (RFC 5321 §5.1)',
  SRV: 'clients cannot connect to it (RFC 2782)',
};

/**
 * An in-zone MX/NS/SRV target with no A or AAAA record. A target outside the zone, or below a
 * delegation, is not verified here: its addresses live in another zone. BIND's check of the apex NS
 * targets (`apex-ns-target-no-address`) comes here too: its target is reported once, by this rule,
 * saying that BIND refuses the zone.
 */
export const targetNoAddress: Rule = {
  meta: {
    id: 'target-no-address',
    severity: 'error',
    description: 'An in-zone MX, NS or SRV target has no A or AAAA record',
    source: 'RFC 2181 §10.3, RFC 2782, RFC 5321 §5.1; BIND lib/dns/zone.c zone_check_ns (check-integrity)',
    fixable: false,
  },
  create(context) {
    const refused = new ProblemsBySubject();
    return {
      problem(problem) {
        refused.add(problem);
      },
      finish() {
        for (const { target, entry } of inZoneTargets(context)) {
          if (entry?.has('A') || entry?.has('AAAA') || entry?.cnameTarget) continue;
          const bindRefuses = refused.take(target.target).length > 0;
          reportRefs(
            context,
            target,
            ['MX', 'NS', 'SRV'],
            (ref) =>
              `${ref.type} target ${target.target} of ${ref.owner} has no A or AAAA record in the zone, so ` +
              // BIND refuses only for the apex NS (check-integrity); a delegation's NS target without an
              // address is a warning there (named-checkzone -i full loads the zone).
              `${ref.type === 'NS' && bindRefuses && ref.owner.equals(context.apex) ? 'BIND refuses to load the zone' : CONSEQUENCE[ref.type]}; ` +
              `add an address for it, or end the name with a dot if the host is outside the zone`,
          );
        }
        refused.reportRest(context);
      },
    };
  },
};
