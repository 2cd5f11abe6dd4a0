/**
 * Record data: one declaration per RR type (its fields and their kinds, in src/zone/rdata/types.ts),
 * and the generic readers, printers and wire encoders that walk those declarations. This file is
 * the interface the parser, the generator and the linter use.
 */
import type { Name } from './name.js';
import type { Rdata } from './record.js';
import type { Token } from './token.js';
import { decodeHex, genericText } from './rdata/codecs.js';
import { typeCodeOf, typeMnemonic } from './rdata/codes.js';
import { Cursor } from './rdata/cursor.js';
import { parseDecimal } from './rdata/fields.js';
import type { TypeCodec } from './rdata/codec.js';
import { codecOf } from './rdata/types.js';
import { ByteReader, ByteWriter, WireError, octets } from './rdata/wire.js';

export { isClass, normalizeClass, typeCodeOf, typeMnemonic } from './rdata/codes.js';

export interface RdataProblem {
  /** The token at fault, when one is; otherwise the problem is about the record as a whole. */
  token?: Token;
  message: string;
}

export type RdataResult = { data: Rdata; problems: [] } | { data?: undefined; problems: RdataProblem[] };

/**
 * Types that exist only in messages, never as record data in a zone: 0, OPT and the meta/query range
 * 128..255 (RFC 6895 §3.1), which BIND refuses as "invalid use of a meta type".
 */
function isMetaType(code: number): boolean {
  return code === 0 || code === 41 || (code >= 128 && code <= 255);
}

/** Types BIND refuses as obsolete (RFC 973 replaced MD and MF by MX), with what to use instead. */
const OBSOLETE_TYPES: ReadonlyMap<number, string> = new Map([
  [3, 'MX'],
  [4, 'MX'],
]);

/** True when `text` names an RR type a zone file may hold: a known mnemonic (any case) or TYPEnnn. */
export function isKnownType(text: string): boolean {
  const code = typeCodeOf(text);
  return code !== undefined && !isMetaType(code);
}

/** Field name of the data of types read only in RFC 3597 form. */
const OPAQUE_FIELD = 'data';

function fail(problems: RdataProblem[]): RdataResult {
  return { problems };
}

/** The octets of RFC 3597 generic data: `\# <length> <hex>...`, the length checked against the hex. */
function readGeneric(mnemonic: string, tokens: readonly Token[], problems: RdataProblem[]): Uint8Array | undefined {
  const marker = tokens[0]!;
  const lengthToken = tokens[1];
  if (!lengthToken) {
    problems.push({ token: marker, message: `${mnemonic} generic data needs a length after \\#: \\# <length> <hex>` });
    return undefined;
  }
  const length = parseDecimal(lengthToken.text, 0xffff);
  if (length === undefined) {
    problems.push({ token: lengthToken, message: `${mnemonic} generic data length "${lengthToken.text}" is not a decimal number in 0..65535` });
    return undefined;
  }
  const hexTokens = tokens.slice(2);
  const quoted = hexTokens.find((t) => t.quoted);
  if (quoted) {
    // BIND reads generic data as unquoted hex only ("unexpected token").
    problems.push({ token: quoted, message: `${mnemonic} generic data is hex without quotes: remove the quoted text` });
    return undefined;
  }
  const decoded = decodeHex(hexTokens.map((t) => t.text).join(''));
  if (!decoded.ok) {
    problems.push({ token: hexTokens[0]!, message: `${mnemonic} generic data is not valid hex: ${decoded.error}` });
    return undefined;
  }
  if (decoded.bytes.length !== length) {
    problems.push({
      token: lengthToken,
      message: `${mnemonic} generic data says ${octets(length)} but its hex holds ${decoded.bytes.length}`,
    });
    return undefined;
  }
  return decoded.bytes;
}

/** RFC 3597 data: opaque for a type without a codec, else decoded into the type's fields as BIND does. */
function parseGeneric(mnemonic: string, codec: TypeCodec | undefined, tokens: readonly Token[]): RdataResult {
  const problems: RdataProblem[] = [];
  const bytes = readGeneric(mnemonic, tokens, problems);
  if (!bytes) return fail(problems);
  if (!codec) return { data: { [OPAQUE_FIELD]: bytes }, problems: [] };
  const decoded = decodeWire(codec, bytes);
  if ('error' in decoded) return fail([{ token: tokens[0]!, message: `${mnemonic} generic data is not valid ${mnemonic} data: ${decoded.error}` }]);
  return { data: decoded.data, problems: [] };
}

/** The fields of a type's wire data, or why the octets are not such data. */
function decodeWire(codec: TypeCodec, bytes: Uint8Array): { data: Rdata } | { error: string } {
  const input = new ByteReader(bytes);
  try {
    const data = codec.fromWire(input);
    if (input.remaining > 0) throw new WireError(`${octets(input.remaining)} left over`);
    return { data };
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    return { error: error.message };
  }
}

const TXT_CODE = 16;

/**
 * `\#` starts RFC 3597 data, except in a TXT record when no length follows: there BIND reads it as
 * the text "#" (an escaped hash), so `TXT \# text` is the two strings "#" and "text".
 */
function isGenericMarker(code: number, tokens: readonly Token[]): boolean {
  const first = tokens[0];
  if (first === undefined || first.quoted || first.text !== '\\#') return false;
  return code !== TXT_CODE || (tokens[1] !== undefined && parseDecimal(tokens[1].text, Number.MAX_SAFE_INTEGER) !== undefined);
}

/** Reads the data tokens of a record of `type` (mnemonic or TYPEnnn), including RFC 3597 `\# len hex`. */
export function parseRdata(type: string, tokens: readonly Token[], origin: Name | null): RdataResult {
  const code = typeCodeOf(type);
  if (code === undefined || isMetaType(code)) {
    const what = code === undefined ? `unknown RR type ${type}` : `${type} is a query or meta type, not record data`;
    return fail([{ ...(tokens[0] ? { token: tokens[0] } : {}), message: `${what}: use a type mnemonic such as A, MX or TXT, or TYPEnnn` }]);
  }
  const mnemonic = typeMnemonic(code);
  const replacement = OBSOLETE_TYPES.get(code);
  if (replacement !== undefined) {
    return fail([{ ...(tokens[0] ? { token: tokens[0] } : {}), message: `${mnemonic} is obsolete (RFC 973): use ${replacement}` }]);
  }
  const codec = codecOf(code);
  if (isGenericMarker(code, tokens)) return parseGeneric(mnemonic, codec, tokens);
  if (!codec) {
    return fail([
      {
        ...(tokens[0] ? { token: tokens[0] } : {}),
        message: `${mnemonic} data can only be written in RFC 3597 form here: \\# <length> <hex>`,
      },
    ]);
  }
  const cursor = new Cursor(mnemonic, tokens, origin, codec.shape);
  const data = codec.parse(cursor);
  // Tokens left over after the data was read; when reading already failed they are only its echo.
  if (!cursor.atEnd && !cursor.exhausted && (data !== undefined || cursor.problems.length === 0)) {
    const extra = cursor.peek()!;
    cursor.problems.push({ token: extra, message: `${mnemonic} data has an extra "${extra.text}": ${mnemonic} data is "${codec.shape}"` });
  }
  if (data === undefined || cursor.problems.length > 0) {
    if (cursor.problems.length === 0) cursor.problems.push({ message: `${mnemonic} data is not valid: ${codec.shape}` });
    return fail(cursor.problems);
  }
  return { data, problems: [] };
}

function opaqueBytes(type: string, data: Rdata): Uint8Array {
  const bytes = data[OPAQUE_FIELD];
  if (!(bytes instanceof Uint8Array)) throw new Error(`${type} data without a codec needs a "${OPAQUE_FIELD}" field of octets`);
  return bytes;
}

function codeOrThrow(type: string): number {
  const code = typeCodeOf(type);
  // Callers pass types they read or declared themselves; anything else is a programming error.
  if (code === undefined) throw new Error(`unknown RR type ${type}`);
  return code;
}

/** Presentation form of record data, as BIND prints it; names relative to `origin` when given. */
export function formatRdata(type: string, data: Rdata, origin?: Name): string {
  const codec = codecOf(codeOrThrow(type));
  if (!codec) return genericText(opaqueBytes(type, data));
  return codec.format(data, origin);
}

/** Uncompressed wire form of record data (RFC 1035 §3.3): equality of data means equality of these. */
export function rdataToWire(type: string, data: Rdata): Uint8Array {
  const codec = codecOf(codeOrThrow(type));
  if (!codec) return opaqueBytes(type, data).slice();
  const out = new ByteWriter();
  codec.toWire(data, out);
  return out.finish();
}

/**
 * Record data read from its uncompressed wire form, as a DNS message carries it (names already
 * decompressed): the fields of the type, or opaque octets for a type without a codec; a reason when
 * the octets are not valid data of the type.
 */
export function rdataFromWire(type: string, bytes: Uint8Array): { data: Rdata } | { error: string } {
  const codec = codecOf(codeOrThrow(type));
  if (!codec) return { data: { [OPAQUE_FIELD]: bytes.slice() } };
  const decoded = decodeWire(codec, bytes);
  return 'error' in decoded ? { error: `not valid ${type} data: ${decoded.error}` } : decoded;
}

/**
 * The same wire form, appended to `out`: a caller that encodes many records (the name table keeps
 * the first record's data of every RRset) reuses one writer instead of two new arrays per record.
 */
export function writeRdataWire(type: string, data: Rdata, out: ByteWriter): void {
  const codec = codecOf(codeOrThrow(type));
  if (!codec) out.bytes(opaqueBytes(type, data));
  else codec.toWire(data, out);
}
