import { lineRef, recordWhere, type Rule } from '../rule.js';

/**
 * The seed's MX: a line that starts with blanks takes the owner of the record before it, whatever
 * that record's type (RFC 1035 §5.1). After a blank line or a comment block and a change of type,
 * that is rarely what the writer meant, unless the name inherited is the apex itself.
 */
export const inheritedOwner: Rule = {
  meta: {
    id: 'inherited-owner',
    severity: 'warning',
    description:
      'A record with a blank owner inherits a name other than the apex across a blank line or comment and a change of type',
    source: 'RFC 1035 §5.1; the seed zone (MDaemon manual) line 34',
    fixable: false,
  },
  create(context) {
    return {
      record(record) {
        if (!record.ownerInherited || !record.afterBreak) return;
        if (record.previousType === undefined || record.previousType === record.type) return;
        if (record.owner.equals(context.apex)) return;
        const written = context.index.ownerWrittenAt;
        const from = written ? ` (the owner written at ${lineRef(written, context.file)})` : '';
        context.report({
          where: recordWhere(record),
          message:
            `this ${record.type} starts with blanks, so it belongs to ${record.owner}${from}, not to ${context.apex}; ` +
            `write the owner you mean (\`@\` for the apex) at the start of the line (RFC 1035 §5.1)`,
        });
      },
    };
  },
};
