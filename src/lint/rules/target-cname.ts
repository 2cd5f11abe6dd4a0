/**
 * The three "target is an alias" rules differ only in the record type they look at. The NS one also
 * judges BIND's check of the apex NS targets (`apex-ns-target-alias`): a target BIND refuses the zone
 * for is reported once, by this rule's finding, which says so.
 */
import { lineRef, type Rule } from '../rule.js';
import type { TargetingType } from '../zone-index.js';
import { ProblemsBySubject } from '../zone-problems.js';
import { inZoneTargets, reportRefs } from './target-helpers.js';

const SOURCES: Record<TargetingType, string> = {
  MX: 'RFC 2181 §10.3, RFC 5321 §5.1',
  NS: 'RFC 2181 §10.3, RFC 1912 §2.4; BIND lib/dns/zone.c zone_check_ns',
  SRV: 'RFC 2782 (Target), RFC 2181 §10.3',
};

export function targetCnameRule(type: TargetingType): Rule {
  const id = `${type.toLowerCase()}-target-cname`;
  return {
    meta: {
      id,
      // BIND refuses a zone whose NS target is an alias; MX and SRV aliases only draw its warning.
      severity: type === 'NS' ? 'error' : 'warning',
      description: `An ${type} target is an alias (CNAME) rather than a name with addresses`,
      source: SOURCES[type],
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
            if (!entry?.cnameTarget) continue;
            const cname = entry.type('CNAME')!;
            const consequence = refused.take(target.target).length > 0 ? ', so BIND refuses the zone' : '';
            reportRefs(
              context,
              target,
              [type],
              (ref) =>
                `${type} target ${target.target} is an alias (CNAME to ${entry.cnameTarget} at ${lineRef(cname, context.file)}) ` +
                `of ${ref.owner}${consequence}; point the ${type} at ${entry.cnameTarget} itself, which must have addresses (${SOURCES[type]})`,
            );
          }
          refused.reportRest(context);
        },
      };
    },
  };
}
