import type { Rule } from '../rule.js';

export const singleNameserver: Rule = {
  meta: {
    id: 'single-nameserver',
    severity: 'warning',
    description: 'The apex has only one NS record: one server down and the domain is gone',
    source: 'RFC 1034 §4.1, RFC 2182 §5, RFC 1912 §2.8',
    fixable: false,
  },
  create(context) {
    return {
      finish() {
        const ns = context.index.entry(context.apex)?.type('NS');
        if (!ns || ns.count !== 1) return;
        context.report({
          where: ns,
          message: `${context.apex} has a single NS record; publish at least two name servers, on different networks (RFC 1034 §4.1, RFC 2182 §5)`,
        });
      },
    };
  },
};
