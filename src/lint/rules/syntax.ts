import type { Rule } from '../rule.js';

/** Reported by the parser (src/zone/parser.ts); the meta is here so the severity can be configured and documented. */
export const syntax: Rule = {
  meta: {
    id: 'syntax',
    severity: 'error',
    description: 'An unreadable line, bad record data or a bad directive: BIND refuses the zone',
    source: 'RFC 1035 §5.1, RFC 3597 §5, BIND manual',
    fixable: false,
  },
  create: () => ({}),
};
