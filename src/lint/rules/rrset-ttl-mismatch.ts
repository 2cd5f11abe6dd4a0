import { NONE } from '../../zone/name-table.js';
import { lineRef, recordWhere, tokenWhere, type Rule } from '../rule.js';

/** RRSIGs of different covered types share an owner and type but not an RRset, so they are left alone. */
const EXEMPT = new Set(['RRSIG', 'SIG']);

export const rrsetTtlMismatch: Rule = {
  meta: {
    id: 'rrset-ttl-mismatch',
    severity: 'warning',
    description: 'Records of one RRset (same owner, class and type) with different TTLs',
    source: 'RFC 2181 §5.2; BIND "TTL set to prior TTL"',
    fixable: false,
  },
  create(context) {
    return {
      record(record) {
        if (EXEMPT.has(record.type)) return;
        const rrset = context.index.rrset(record.owner, record.type);
        if (rrset === NONE || context.index.table.ttlOf(rrset) === record.ttl) return;
        const first = context.index.typeEntry(rrset);
        context.report({
          where: record.ttlToken ? tokenWhere(record, record.ttlToken) : recordWhere(record),
          message:
            `TTL ${record.ttl} differs from ${first.ttl}, the TTL of the first ${record.type} of ${record.owner} (${lineRef(first, context.file)}): ` +
            `all records of an RRset share one TTL (RFC 2181 §5.2), and BIND uses ${first.ttl} for all; write the same TTL on each`,
        });
      },
    };
  },
};
