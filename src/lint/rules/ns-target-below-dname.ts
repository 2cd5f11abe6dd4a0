import type { Rule } from '../rule.js';

/** BIND's zone-level check `apex-ns-target-below-dname` (src/zone/zone-checks.ts) finds it; reported as it is. */
export const nsTargetBelowDname: Rule = {
  meta: {
    id: 'ns-target-below-dname',
    severity: 'error',
    description: 'An in-zone target of the apex NS lies below a DNAME: BIND refuses the zone',
    source: 'RFC 6672 §2.3; BIND lib/dns/zone.c zone_check_ns',
    fixable: false,
  },
  create: () => ({}),
};
