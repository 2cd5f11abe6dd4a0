import { isType } from '../../zone/record.js';
import { lineRef, recordWhere, type Rule, type Where } from '../rule.js';

const SPF_VERSION = 'v=spf1';
const SPACE = 0x20;

/** RFC 7208 §4.5: a record counts when its text is exactly `v=spf1` or starts with `v=spf1 `. */
function isSpfText(strings: readonly Uint8Array[]): boolean {
  // The strings of one TXT record are joined without spaces (RFC 7208 §3.3); only the first seven
  // octets of the joined text matter, so they are read across the strings without joining (DKIM keys are long).
  let matched = 0;
  for (const s of strings) {
    for (let i = 0; i < s.length; i++) {
      if (matched === SPF_VERSION.length) return s[i] === SPACE;
      const c = s[i]!;
      // ASCII case folding, as the version tag is case-insensitive.
      if ((c >= 0x41 && c <= 0x5a ? c + 32 : c) !== SPF_VERSION.charCodeAt(matched)) return false;
      matched++;
    }
  }
  return matched === SPF_VERSION.length;
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
