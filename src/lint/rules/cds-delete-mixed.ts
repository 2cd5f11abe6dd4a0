import type { Rule } from '../rule.js';

/** BIND's zone-level check `cds-delete-not-alone` (src/zone/zone-checks.ts) finds it; reported as it is. */
export const cdsDeleteMixed: Rule = {
  meta: {
    id: 'cds-delete-mixed',
    severity: 'error',
    description: 'A "delete" CDS or CDNSKEY (algorithm 0) beside others of its type: BIND refuses the zone',
    source: 'RFC 8078 §4; BIND lib/dns/zone.c zone_postload (dns_zone_cdscheck)',
    fixable: false,
  },
  create: () => ({}),
};
