/**
 * Field kinds written as hex groups with separators: NSAP addresses (RFC 1706 §5, `0x` then hex,
 * dots allowed), EUI-48/EUI-64 (RFC 7043 §3.2, `xx-xx-...`) and ILNP 64-bit locators and node IDs
 * (RFC 6742 §2.3, four groups of 1..4 hex digits).
 */
import { latin1String } from '../bytes.js';
import { decodeHex, encodeHex } from './codecs.js';
import type { FieldKind } from './fields.js';
import { WireError } from './wire.js';

export const nsapAddress: FieldKind<Uint8Array> = {
  parse(cursor) {
    const token = cursor.take();
    if (!token) return undefined;
    const text = token.text;
    if (text.length > 2 && (text.startsWith('0x') || text.startsWith('0X'))) {
      const decoded = decodeHex(text.slice(2).split('.').join(''));
      if (decoded.ok && decoded.bytes.length > 0) return decoded.bytes;
    }
    cursor.problem(token, `"${text}" is not an NSAP address: 0x followed by an even number of hex digits (dots allowed)`);
    return undefined;
  },
  format: (value) => '0x' + encodeHex(value, true),
  toWire: (value, out) => out.bytes(value),
  fromWire(input) {
    if (input.remaining === 0) throw new WireError('empty NSAP address');
    return input.rest();
  },
};

/** An EUI of `octets` octets written as hex pairs joined by hyphens. */
export function eui(octets: 6 | 8): FieldKind<Uint8Array> {
  return {
    parse(cursor) {
      const token = cursor.take();
      if (!token) return undefined;
      const parts = token.text.split('-');
      if (parts.length === octets && parts.every((p) => p.length === 2)) {
        const decoded = decodeHex(parts.join(''));
        if (decoded.ok) return decoded.bytes;
      }
      cursor.problem(token, `"${token.text}" is not an EUI-${octets * 8}: ${octets} hex pairs joined by "-", such as ${'00-'.repeat(octets - 1)}2a`);
      return undefined;
    },
    format: (value) => [...value].map((b) => b.toString(16).padStart(2, '0')).join('-'),
    toWire: (value, out) => out.bytes(value),
    fromWire: (input) => input.bytes(octets),
  };
}

/** 64 bits as four colon-separated groups of 1..4 hex digits (NID, L64). */
export const ilnp64: FieldKind<Uint8Array> = {
  parse(cursor) {
    const token = cursor.take();
    if (!token) return undefined;
    const groups = token.text.split(':');
    if (groups.length === 4 && groups.every((g) => g.length >= 1 && g.length <= 4)) {
      const decoded = decodeHex(groups.map((g) => g.padStart(4, '0')).join(''));
      if (decoded.ok) return decoded.bytes;
    }
    cursor.problem(token, `"${token.text}" is not a 64-bit locator or node ID: four groups of 1..4 hex digits joined by ":", such as 2001:db8:1140:1000`);
    return undefined;
  },
  format(value) {
    const groups: string[] = [];
    for (let i = 0; i < 8; i += 2) groups.push((value[i]! * 256 + value[i + 1]!).toString(16));
    return groups.join(':');
  },
  toWire: (value, out) => out.bytes(value),
  fromWire: (input) => input.bytes(8),
};

const ATMA_AESA = 0; // ATM End System Address: hex octets
const ATMA_E164 = 1; // E.164 number: "+" then ASCII digits

/** ATMA (ATM Forum AF-DANS-0152.000): an AESA in hex, or "+" and an E.164 number; dots allowed in both. */
export const atmAddress: FieldKind<readonly [format: number, address: Uint8Array]> = {
  parse(cursor) {
    const token = cursor.take();
    if (!token) return undefined;
    const text = token.text.split('.').join('');
    if (text.startsWith('+')) {
      const digits = text.slice(1);
      if (digits.length > 0 && [...digits].every((c) => c >= '0' && c <= '9')) {
        return [ATMA_E164, Uint8Array.from(digits, (c) => c.charCodeAt(0))];
      }
    } else {
      const decoded = decodeHex(text);
      if (decoded.ok && decoded.bytes.length > 0) return [ATMA_AESA, decoded.bytes];
    }
    cursor.problem(token, `"${token.text}" is not an ATM address: hex octets (AESA) or "+" and digits (E.164), dots allowed`);
    return undefined;
  },
  format: ([format, address]) => (format === ATMA_E164 ? '+' + latin1String(address) : encodeHex(address, true)),
  toWire([format, address], out) {
    out.u8(format);
    out.bytes(address);
  },
  fromWire(input) {
    const format = input.u8();
    const address = input.rest();
    if (format > ATMA_E164 || address.length === 0) throw new WireError(`ATMA format ${format} with ${address.length} octets is not an address`);
    if (format === ATMA_E164 && !address.every((b) => b >= 0x30 && b <= 0x39)) throw new WireError('ATMA E.164 address with a non-digit');
    return [format, address];
  },
};
