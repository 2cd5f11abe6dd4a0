import type { Name } from '../../zone/name.js';
import { mailEvidence } from '../profiles.js';
import { lineRef, type Rule } from '../rule.js';

/**
 * The apex has no MX although the zone serves mail. Senders then fall back to the apex's address
 * (RFC 5321 §5.1 implicit MX) or fail; usually an MX was meant for the apex and landed elsewhere.
 */
export const apexNoMx: Rule = {
  meta: {
    id: 'apex-no-mx',
    severity: 'warning',
    description: 'The apex has neither MX nor null MX while the zone serves mail (mail SRV records, or MX elsewhere)',
    source: 'RFC 5321 §5.1, RFC 7505 §3',
    fixable: false,
  },
  create(context) {
    return {
      finish() {
        const { index, apex } = context;
        if (index.has(apex, 'MX')) return;
        const evidence = mailEvidence(index, { includeApexMx: false });
        if (!evidence) return;
        let exchange: Name | undefined;
        for (const entry of index.entriesWith('MX')) {
          exchange = entry.key === apex.key ? undefined : entry.mxExchange;
          if (exchange) break;
        }
        const suggestion = exchange
          ? `add \`${apex} ${index.soa?.ttl ?? 3600} IN MX 10 ${exchange}\``
          : `add an MX for ${apex}, or \`${apex} IN MX 0 .\` if it takes no mail (RFC 7505)`;
        context.report({
          where: index.soa?.where ?? evidence.where,
          message:
            `${apex} has no MX, but the zone serves mail (${evidence.what}, ${lineRef(evidence.where, context.file)}); ` +
            `mail for ${apex} goes to its address, if any (RFC 5321 §5.1); ${suggestion}`,
        });
      },
    };
  },
};
