import { rdataToWire } from '../../zone/rdata.js';
import type { ParsedRecord } from '../../zone/parser.js';
import type { Rdata } from '../../zone/record.js';
import { lineRef, recordWhere, type Rule, type Where } from '../rule.js';
import { NONE } from '../../zone/name-table.js';

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
    // The index keeps the first record's data per RRset, so a single-record RRset (most of them)
    // costs nothing here; the data of later records is remembered only for RRsets that have them.
    const later = new Map<number, Map<string, Where>>();
    const wireOf = (record: ParsedRecord, data: Rdata) => Buffer.from(rdataToWire(record.type, data)).toString('latin1');
    return {
      record(record) {
        const rrset = context.index.rrset(record.owner, record.type);
        if (rrset === NONE) return;
        // Equal data means equal wire form: that sees through relative/absolute names, escapes, spacing.
        const wire = wireOf(record, record.data);
        let seen = later.get(rrset);
        if (!seen) {
          const first = context.index.typeEntry(rrset);
          seen = new Map([[wireOf(record, first.firstData), first as Where]]);
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
