import type { Rule } from '../rule.js';

/** BIND's zone-level check `apex-ds` (src/zone/zone-checks.ts) finds it; reported as it is. */
export const dsAtApex: Rule = {
  meta: {
    id: 'ds-at-apex',
    severity: 'error',
    description: 'A DS record at the zone apex, where it belongs to the parent zone: BIND refuses the zone',
    source: 'RFC 4034 §5, RFC 3658 §2.2; BIND lib/dns/master.c ("record at top of zone")',
    fixable: false,
  },
  create: () => ({}),
};
