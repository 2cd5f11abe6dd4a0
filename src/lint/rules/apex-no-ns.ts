import type { Rule } from '../rule.js';

/** BIND's zone-level check `apex-without-ns` (src/zone/zone-checks.ts) finds it; reported as it is. */
export const apexNoNs: Rule = {
  meta: {
    id: 'apex-no-ns',
    severity: 'error',
    description: 'No NS record at the zone apex: BIND refuses the zone',
    source: 'RFC 1034 §4.2.1; BIND lib/dns/zone.c zone_postload ("has no NS records")',
    fixable: false,
  },
  create: () => ({}),
};
