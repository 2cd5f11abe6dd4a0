/**
 * Field kinds: how one field of record data is read from tokens, printed as BIND prints it,
 * written to and read from wire form. A type is an ordered list of named fields of these kinds
 * (see types.ts); the generic walker in rdata.ts does the rest.
 */
import { latin1String } from '../bytes.js';
import { Name } from '../name.js';
import type { RdataValue } from '../record.js';
import { parseTtl } from '../ttl.js';
import type { Token } from '../token.js';
import { formatIpv4, formatIpv6, parseIpv4, parseIpv6 } from './address.js';
import {
  type Decoded,
  decodeBase32Hex,
  decodeBase64,
  decodeHex,
  encodeBase32Hex,
  encodeBase64,
  encodeHex,
  quoteOctets,
  splitWords,
  unescapeOctets,
} from './codecs.js';
import type { Cursor } from './cursor.js';
import { ByteReader, ByteWriter, WireError } from './wire.js';

export interface FieldKind<V extends RdataValue = RdataValue> {
  /** Reads the field from the cursor; reports problems there and returns undefined on failure. */
  parse(cursor: Cursor): V | undefined;
  /** Presentation form; an empty string means "nothing to print" (an empty type bitmap). */
  format(value: V, origin?: Name): string;
  toWire(value: V, out: ByteWriter): void;
  /** Throws WireError on malformed data (caught where `\#` data is decoded). */
  fromWire(input: ByteReader): V;
}

export interface Field {
  readonly name: string;
  readonly kind: FieldKind;
}

/** Widens a typed kind to the table's element type (values are checked by the kind itself). */
export function field<V extends RdataValue>(name: string, kind: FieldKind<V>): Field {
  return { name, kind: kind as unknown as FieldKind };
}

/**
 * Data built in code (the generator's) is printed into zone files: a value no reading could give is
 * a programming error, thrown rather than written, so no garbage or injected text reaches a file.
 */
function badData(what: string): never {
  throw new Error(`record data holds ${what}`);
}

/* ---- integers ---- */

/** Strict decimal: digits only (no sign, no hex, no wrapping), or undefined. */
export function parseDecimal(text: string, max: number): number | undefined {
  if (text.length === 0) return undefined;
  // Leading zeros count for nothing, however many (BIND reads numbers with strtoul).
  let start = 0;
  while (start < text.length - 1 && text.charCodeAt(start) === 0x30) start++;
  if (text.length - start > 15) return undefined;
  let value = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
    value = value * 10 + (c - 0x30);
  }
  return value <= max ? value : undefined;
}

function isAllDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Reads an unsigned integer token, with the range in the message when it is not one. */
export function readUint(cursor: Cursor, token: Token, max: number): number | undefined {
  const value = parseDecimal(token.text, max);
  if (value !== undefined) return value;
  if (isAllDigits(token.text)) cursor.problem(token, `${token.text} is out of range 0..${max}`);
  else cursor.problem(token, `"${token.text}" is not a decimal number in 0..${max}`);
  return undefined;
}

function uint(bytes: 1 | 2 | 4): FieldKind<number> {
  const max = bytes === 1 ? 0xff : bytes === 2 ? 0xffff : 0xffffffff;
  const checked = (value: number): number =>
    Number.isInteger(value) && value >= 0 && value <= max ? value : badData(`${value}, not an integer in 0..${max}`);
  const write = bytes === 1 ? (v: number, out: ByteWriter) => out.u8(v) : bytes === 2 ? (v: number, out: ByteWriter) => out.u16(v) : (v: number, out: ByteWriter) => out.u32(v);
  return {
    parse(cursor) {
      const token = cursor.take();
      return token && readUint(cursor, token, max);
    },
    format: (value) => String(checked(value)),
    toWire: (value, out) => write(checked(value), out),
    fromWire: bytes === 1 ? (input) => input.u8() : bytes === 2 ? (input) => input.u16() : (input) => input.u32(),
  };
}

export const u8 = uint(1);
export const u16 = uint(2);
export const u32 = uint(4);

/** SOA timers: seconds, or BIND's units (`1h30m`); printed as plain seconds, as BIND dumps them. */
export const duration: FieldKind<number> = {
  parse(cursor) {
    const token = cursor.take();
    if (!token) return undefined;
    const result = parseTtl(token.text);
    if (result.ok) return result.value;
    cursor.problem(token, result.error);
    return undefined;
  },
  format: u32.format,
  toWire: u32.toWire,
  fromWire: u32.fromWire,
};

/**
 * An 8- or 16-bit number that may also be written as a mnemonic (DNSSEC algorithm names, CERT types,
 * DSYNC schemes). `printMnemonic` follows BIND: some fields are printed by name, most by number.
 */
export function mnemonicUint(bytes: 1 | 2, names: Readonly<Record<string, number>>, printMnemonic: boolean): FieldKind<number> {
  const base = uint(bytes);
  const max = bytes === 1 ? 0xff : 0xffff;
  // Maps, not the object: a token such as "constructor" must not find Object.prototype's members.
  const byName = new Map(Object.entries(names));
  const byValue = new Map<number, string>();
  for (const [name, value] of byName) if (!byValue.has(value)) byValue.set(value, name);
  return {
    parse(cursor) {
      const token = cursor.take();
      if (!token) return undefined;
      const named = byName.get(token.text.toUpperCase());
      if (named !== undefined) return named;
      if (isAllDigits(token.text)) return readUint(cursor, token, max);
      cursor.problem(token, `"${token.text}" is neither a number in 0..${max} nor one of ${[...byValue.values()].join(', ')}`);
      return undefined;
    },
    format: printMnemonic ? (value) => byValue.get(value) ?? String(value) : base.format,
    toWire: base.toWire,
    fromWire: base.fromWire,
  };
}

/* ---- names and addresses ---- */

export const name: FieldKind<Name> = {
  parse(cursor) {
    const token = cursor.take();
    if (!token) return undefined;
    if (token.quoted) {
      // BIND reads a domain name in record data only unquoted ("unexpected token"/"unbalanced quotes").
      cursor.problem(token, `"${token.text}" is quoted, and a domain name in record data cannot be: BIND refuses it; remove the quotes`);
      return undefined;
    }
    const result = Name.parse(token.text, cursor.origin);
    if (result.ok) return result.name;
    cursor.problem(token, `"${token.text}" is not a domain name: ${result.error}`);
    return undefined;
  },
  format: (value, origin) => (origin ? value.relativeTo(origin) : value.toString()),
  toWire: (value, out) => out.name(value),
  fromWire: (input) => input.name(),
};

export const ipv4: FieldKind<string> = {
  parse(cursor) {
    const token = cursor.take();
    if (!token) return undefined;
    const bytes = parseIpv4(token.text);
    if (bytes) return token.text;
    cursor.problem(token, `"${token.text}" is not an IPv4 address (four decimal numbers 0..255 without leading zeros, such as 192.0.2.1)`);
    return undefined;
  },
  format: (value) => (parseIpv4(value) ? value : badData(`"${value}" as an IPv4 address`)),
  toWire: (value, out) => out.bytes(parseIpv4(value) ?? badData(`"${value}" as an IPv4 address`)),
  fromWire: (input) => formatIpv4(input.bytes(4)),
};

export const ipv6: FieldKind<string> = {
  parse(cursor) {
    const token = cursor.take();
    if (!token) return undefined;
    const bytes = parseIpv6(token.text);
    if (bytes) return formatIpv6(bytes);
    cursor.problem(token, `"${token.text}" is not an IPv6 address (eight groups of up to four hex digits, one "::" at most, such as 2001:db8::1)`);
    return undefined;
  },
  // Canonical (RFC 5952) whatever form the value was built in.
  format: (value) => formatIpv6(parseIpv6(value) ?? badData(`"${value}" as an IPv6 address`)),
  toWire: (value, out) => out.bytes(parseIpv6(value) ?? badData(`"${value}" as an IPv6 address`)),
  fromWire: (input) => formatIpv6(input.bytes(16)),
};

/* ---- character-strings ---- */

export const MAX_CHARACTER_STRING = 255;

function readOctets(cursor: Cursor, token: Token, max: number): Uint8Array | undefined {
  const decoded = unescapeOctets(token.text);
  if (!decoded.ok) {
    cursor.problem(token, `"${token.text}": ${decoded.error}`);
    return undefined;
  }
  if (decoded.bytes.length > max) {
    cursor.problem(token, `is ${decoded.bytes.length} octets long; a character-string holds at most ${max} (split it into several quoted strings)`);
    return undefined;
  }
  return decoded.bytes;
}

function writeCharacterString(value: Uint8Array, out: ByteWriter): void {
  out.u8(value.length);
  out.bytes(value);
}

function readCharacterString(input: ByteReader): Uint8Array {
  return input.bytes(input.u8());
}

/** One <character-string> (RFC 1035 §3.3): up to 255 octets, printed quoted. */
export const characterString: FieldKind<Uint8Array> = {
  parse(cursor) {
    const token = cursor.take();
    return token && readOctets(cursor, token, MAX_CHARACTER_STRING);
  },
  format: (value) => quoteOctets(value),
  toWire: writeCharacterString,
  fromWire: readCharacterString,
};

/** `min`..`max` character-strings up to the end of the data (TXT, SPF, ISDN). */
export function characterStrings(min: number, max = Infinity): FieldKind<readonly Uint8Array[]> {
  return {
    parse(cursor) {
      const tokens = cursor.takeRest(min === 0);
      if (tokens.length < min) return undefined;
      if (tokens.length > max) cursor.problem(tokens[max], `takes at most ${max} character-strings`);
      const strings: Uint8Array[] = [];
      let ok = true;
      for (const token of tokens) {
        const bytes = readOctets(cursor, token, MAX_CHARACTER_STRING);
        if (bytes) strings.push(bytes);
        else ok = false;
      }
      return ok && tokens.length <= max ? strings : undefined;
    },
    format: (value) => value.map(quoteOctets).join(' '),
    toWire: (value, out) => {
      for (const s of value) writeCharacterString(s, out);
    },
    fromWire: (input) => {
      const strings: Uint8Array[] = [];
      while (input.remaining > 0) strings.push(readCharacterString(input));
      if (strings.length < min || strings.length > max) {
        const allowed = max === Infinity ? `at least ${min}` : `${min}..${max}`;
        throw new WireError(`${strings.length} character-strings where ${allowed} are allowed`);
      }
      return strings;
    },
  };
}

/**
 * Octets to the end of the data without a length octet, written as one string (CAA value, URI
 * target). BIND insists on quotes around a URI target, not around a CAA value.
 */
export function trailingString(mustBeQuoted: boolean): FieldKind<Uint8Array> {
  return {
    parse(cursor) {
      const token = cursor.take();
      if (token && mustBeQuoted && !token.quoted) {
        cursor.problem(token, `must be in double quotes: "${token.text}"`);
        return undefined;
      }
      return token && readOctets(cursor, token, 65535);
    },
    format: (value) => quoteOctets(value),
    toWire: (value, out) => out.bytes(value),
    fromWire: (input) => input.rest(),
  };
}

function isPsdnAddress(value: Uint8Array): boolean {
  return value.length >= 4 && value.every((b) => b >= 0x30 && b <= 0x39);
}

/** An X.25 PSDN address (RFC 1183 §3.1): a character-string of at least four decimal digits. */
export const psdnAddress: FieldKind<Uint8Array> = {
  ...characterString,
  parse(cursor) {
    const start = cursor.index;
    const value = characterString.parse(cursor);
    if (value === undefined) return undefined;
    if (isPsdnAddress(value)) return value;
    cursor.problem(cursor.tokens[start], 'must be at least four decimal digits (an X.121 PSDN address)');
    return undefined;
  },
  fromWire(input) {
    const value = readCharacterString(input);
    if (!isPsdnAddress(value)) throw new WireError('X25 address is not four or more decimal digits');
    return value;
  },
};

/* ---- binary data ---- */

function joinTexts(tokens: readonly Token[]): string {
  return tokens.length === 1 ? tokens[0]!.text : tokens.map((t) => t.text).join('');
}

/**
 * Binary data to the end of the record, written in one text encoding across any number of tokens;
 * `emptyText` (DOA's "-") stands for no data.
 */
function binaryRest(
  encoding: string,
  decode: (text: string) => Decoded,
  encode: (bytes: Uint8Array) => string,
  allowEmpty: boolean,
  emptyText?: string,
): FieldKind<Uint8Array> {
  return {
    parse(cursor) {
      const tokens = cursor.takeRest(allowEmpty);
      if (tokens.length === 0) return allowEmpty ? new Uint8Array(0) : undefined;
      if (emptyText !== undefined && tokens.length === 1 && tokens[0]!.text === emptyText) return new Uint8Array(0);
      const decoded = decode(joinTexts(tokens));
      if (decoded.ok) return decoded.bytes;
      cursor.problem(tokens[0], `is not valid ${encoding}: ${decoded.error}`);
      return undefined;
    },
    // BIND's dump breaks long data into words joined by single spaces.
    format: (value) => (value.length === 0 && emptyText !== undefined ? emptyText : splitWords(encode(value))),
    toWire: (value, out) => out.bytes(value),
    fromWire(input) {
      const bytes = input.rest();
      if (bytes.length === 0 && !allowEmpty && emptyText === undefined) throw new WireError(`no ${encoding} data`);
      return bytes;
    },
  };
}

/** Base64 to the end of the data, spaces allowed (keys, signatures). */
export function base64Rest(allowEmpty = false): FieldKind<Uint8Array> {
  return binaryRest('base64', decodeBase64, encodeBase64, allowEmpty);
}

/** Base64 to the end of the data, or "-" for none (DOA data). */
export const base64OrDash = binaryRest('base64 or "-"', decodeBase64, encodeBase64, false, '-');

/** Hex to the end of the data, spaces allowed (digests, fingerprints); printed upper case. */
export function hexRest(allowEmpty = false): FieldKind<Uint8Array> {
  return binaryRest('hex', decodeHex, (bytes) => encodeHex(bytes), allowEmpty);
}

/**
 * Binary data in one token with a length octet in wire form: 1..255 octets, or also none when
 * `emptyText` stands for it (NSEC3 salt `-`, RFC 5155 §3.3; NSEC3 next hashed owner in base32hex).
 */
function shortBinary(
  encoding: string,
  decode: (text: string) => Decoded,
  encode: (bytes: Uint8Array) => string,
  emptyText?: string,
): FieldKind<Uint8Array> {
  const minOctets = emptyText === undefined ? 1 : 0;
  const what = emptyText === undefined ? encoding : `${encoding} or "${emptyText}"`;
  return {
    parse(cursor) {
      const token = cursor.take();
      if (!token) return undefined;
      if (emptyText !== undefined && token.text === emptyText) return new Uint8Array(0);
      const decoded = decode(token.text);
      if (!decoded.ok) cursor.problem(token, `is not ${what}: ${decoded.error}`);
      else if (decoded.bytes.length < minOctets || decoded.bytes.length > 255) cursor.problem(token, `must be ${minOctets}..255 octets`);
      else return decoded.bytes;
      return undefined;
    },
    format: (value) => (value.length === 0 && emptyText !== undefined ? emptyText : encode(value)),
    toWire: writeCharacterString,
    fromWire(input) {
      const bytes = readCharacterString(input);
      if (bytes.length < minOctets) throw new WireError(`empty ${encoding} field`);
      return bytes;
    },
  };
}

export const salt = shortBinary('hex', decodeHex, (bytes) => encodeHex(bytes), '-');
export const base32Hex = shortBinary('base32hex', decodeBase32Hex, encodeBase32Hex);

function isPropertyTag(text: string): boolean {
  if (text.length === 0 || text.length > 255) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 0x20;
    if (!((lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

/** A CAA property tag (RFC 8659 §4.1): 1..255 letters and digits, with a length octet in wire form. */
export const propertyTag: FieldKind<string> = {
  parse(cursor) {
    const token = cursor.take();
    if (!token) return undefined;
    if (!token.quoted && isPropertyTag(token.text)) return token.text;
    cursor.problem(token, `"${token.text}" is not a property tag: 1..255 letters and digits, such as issue, issuewild or iodef`);
    return undefined;
  },
  format: (value) => (isPropertyTag(value) ? value : badData(`"${value}" as a CAA tag`)),
  toWire(value, out) {
    if (!isPropertyTag(value)) badData(`"${value}" as a CAA tag`);
    out.u8(value.length);
    for (let i = 0; i < value.length; i++) out.u8(value.charCodeAt(i));
  },
  fromWire(input) {
    const tag = latin1String(input.bytes(input.u8()));
    if (!isPropertyTag(tag)) throw new WireError(tag.length === 0 ? 'empty CAA tag' : 'CAA tag of other than letters and digits');
    return tag;
  },
};
