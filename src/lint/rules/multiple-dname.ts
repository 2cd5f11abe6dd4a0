import type { Rule } from '../rule.js';

/** BIND's zone-level check `second-dname` (src/zone/zone-checks.ts) finds it; reported as it is. */
export const multipleDname: Rule = {
  meta: {
    id: 'multiple-dname',
    severity: 'error',
    description: 'More than one DNAME record at a name: BIND refuses the zone',
    source: 'RFC 6672 §2.4; BIND lib/dns/rbtdb.c (DNS_R_SINGLETON)',
    fixable: false,
  },
  create: () => ({}),
};
