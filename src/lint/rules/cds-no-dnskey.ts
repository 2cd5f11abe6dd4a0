import type { Rule } from '../rule.js';

/** BIND's zone-level check `cds-matches-no-dnskey` (src/zone/zone-checks.ts) finds it; reported as it is. */
export const cdsNoDnskey: Rule = {
  meta: {
    id: 'cds-no-dnskey',
    severity: 'error',
    description: 'A CDS or CDNSKEY record that matches no DNSKEY of the zone: BIND refuses the zone',
    source: 'RFC 7344 §4.1; BIND lib/dns/zone.c zone_postload (dns_zone_cdscheck)',
    fixable: false,
  },
  create: () => ({}),
};
