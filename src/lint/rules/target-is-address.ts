import ipaddr from 'ipaddr.js';
import { targetToken } from '../zone-index.js';
import { DOTTED_QUAD } from './private-address.js';
import { Name } from '../../zone/name.js';
import type { ParsedRecord } from '../../zone/parser.js';
import { recordWhere, tokenWhere, type Rule } from '../rule.js';

const TARGET_FIELD: Readonly<Record<string, string>> = { MX: 'exchange', NS: 'target', SRV: 'target', CNAME: 'target' };

/** The target name of an MX, NS, SRV or CNAME record as its presentation text, when it has one. */
function targetText(record: ParsedRecord): string | undefined {
  const field = TARGET_FIELD[record.type];
  const target = field === undefined ? undefined : record.data[field];
  return target instanceof Name && !target.isRoot ? target.toString() : undefined;
}

/** An MX, NS, SRV or CNAME whose target is written as an IP address: it becomes a name such as 192.0.2.1.example.com. */
export const targetIsAddress: Rule = {
  meta: {
    id: 'target-is-address',
    severity: 'error',
    description: 'An MX, NS, SRV or CNAME target written as an IP address instead of a host name',
    source: 'RFC 1035 §3.3.9, §3.3.11, RFC 2782, RFC 1912 §2.4',
    fixable: false,
  },
  create(context) {
    return {
      record(record) {
        const token = record.type === 'CNAME' ? record.rdataTokens[0] : targetToken(record);
        // A record resolved from a spec has no tokens: its target name, printed, is what a zone file would hold.
        const written = token?.text ?? targetText(record);
        if (written === undefined) return;
        const text = written.endsWith('.') ? written.slice(0, -1) : written;
        // Only text that already looks like an address is handed to ipaddr.js (which is costly per call).
        const isAddress = DOTTED_QUAD.test(text) ? ipaddr.IPv4.isValidFourPartDecimal(text) : text.includes(':') && ipaddr.IPv6.isValid(text);
        if (!isAddress) return;
        context.report({
          where: token ? tokenWhere(record, token) : recordWhere(record),
          message:
            `the ${record.type} target \`${written}\` is an address, but ${record.type} needs a host name; ` +
            `give the address a name (\`mail A ${text}\`) and point the ${record.type} at that name`,
        });
      },
    };
  },
};
