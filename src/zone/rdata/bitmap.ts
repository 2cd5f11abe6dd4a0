/**
 * Plain bitmaps of small numbers, most significant bit first (RFC 1035 §3.4.2 WKS ports, RFC 2535
 * NXT types, and each window of an RFC 4034 §4.1.2 type bitmap).
 */
import { WireError } from './wire.js';

/** The octets of a bitmap with the bits of `sorted` set; as short as the highest number allows. */
export function bitmapOctets(sorted: readonly number[], base = 0): Uint8Array {
  if (sorted.length === 0) return new Uint8Array(0);
  const bits = new Uint8Array(((sorted[sorted.length - 1]! - base) >> 3) + 1);
  for (const n of sorted) bits[(n - base) >> 3]! |= 0x80 >> ((n - base) & 7);
  return bits;
}

/**
 * The numbers whose bits are set, ascending, each plus `base`. A bitmap ending in a zero octet is
 * refused, as BIND refuses it: printed and read back it would be shorter, so not the same data.
 */
export function bitmapMembers(bits: Uint8Array, base = 0): number[] {
  if (bits[bits.length - 1] === 0) throw new WireError('bitmap ends in a zero octet');
  const members: number[] = [];
  for (let octet = 0; octet < bits.length; octet++) {
    for (let bit = 0; bit < 8; bit++) if (bits[octet]! & (0x80 >> bit)) members.push(base + octet * 8 + bit);
  }
  return members;
}
