/**
 * APL (RFC 3123): a list of address prefixes, each `[!]family:address/prefix`. In wire form the
 * address is cut after its last non-zero octet. An item is `[family, prefix, negated (0|1), octets]`.
 */
import { formatIpv4, formatIpv6, parseIpv4, parseIpv6 } from './address.js';
import type { FieldKind } from './fields.js';
import { field, parseDecimal } from './fields.js';
import type { Field } from './fields.js';
import { WireError } from './wire.js';

export type AplItem = readonly [family: number, prefix: number, negated: number, address: Uint8Array];

const FAMILY_IPV4 = 1;
const FAMILY_IPV6 = 2;
const ADDRESS_OCTETS: Readonly<Record<number, number>> = { [FAMILY_IPV4]: 4, [FAMILY_IPV6]: 16 };

function trimZeros(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.slice(0, end);
}

function parseItem(text: string): AplItem | string {
  const negated = text.startsWith('!') ? 1 : 0;
  const body = negated ? text.slice(1) : text;
  const colon = body.indexOf(':');
  const slash = body.lastIndexOf('/');
  if (colon < 0 || slash < colon) return 'write [!]family:address/prefix, such as 1:192.0.2.0/24 or 2:2001:db8::/32';
  const family = parseDecimal(body.slice(0, colon), 0xffff);
  const prefix = parseDecimal(body.slice(slash + 1), 255);
  const addressText = body.slice(colon + 1, slash);
  if (family !== FAMILY_IPV4 && family !== FAMILY_IPV6) return 'family must be 1 (IPv4) or 2 (IPv6)';
  const address = family === FAMILY_IPV4 ? parseIpv4(addressText) : parseIpv6(addressText);
  if (!address) return `"${addressText}" is not an ${family === FAMILY_IPV4 ? 'IPv4' : 'IPv6'} address`;
  const maxPrefix = address.length * 8;
  if (prefix === undefined || prefix > maxPrefix) return `prefix must be a number in 0..${maxPrefix}`;
  return [family, prefix, negated, trimZeros(address)];
}

function formatItem([family, prefix, negated, octets]: AplItem): string {
  const full = new Uint8Array(ADDRESS_OCTETS[family]!);
  full.set(octets);
  const address = family === FAMILY_IPV4 ? formatIpv4(full) : formatIpv6(full);
  return `${negated ? '!' : ''}${family}:${address}/${prefix}`;
}

const aplItems: FieldKind<readonly AplItem[]> = {
  parse(cursor) {
    const items: AplItem[] = [];
    let ok = true;
    for (const token of cursor.takeRest(true)) {
      const item = parseItem(token.text);
      if (typeof item === 'string') {
        cursor.problem(token, `"${token.text}": ${item}`);
        ok = false;
      } else items.push(item);
    }
    return ok ? items : undefined;
  },
  format: (value) => value.map(formatItem).join(' '),
  toWire(value, out) {
    for (const [family, prefix, negated, octets] of value) {
      out.u16(family);
      out.u8(prefix);
      out.u8((negated ? 0x80 : 0) | octets.length);
      out.bytes(octets);
    }
  },
  fromWire(input) {
    const items: AplItem[] = [];
    while (input.remaining > 0) {
      const family = input.u16();
      const prefix = input.u8();
      const lengthByte = input.u8();
      const octets = input.bytes(lengthByte & 0x7f);
      const size = ADDRESS_OCTETS[family];
      if (size === undefined) throw new WireError(`APL family ${family} is neither 1 nor 2`);
      if (octets.length > size || prefix > size * 8) throw new WireError(`APL item too long for family ${family}`);
      if (octets.length > 0 && octets[octets.length - 1] === 0) throw new WireError('APL address ends in a zero octet (RFC 3123 §4)');
      items.push([family, prefix, lengthByte & 0x80 ? 1 : 0, octets]);
    }
    return items;
  },
};

export const APL_FIELDS: readonly Field[] = [field('items', aplItems)];
