import { latin1String } from '../../zone/bytes.js';
import { NONE } from '../../zone/name-table.js';
import { rdataToWire } from '../../zone/rdata.js';
import { lineRef, recordWhere, type Rule, type Where } from '../rule.js';

/**
 * How many distinct data per RRset are remembered. Real RRsets are small; a huge one (a long TXT
 * list) is checked for its first members only, so memory stays bounded by the number of names.
 */
const MAX_REMEMBERED_PER_RRSET = 64;

export const duplicateRecord: Rule = {
  meta: {
    id: 'duplicate-record',
    severity: 'warning',
    description: 'The same record (owner, class, type and data) twice',
    source: 'RFC 2181 §5 (an RRset holds no duplicates)',
    fixable: false,
  },
  create(context) {
    // The index keeps the first record's data per RRset (in wire form), so a single-record RRset (most of them)
    // costs nothing here; the data of later records is remembered only for RRsets that have them.
    const later = new Map<number, Map<string, Where>>();
    return {
      record(record) {
        const rrset = context.index.rrset(record.owner, record.type);
        if (rrset === NONE) return;
        // Equal data means equal wire form: that sees through relative/absolute names, escapes, spacing.
        const wire = latin1String(rdataToWire(record.type, record.data));
        let seen = later.get(rrset);
        if (!seen) {
          const first = context.index.typeEntry(rrset);
          seen = new Map([[latin1String(context.index.table.firstWireOf(rrset)), first as Where]]);
          later.set(rrset, seen);
        }
        const first = seen.get(wire);
        if (first) {
          context.report({
            where: recordWhere(record),
            message: `duplicate of the ${record.type} record of ${record.owner} at ${lineRef(first, context.file)}: same data; servers keep one, so delete this line`,
          });
        } else if (seen.size < MAX_REMEMBERED_PER_RRSET) {
          seen.set(wire, recordWhere(record));
        }
      },
    };
  },
};
