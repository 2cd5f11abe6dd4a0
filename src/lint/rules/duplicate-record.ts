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
    // Most RRsets hold one record: for them only its wire form is kept (its place is in the index);
    // a map of data to places is made when a second record arrives.
    const seen = new Map<string, string | Map<string, Where>>();
    return {
      record(record) {
        const rrset = `${record.owner.key} ${record.class} ${record.type}`;
        // Equal data means equal wire form: that sees through relative/absolute names, escapes, spacing.
        const wire = Buffer.from(rdataToWire(record.type, record.data)).toString('latin1');
        const known = seen.get(rrset);
        if (known === undefined) {
          seen.set(rrset, wire);
          return;
        }
        let data: Map<string, Where>;
        if (typeof known === 'string') {
          const firstPlace = context.index.entry(record.owner)?.types.get(record.type)?.first ?? recordWhere(record);
          data = new Map([[known, firstPlace]]);
          seen.set(rrset, data);
        } else {
          data = known;
        }
        const first = data.get(wire);
        if (first) {
          context.report({
            where: recordWhere(record),
            message: `duplicate of the ${record.type} record of ${record.owner} at ${lineRef(first, context.file)}: same data; servers keep one, so delete this line`,
          });
        } else if (data.size < MAX_REMEMBERED_PER_RRSET) {
          data.set(wire, recordWhere(record));
        }
      },
    };
  },
};
