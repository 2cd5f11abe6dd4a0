/**
 * A6 (RFC 2874 §3, historic): prefix length P, the address bits after the prefix, and the name of
 * the prefix when P > 0. In wire form only the octets holding those bits are sent. As BIND does,
 * bits inside the prefix are cleared, P = 128 has no address, and P = 0 has no prefix name.
 */
import type { Name } from '../name.js';
import type { Rdata } from '../record.js';
import type { TypeCodec } from './codec.js';
import { formatIpv6, parseIpv6 } from './address.js';
import { ipv6, name, u8 } from './fields.js';
import { WireError } from './wire.js';

const MAX_PREFIX = 128;

/** Octets of the address suffix for prefix length `prefix`. */
function suffixOctets(prefix: number): number {
  return Math.ceil((MAX_PREFIX - prefix) / 8);
}

/** The address with its first `prefix` bits cleared. */
function clearPrefix(address: Uint8Array, prefix: number): Uint8Array {
  const out = address.slice();
  for (let bit = 0; bit < prefix; bit++) out[bit >> 3]! &= ~(0x80 >> (bit & 7));
  return out;
}

export const A6_CODEC: TypeCodec = {
  shape: 'prefixLength [addressSuffix] [prefixName]',
  parse(cursor): Rdata | undefined {
    cursor.field = 'prefixLength';
    const prefix = u8.parse(cursor);
    if (prefix === undefined) return undefined;
    if (prefix > MAX_PREFIX) {
      cursor.problem(cursor.tokens[0], `${prefix} is out of range 0..${MAX_PREFIX}`);
      return undefined;
    }
    let suffix = '::';
    if (prefix < MAX_PREFIX) {
      cursor.field = 'addressSuffix';
      const address = ipv6.parse(cursor);
      if (address === undefined) return undefined;
      suffix = formatIpv6(clearPrefix(parseIpv6(address)!, prefix));
    }
    let prefixName: Name | undefined;
    if (prefix > 0) {
      cursor.field = 'prefixName';
      prefixName = name.parse(cursor);
      if (prefixName === undefined) return undefined;
    }
    return prefixName ? { prefixLength: prefix, addressSuffix: suffix, prefixName } : { prefixLength: prefix, addressSuffix: suffix };
  },
  format(data, origin) {
    const prefix = data['prefixLength'] as number;
    // BIND prints an empty suffix for P = 128, hence two spaces before the name.
    const suffix = prefix < MAX_PREFIX ? ipv6.format(data['addressSuffix'] as string) : '';
    const prefixName = data['prefixName'] as Name | undefined;
    return prefixName ? `${prefix} ${suffix} ${name.format(prefixName, origin)}` : `${prefix} ${suffix}`;
  },
  toWire(data, out) {
    const prefix = data['prefixLength'] as number;
    out.u8(prefix);
    const address = parseIpv6(data['addressSuffix'] as string) ?? new Uint8Array(16);
    out.bytes(address.subarray(16 - suffixOctets(prefix)));
    const prefixName = data['prefixName'] as Name | undefined;
    if (prefix > 0 && prefixName) out.name(prefixName);
  },
  fromWire(input): Rdata {
    const prefix = input.u8();
    if (prefix > MAX_PREFIX) throw new WireError(`A6 prefix length ${prefix} is above ${MAX_PREFIX}`);
    const address = new Uint8Array(16);
    address.set(input.bytes(suffixOctets(prefix)), 16 - suffixOctets(prefix));
    const addressSuffix = formatIpv6(clearPrefix(address, prefix));
    if (formatIpv6(address) !== addressSuffix) throw new WireError('A6 address suffix has bits inside the prefix');
    return prefix > 0 ? { prefixLength: prefix, addressSuffix, prefixName: input.name() } : { prefixLength: prefix, addressSuffix };
  },
};
