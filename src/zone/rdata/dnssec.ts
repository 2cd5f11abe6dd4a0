/**
 * Field kinds of the DNSSEC types: type bitmaps (RFC 4034 §4.1.2, and RFC 2535's older NXT form),
 * covered types, signature times (RFC 4034 §3.2) and the algorithm and digest mnemonics BIND accepts.
 */
import type { FieldKind } from './fields.js';
import { parseDecimal, readUint } from './fields.js';
import { isKnownCode, typeCodeOf, typeMnemonic } from './codes.js';
import { WireError } from './wire.js';
import { bitmapMembers, bitmapOctets } from './bitmap.js';
import type { Cursor } from './cursor.js';
import type { Token } from '../token.js';

/** DNSSEC algorithm numbers (RFC 4034 App. A.1 and later), by BIND's names. */
export const SECURITY_ALGORITHMS: Readonly<Record<string, number>> = {
  RSAMD5: 1, DH: 2, DSA: 3, ECC: 4, RSASHA1: 5, NSEC3DSA: 6, NSEC3RSASHA1: 7, RSASHA256: 8,
  RSASHA512: 10, ECCGOST: 12, ECDSAP256SHA256: 13, ECDSAP384SHA384: 14, ED25519: 15, ED448: 16,
  INDIRECT: 252, PRIVATEDNS: 253, PRIVATEOID: 254,
};

/** DS digest types (RFC 4034 §5.1.3 and the IANA registry), by BIND's names. */
export const DIGEST_TYPES: Readonly<Record<string, number>> = {
  'SHA-1': 1, SHA1: 1, 'SHA-256': 2, SHA256: 2, GOST: 3, 'SHA-384': 4, SHA384: 4,
};

function readType(cursor: Cursor, token: Token): number | undefined {
  const code = typeCodeOf(token.text);
  if (code === undefined) cursor.problem(token, `"${token.text}" is not an RR type (a mnemonic such as A or MX, or TYPEnnn)`);
  return code;
}

/** One RR type, by mnemonic (RRSIG type covered, DSYNC type). */
export const rrType: FieldKind<number> = {
  parse(cursor) {
    const token = cursor.take();
    return token && readType(cursor, token);
  },
  format: (value) => typeMnemonic(value),
  toWire: (value, out) => out.u16(value),
  fromWire: (input) => input.u16(),
};

function uniqueSorted(codes: number[]): number[] {
  return [...new Set(codes)].sort((a, b) => a - b);
}

/** Windowed type bitmap to the end of the data (NSEC, NSEC3, CSYNC); empty only where `allowEmpty`. */
function windowedBitmap(allowEmpty: boolean): FieldKind<readonly number[]> {
  return {
    parse(cursor) {
      const codes: number[] = [];
      let ok = true;
      for (const token of cursor.takeRest(allowEmpty)) {
        const code = readType(cursor, token);
        if (code === undefined) ok = false;
        else codes.push(code);
      }
      return ok && (allowEmpty || codes.length > 0) ? uniqueSorted(codes) : undefined;
    },
    format: (value) => value.map(typeMnemonic).join(' '),
    toWire(value, out) {
      let i = 0;
      while (i < value.length) {
        const window = value[i]! >> 8;
        let end = i;
        while (end < value.length && value[end]! >> 8 === window) end++;
        const bits = bitmapOctets(value.slice(i, end), window * 256);
        out.u8(window);
        out.u8(bits.length);
        out.bytes(bits);
        i = end;
      }
    },
    fromWire(input) {
      const codes: number[] = [];
      let lastWindow = -1;
      while (input.remaining > 0) {
        const window = input.u8();
        const length = input.u8();
        if (window <= lastWindow) throw new WireError('type bitmap windows out of order');
        if (length < 1 || length > 32) throw new WireError(`type bitmap window length ${length} outside 1..32`);
        lastWindow = window;
        for (const code of bitmapMembers(input.bytes(length), window * 256)) codes.push(code);
      }
      if (codes.length === 0 && !allowEmpty) throw new WireError('empty type bitmap');
      return codes;
    },
  };
}

/** NSEC lists at least one type (BIND refuses an empty bitmap); NSEC3 and CSYNC may list none. */
export const typeBitmap = windowedBitmap(false);
export const typeBitmapOrNone = windowedBitmap(true);

/**
 * RFC 2535 §5.2 NXT bitmap: one plain bitmap of types 1..127, no windows. As in BIND, a type is
 * also accepted as a plain number, and types without a mnemonic are printed as numbers.
 */
const MAX_NXT_TYPE = 127;

export const nxtBitmap: FieldKind<readonly number[]> = {
  parse(cursor) {
    const codes: number[] = [];
    let ok = true;
    for (const token of cursor.takeRest(true)) {
      const plain = parseDecimal(token.text, 0xffff);
      const code = plain ?? readType(cursor, token);
      if (code === undefined) ok = false;
      else if (code < 1 || code > MAX_NXT_TYPE) {
        cursor.problem(token, `${token.text} cannot be listed: an NXT bitmap holds types 1..127 only`);
        ok = false;
      } else codes.push(code);
    }
    return ok ? uniqueSorted(codes) : undefined;
  },
  format: (value) => value.map((code) => (isKnownCode(code) ? typeMnemonic(code) : String(code))).join(' '),
  toWire: (value, out) => out.bytes(bitmapOctets(value)),
  fromWire(input) {
    const codes = bitmapMembers(input.rest());
    if (codes.some((code) => code < 1 || code > MAX_NXT_TYPE)) throw new WireError('NXT bitmap holds a type outside 1..127');
    return codes;
  },
};

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const TWO_32 = 0x100000000;

/** YYYYMMDDHHMMSS (UTC) to seconds since 1970 (negative before), or undefined when it is no date. */
function parseTimestamp(text: string): number | undefined {
  const part = (from: number, to: number): number => Number(text.slice(from, to));
  const [year, month, day, hour, minute, second] = [part(0, 4), part(4, 6), part(6, 8), part(8, 10), part(10, 12), part(12, 14)];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return undefined;
  const monthDays = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day < 1 || day > monthDays) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0..99 as 1900..1999
  date.setUTCHours(hour, minute, second);
  return date.getTime() / 1000;
}

/**
 * BIND prints a 32-bit time as the date nearest to "now" in serial arithmetic (RFC 4034 §3.1.5).
 * Output must not depend on the day it is made, so "now" is pinned to 2024-01-01: the printed
 * dates are BIND's for every time between 1956 and 2092.
 */
const PRINT_PIVOT = 1704067200;

function formatTimestamp(value: number): string {
  const seconds = value - PRINT_PIVOT >= 0x80000000 ? value - TWO_32 : value;
  const d = new Date(seconds * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    String(d.getUTCFullYear()).padStart(4, '0') +
    two(d.getUTCMonth() + 1) +
    two(d.getUTCDate()) +
    two(d.getUTCHours()) +
    two(d.getUTCMinutes()) +
    two(d.getUTCSeconds())
  );
}

/** Signature expiration/inception: YYYYMMDDHHMMSS, or seconds since 1970; 32-bit serial arithmetic. */
export const signatureTime: FieldKind<number> = {
  parse(cursor) {
    const token = cursor.take();
    if (!token) return undefined;
    const text = token.text;
    if (text.length === 14) {
      let digits = true;
      for (let i = 0; i < 14; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x30 || c > 0x39) digits = false;
      }
      const seconds = digits ? parseTimestamp(text) : undefined;
      // Dates outside 1970..2106 wrap around, as BIND stores them (32-bit serial arithmetic).
      if (seconds !== undefined) return ((seconds % TWO_32) + TWO_32) % TWO_32;
      cursor.problem(token, `"${text}" is not a time: write YYYYMMDDHHMMSS (UTC) or seconds since 1970`);
      return undefined;
    }
    return readUint(cursor, token, 0xffffffff);
  },
  format: (value) => formatTimestamp(value),
  toWire: (value, out) => out.u32(value),
  fromWire: (input) => input.u32(),
};
