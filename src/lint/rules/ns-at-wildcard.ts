import type { Rule } from '../rule.js';

/** BIND's zone-level check `wildcard-ns-owner` (src/zone/zone-checks.ts) finds it; reported as it is. */
export const nsAtWildcard: Rule = {
  meta: {
    id: 'ns-at-wildcard',
    severity: 'error',
    description: 'An NS record owned by a wildcard name: BIND refuses the zone',
    source: 'RFC 4592 §4.2; BIND lib/dns/rbtdb.c (DNS_R_INVALIDNS)',
    fixable: false,
  },
  create: () => ({}),
};
