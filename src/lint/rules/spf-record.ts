import { isType } from '../../zone/record.js';
import { lineRef, recordWhere, type Rule, type Where } from '../rule.js';

/** RFC 7208 §4.5: a record counts when its text is exactly `v=spf1` or starts with `v=spf1 `. */
function isSpfText(strings: readonly Uint8Array[]): boolean {
  // The strings of one TXT record are joined without spaces (RFC 7208 §3.3).
  const text = Buffer.concat(strings.map((s) => Buffer.from(s))).toString('latin1').toLowerCase();
  return text === 'v=spf1' || text.startsWith('v=spf1 ');
}

export const spfRecord: Rule = {
  meta: {
    id: 'spf-record',
    severity: 'error',
    description: 'More than one SPF policy (`v=spf1` TXT) at a name, or the discontinued SPF record type',
    source: 'RFC 7208 §3.2, §3.1, §4.5',
    fixable: false,
  },
  create(context) {
    const firstSpf = new Map<string, Where>();
    return {
      record(record) {
        if (record.type === 'SPF') {
          context.report({
            where: recordWhere(record),
            severity: 'warning',
            message: 'the SPF record type (99) is discontinued and not read by receivers: publish the policy as a TXT record only (RFC 7208 §3.1, §14.1)',
          });
          return;
        }
        if (!isType(record, 'TXT') || !isSpfText(record.data.strings)) return;
        const first = firstSpf.get(record.owner.key);
        if (!first) {
          firstSpf.set(record.owner.key, recordWhere(record));
          return;
        }
        context.report({
          where: recordWhere(record),
          message: `${record.owner} has a second v=spf1 TXT record (the first is at ${lineRef(first, context.file)}): receivers then fail SPF with "permerror" (RFC 7208 §3.2, §4.5); merge them into one`,
        });
      },
    };
  },
};
