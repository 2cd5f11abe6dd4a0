/**
 * LOC (RFC 1876): a position written as degrees/minutes/seconds, altitude and three precisions,
 * stored as fixed-point numbers. The wire layout is a plain list of fields; the text forms are
 * read and printed here exactly as BIND's lib/dns/rdata/generic/loc_29.c does.
 */
import type { Token } from '../token.js';
import type { TypeCodec } from './codec.js';
import { fieldsCodec } from './codec.js';
import type { Cursor } from './cursor.js';
import { field, u32, u8 } from './fields.js';
import { ByteReader, WireError } from './wire.js';
import { genericText } from './codecs.js';
import type { Rdata } from '../record.js';

const EQUATOR = 0x80000000; // 2^31: latitude/longitude 0 (RFC 1876 §2)
const ALTITUDE_BASE = 10000000; // centimetres below the WGS 84 reference spheroid
const MAX_ALTITUDE_CM = 4284967295; // 2^32 - 1 - ALTITUDE_BASE
// BIND limits a precision's whole metres to 90000000 and lets the centimetres be anything: 90000000.99 m.
const MAX_PRECISION_CM = 9000000099;
const MS_PER_DEGREE = 3600000;
const DEFAULTS = { size: 0x12, horizontalPrecision: 0x16, verticalPrecision: 0x13 }; // 1 m, 10 km, 10 m

/** `first` and then `rest`, as one array (no spread into a call: `rest` may be any length). */
function prefixed(first: number, rest: Uint8Array): Uint8Array {
  const out = new Uint8Array(rest.length + 1);
  out[0] = first;
  out.set(rest, 1);
  return out;
}

/** The data of a LOC version other than 0, as it came: the version octet and the octets after it. */
function otherVersionWire(data: Rdata): Uint8Array {
  return prefixed(data['version'] as number, data['rest'] as Uint8Array);
}

const WIRE_LENGTH = 16;

const wire = fieldsCodec([
  field('version', u8),
  field('size', u8),
  field('horizontalPrecision', u8),
  field('verticalPrecision', u8),
  field('latitude', u32),
  field('longitude', u32),
  field('altitude', u32),
]);

/** A decimal with at most `decimals` digits after the point, scaled to an integer; optional sign. */
function parseFixed(text: string, decimals: number, allowNegative: boolean): number | undefined {
  let i = 0;
  let negative = false;
  if (allowNegative && text.startsWith('-')) {
    negative = true;
    i = 1;
  }
  let whole = 0;
  let wholeDigits = 0;
  for (; i < text.length && text[i] !== '.'; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39 || wholeDigits >= 12) return undefined;
    whole = whole * 10 + (c - 0x30);
    wholeDigits++;
  }
  let fraction = 0;
  let fractionDigits = 0;
  if (i < text.length) {
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39 || fractionDigits >= decimals) return undefined;
      fraction = fraction * 10 + (c - 0x30);
      fractionDigits++;
    }
  }
  if (wholeDigits === 0) return undefined;
  const scaled = whole * 10 ** decimals + fraction * 10 ** (decimals - fractionDigits);
  return negative ? -scaled : scaled;
}

/** Centimetres from "12.34m" / "12" (metres, two decimals). */
function parseMetres(text: string, allowNegative: boolean): number | undefined {
  const body = text.endsWith('m') || text.endsWith('M') ? text.slice(0, -1) : text;
  return parseFixed(body, 2, allowNegative);
}

/** RFC 1876 §2 "XeY" precision octet from centimetres, as BIND's precsize_aton rounds it. */
function precisionOctet(cm: number): number {
  let exponent = 0;
  while (exponent < 9 && cm >= 10 ** (exponent + 1)) exponent++;
  const mantissa = Math.min(9, Math.floor(cm / 10 ** exponent));
  return (mantissa << 4) | exponent;
}

function precisionText(octet: number): string {
  const mantissa = octet >> 4;
  const exponent = octet & 0x0f;
  return exponent >= 2 ? `${mantissa * 10 ** (exponent - 2)}m` : `0.${String(mantissa * 10 ** exponent).padStart(2, '0')}m`;
}

/** Reads `d [m [s.sss]] H` with H one of `hemispheres` (positive first); returns thousandths of arc-seconds from the equator/meridian, signed. */
function readAngle(cursor: Cursor, maxDegrees: number, hemispheres: readonly [string, string]): number | undefined {
  const hint = `write degrees [minutes [seconds]] then ${hemispheres.join(' or ')}, up to ${maxDegrees} degrees`;
  const parts: Token[] = [];
  for (;;) {
    const token = cursor.take();
    if (!token) return undefined;
    const upper = token.text.toUpperCase();
    if (upper === hemispheres[0] || upper === hemispheres[1]) {
      if (parts.length === 0) {
        cursor.problem(token, `has no degrees: ${hint}`);
        return undefined;
      }
      const [degrees, minutes, seconds] = [parts[0]!, parts[1], parts[2]];
      const d = parseFixed(degrees.text, 0, false);
      const m = minutes ? parseFixed(minutes.text, 0, false) : 0;
      const s = seconds ? parseFixed(seconds.text, 3, false) : 0;
      if (d === undefined || d > maxDegrees) cursor.problem(degrees, `degrees "${degrees.text}" is not a whole number in 0..${maxDegrees}`);
      else if (m === undefined || m > 59) cursor.problem(minutes, `minutes "${minutes?.text}" is not a whole number in 0..59`);
      else if (s === undefined || s > 59999) cursor.problem(seconds, `seconds "${seconds?.text}" is not a number in 0..59.999`);
      else {
        const total = d * MS_PER_DEGREE + m * 60000 + s;
        if (total > maxDegrees * MS_PER_DEGREE) cursor.problem(degrees, `is beyond ${maxDegrees} degrees`);
        else return upper === hemispheres[0] ? total : -total;
      }
      return undefined;
    }
    // A word that is no number ends the angle early: name it rather than the token after it.
    const numeric = token.text.length > 0 && [...token.text].every((c) => (c >= '0' && c <= '9') || c === '.');
    if (parts.length === 3 || !numeric) {
      cursor.problem(token, `"${token.text}" where ${parts.length === 0 ? 'degrees were' : `${hemispheres.join(' or ')} was`} expected: ${hint}`);
      return undefined;
    }
    parts.push(token);
  }
}

function readMetres(cursor: Cursor, token: Token, min: number, max: number, what: string): number | undefined {
  const cm = parseMetres(token.text, min < 0);
  if (cm !== undefined && cm >= min && cm <= max) return cm;
  cursor.problem(token, `"${token.text}" is not ${what} in metres from ${min / 100} to ${Math.floor(max / 100)}${max % 100 ? `.${max % 100}` : ''} (at most two decimals, optional "m")`);
  return undefined;
}

function angleText(value: number, hemispheres: readonly [string, string]): string {
  const positive = value >= EQUATOR; // BIND prints 0 as N / E
  let ms = positive ? value - EQUATOR : EQUATOR - value;
  const thousandths = ms % 1000;
  ms = Math.floor(ms / 1000);
  const seconds = ms % 60;
  ms = Math.floor(ms / 60);
  const minutes = ms % 60;
  const degrees = Math.floor(ms / 60);
  return `${degrees} ${minutes} ${seconds}.${String(thousandths).padStart(3, '0')} ${positive ? hemispheres[0] : hemispheres[1]}`;
}

const LATITUDE: readonly [string, string] = ['N', 'S'];
const LONGITUDE: readonly [string, string] = ['E', 'W'];
const PRECISIONS = ['size', 'horizontalPrecision', 'verticalPrecision'] as const;

export const LOC_CODEC: TypeCodec = {
  shape: 'd1 [m1 [s1]] N|S d2 [m2 [s2]] E|W altitude[m] [size[m] [hp[m] [vp[m]]]]',
  parse(cursor) {
    cursor.field = 'latitude';
    const latitude = readAngle(cursor, 90, LATITUDE);
    if (cursor.exhausted) return undefined;
    cursor.field = 'longitude';
    const longitude = readAngle(cursor, 180, LONGITUDE);
    if (cursor.exhausted) return undefined;
    cursor.field = 'altitude';
    const altitudeToken = cursor.take();
    if (!altitudeToken) return undefined;
    const altitude = readMetres(cursor, altitudeToken, -ALTITUDE_BASE, MAX_ALTITUDE_CM, 'an altitude');
    const precisions: Record<string, number> = { ...DEFAULTS };
    let ok = latitude !== undefined && longitude !== undefined && altitude !== undefined;
    for (const key of PRECISIONS) {
      const token = cursor.peek();
      if (!token) break;
      cursor.index++;
      cursor.field = key;
      const cm = readMetres(cursor, token, 0, MAX_PRECISION_CM, 'a precision');
      if (cm === undefined) ok = false;
      else precisions[key] = precisionOctet(cm);
    }
    if (!ok) return undefined;
    return {
      version: 0,
      ...precisions,
      latitude: EQUATOR + latitude!,
      longitude: EQUATOR + longitude!,
      altitude: altitude! + ALTITUDE_BASE,
    };
  },
  format(data) {
    if (data['version'] !== 0) return genericText(otherVersionWire(data));
    const altitudeRaw = data['altitude'] as number;
    const below = altitudeRaw < ALTITUDE_BASE;
    const cm = below ? ALTITUDE_BASE - altitudeRaw : altitudeRaw - ALTITUDE_BASE;
    const altitude = `${below ? '-' : ''}${Math.floor(cm / 100)}.${String(cm % 100).padStart(2, '0')}m`;
    return [
      angleText(data['latitude'] as number, LATITUDE),
      angleText(data['longitude'] as number, LONGITUDE),
      altitude,
      ...PRECISIONS.map((key) => precisionText(data[key] as number)),
    ].join(' ');
  },
  toWire(data, out) {
    if (data['version'] === 0) wire.toWire(data, out);
    else out.bytes(otherVersionWire(data));
  },
  fromWire(input) {
    // A version other than 0 has no known layout: BIND keeps it whole and prints it as \# data.
    const version = input.u8();
    if (version !== 0) return { version, rest: input.rest() };
    const data = wire.fromWire(new ByteReader(prefixed(0, input.bytes(WIRE_LENGTH - 1))));
    for (const key of PRECISIONS) {
      const octet = data[key] as number;
      if (octet >> 4 > 9 || (octet & 0x0f) > 9) throw new WireError(`LOC ${key} octet ${octet} is not a valid XeY value`);
    }
    const off = (value: number): number => Math.abs(value - EQUATOR);
    if (off(data['latitude'] as number) > 90 * MS_PER_DEGREE) throw new WireError('LOC latitude beyond 90 degrees');
    if (off(data['longitude'] as number) > 180 * MS_PER_DEGREE) throw new WireError('LOC longitude beyond 180 degrees');
    return data;
  },
};
