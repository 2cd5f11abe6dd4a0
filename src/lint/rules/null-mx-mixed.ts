import { isType } from '../../zone/record.js';
import { lineRef, recordWhere, tokenWhere, type Rule } from '../rule.js';

export const nullMxMixed: Rule = {
  meta: {
    id: 'null-mx-mixed',
    severity: 'error',
    description: 'A null MX (`MX 0 .`) beside other MX records, or with a preference other than 0',
    source: 'RFC 7505 §3',
    fixable: false,
  },
  create(context) {
    return {
      record(record) {
        if (!isType(record, 'MX') || !record.data.exchange.isRoot || record.data.preference === 0) return;
        const token = record.rdataTokens[0];
        context.report({
          where: token ? tokenWhere(record, token) : recordWhere(record),
          message: `a null MX is written \`MX 0 .\`: preference ${record.data.preference} should be 0 (RFC 7505 §3)`,
          severity: 'warning',
        });
      },
      finish() {
        for (const entry of context.index.entriesWith('MX')) {
          const mx = entry.type('MX');
          if (!entry.nullMx || !mx || mx.count < 2) continue;
          context.report({
            where: entry.nullMx,
            message:
              `${entry.name} has a null MX (\`MX 0 .\`, "accepts no mail") and ${mx.count - 1} other MX record(s) (first at ${lineRef(mx, context.file)}): ` +
              `a domain that takes no mail publishes only the null MX (RFC 7505 §3); remove one or the other`,
          });
        }
      },
    };
  },
};
