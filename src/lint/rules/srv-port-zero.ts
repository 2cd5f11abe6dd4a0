import { isType } from '../../zone/record.js';
import { recordWhere, tokenWhere, type Rule } from '../rule.js';

/** `SRV 0 0 0 .` is the RFC 6186 §3.4 "not offered"; port 0 with a real target sends clients to port 0. */
export const srvPortZero: Rule = {
  meta: {
    id: 'srv-port-zero',
    severity: 'error',
    description: 'An SRV record with port 0 and a real target (`SRV 0 0 0 .` is the correct "not offered")',
    source: 'RFC 2782, RFC 6335 §6 (port 0 is reserved), RFC 6186 §3.4',
    fixable: false,
  },
  create(context) {
    return {
      record(record) {
        if (!isType(record, 'SRV') || record.data.port !== 0 || record.data.target.isRoot) return;
        const token = record.rdataTokens[2];
        context.report({
          where: token ? tokenWhere(record, token) : recordWhere(record),
          message:
            `SRV ${record.owner} points clients at port 0 of ${record.data.target}: RFC 6186 and RFC 2782 clients connect ` +
            `to the port given; write the service's port, or \`SRV 0 0 0 .\` if the service is not offered (RFC 6186 §3.4)`,
        });
      },
    };
  },
};
