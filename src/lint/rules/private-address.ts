import ipaddr from 'ipaddr.js';
import { isType } from '../../zone/record.js';
import { recordWhere, tokenWhere, type Rule } from '../rule.js';

/**
 * ipaddr.js range names that are unreachable from the public internet, with where they are defined.
 * The documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32) are "reserved"
 * there and deliberately absent: examples are supposed to use them.
 */
const NOT_PUBLIC: Record<string, string> = {
  private: 'RFC 1918 private',
  carrierGradeNat: 'RFC 6598 shared (CGNAT)',
  loopback: 'loopback (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3)',
  linkLocal: 'link-local (RFC 3927, RFC 4291 §2.5.6)',
  uniqueLocal: 'unique local (RFC 4193)',
  unspecified: 'unspecified (RFC 1122, RFC 4291 §2.5.2)',
};

/**
 * Every IPv4 range above is decided by the first 16 bits (the narrowest is a /16), so the answer is
 * remembered per `a.b` prefix: at most 65536 entries, and a big zone parses each prefix once.
 */
const byIpv4Prefix = new Map<string, string | undefined>();
/** Cheaper than ipaddr's validation, which builds an address object; bounded repeats only. */
export const DOTTED_QUAD = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Likewise for IPv6 whose first 16 bits are not zero: the ranges above that start there (fc00::/7,
 * fe80::/10) are decided by those bits, and no narrower ipaddr range inside them has another answer.
 * Addresses starting with zero bits (::1, ::, IPv4-mapped) are always classified in full.
 */
const byIpv6FirstGroup = new Map<number, string | undefined>();
const FIRST_GROUP = /^([0-9a-fA-F]{1,4}):/;

/**
 * The range name of an address that is not public, or undefined; IPv4-mapped IPv6 is judged as IPv4.
 * `valid`: the caller has checked the address (the parser has, for record data), so a remembered
 * answer for its first 16 bits can be used without ipaddr's validation, which costs microseconds.
 */
export function nonPublicRange(address: string, valid = false): string | undefined {
  if (DOTTED_QUAD.test(address)) {
    const prefix = address.slice(0, address.indexOf('.', address.indexOf('.') + 1));
    if (byIpv4Prefix.has(prefix)) return byIpv4Prefix.get(prefix);
    const range = classify(address);
    byIpv4Prefix.set(prefix, range);
    return range;
  }
  const group = FIRST_GROUP.exec(address);
  const first = group ? parseInt(group[1]!, 16) : 0;
  if (first === 0 || !(valid || ipaddr.IPv6.isValid(address))) return classify(address);
  if (byIpv6FirstGroup.has(first)) return byIpv6FirstGroup.get(first);
  const range = classify(address);
  byIpv6FirstGroup.set(first, range);
  return range;
}

function classify(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return NOT_PUBLIC[parsed.range()];
}

export const privateAddress: Rule = {
  meta: {
    id: 'private-address',
    severity: 'warning',
    description: 'An A or AAAA address that is private, CGNAT, unique-local, loopback or link-local (documentation ranges are fine)',
    source: 'RFC 1918, RFC 6598, RFC 4193, RFC 6890',
    fixable: false,
  },
  create(context) {
    return {
      record(record) {
        if (!isType(record, 'A') && !isType(record, 'AAAA')) return;
        // The parser has checked the address.
        const range = nonPublicRange(record.data.address, true);
        if (!range) return;
        const token = record.rdataTokens[0];
        context.report({
          where: token ? tokenWhere(record, token) : recordWhere(record),
          message: `${record.owner} has the ${range} address ${record.data.address}: reachable only inside its own network, wrong in a zone served on the public internet; publish the public address`,
        });
      },
    };
  },
};
