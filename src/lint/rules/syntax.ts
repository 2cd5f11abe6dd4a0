import type { Rule } from '../rule.js';

/**
 * Judges the problems the lexer and parser find in the text (src/zone/problem.ts kinds such as
 * `unreadable-text`, `bad-rdata`, `no-soa`; see zone-problems.ts): each is reported as it is, with the
 * severity of its kind (an out-of-zone record or a TTL above the maximum is a warning: BIND loads the zone).
 */
export const syntax: Rule = {
  meta: {
    id: 'syntax',
    severity: 'error',
    description: 'An unreadable line, bad record data, a bad directive or a misplaced SOA: BIND refuses the zone (or warns and drops or changes what was written)',
    source: 'RFC 1035 §5.1, RFC 3597 §5, BIND lib/dns/master.c',
    fixable: false,
  },
  create: () => ({}),
};
