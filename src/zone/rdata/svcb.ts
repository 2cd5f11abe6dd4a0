/**
 * SVCB and HTTPS service parameters (RFC 9460 §2.1, §7): `key=value`, `key="value"` or a bare key.
 * Values are stored in wire form, one `[key, octets]` pair per parameter in ascending key order;
 * text is parsed into and printed from that form, so `key3="5"` and `port=...` meet in one place.
 * BIND 9.18 names keys 0..6 and prints every other key as keyNNNNN (dohpath is read, printed key7).
 */
import { latin1String as latin1 } from '../bytes.js';
import type { Token } from '../token.js';
import { formatIpv4, formatIpv6, parseIpv4, parseIpv6 } from './address.js';
import { decodeBase64, encodeBase64, quoteOctets, unescapeOctets } from './codecs.js';
import type { Cursor } from './cursor.js';
import type { Field, FieldKind } from './fields.js';
import { field, name, parseDecimal, u16 } from './fields.js';
import { ByteReader, ByteWriter, WireError } from './wire.js';

export type SvcParam = readonly [key: number, value: Uint8Array];

const KEY_NAMES = ['mandatory', 'alpn', 'no-default-alpn', 'port', 'ipv4hint', 'ech', 'ipv6hint'] as const;
const KEY_ALIASES: ReadonlyMap<string, number> = new Map([['dohpath', 7]]);
const MANDATORY = 0;
const ALPN = 1;
const NO_DEFAULT_ALPN = 2;
const PORT = 3;
const IPV4HINT = 4;
const ECH = 5;
const IPV6HINT = 6;
const DOHPATH = 7;

/**
 * The number of a key. BIND matches key names in any case but `keyNNNNN` only in lower case, and
 * reads the value of a name not written in lower case (`PORT=53`) raw, as for keyNNNNN: see `isTyped`.
 */
function keyNumber(text: string): number | undefined {
  const lower = text.toLowerCase();
  const named = (KEY_NAMES as readonly string[]).indexOf(lower);
  if (named >= 0) return named;
  const alias = KEY_ALIASES.get(lower);
  if (alias !== undefined) return alias;
  if (text.startsWith('key') && text.length > 3) return parseDecimal(text.slice(3), 0xffff);
  return undefined;
}

/** True when the value after this key text is read in the key's own syntax rather than as raw octets. */
function isTyped(keyText: string): boolean {
  return (KEY_NAMES as readonly string[]).includes(keyText) || KEY_ALIASES.has(keyText);
}

function keyText(key: number): string {
  return KEY_NAMES[key] ?? `key${key}`;
}

/**
 * Splits a value-list (RFC 9460 App. A.1) at commas not escaped by a backslash, removing those
 * escapes; undefined when it ends in a lone backslash.
 */
function splitValueList(octets: Uint8Array): Uint8Array[] | undefined {
  const items: number[][] = [[]];
  for (let i = 0; i < octets.length; i++) {
    const b = octets[i]!;
    if (b === 0x5c) {
      if (i + 1 >= octets.length) return undefined;
      items[items.length - 1]!.push(octets[++i]!);
    } else if (b === 0x2c) items.push([]);
    else items[items.length - 1]!.push(b);
  }
  return items.map((item) => Uint8Array.from(item));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * RFC 9461 §5: dohpath is a relative URI template, starting with "/", that uses the variable "dns".
 * BIND checks this for dohpath= and for key7= alike.
 */
function dohpathProblem(value: Uint8Array): string | undefined {
  let text: string;
  try {
    text = utf8.decode(value);
  } catch {
    return 'is not UTF-8';
  }
  if (!text.startsWith('/')) return `"${text}" must start with "/"`;
  // One pass: each expression is looked at once, from its "{" to the next "}".
  for (let open = text.indexOf('{'); open >= 0; ) {
    const close = text.indexOf('}', open);
    if (close < 0) break;
    const next = text.indexOf('{', close);
    const variables = text.slice(open + 1, close).replace(/^[+#./;?&]/, '').split(',');
    if (variables.some((v) => v === 'dns' || v === 'dns*' || v.startsWith('dns:'))) return undefined;
    open = next;
  }
  return `"${text}" must be a URI template with the variable "dns", such as /dns-query{?dns}`;
}


/** Wire value of one parameter from its decoded text octets, or the reason it is invalid. */
function encodeValue(key: number, octets: Uint8Array | undefined): Uint8Array | string {
  const out = new ByteWriter();
  const items = splitValueList(octets ?? new Uint8Array(0));
  if (!items) return 'ends in a lone backslash';
  const list = (): string[] => items.map(latin1);
  if (key === NO_DEFAULT_ALPN) return octets && octets.length > 0 ? 'takes no value' : new Uint8Array(0);
  // BIND accepts an empty ech ("ech="); every other named key needs a value.
  if (key <= IPV6HINT && key !== ECH && (!octets || octets.length === 0)) return `needs a value`;
  switch (key) {
    case MANDATORY: {
      const keys: number[] = [];
      for (const item of list()) {
        const k = keyNumber(item);
        if (k === undefined) return `lists "${item}", which is not a parameter key`;
        if (k === MANDATORY) return 'cannot list mandatory itself';
        if (keys.includes(k)) return `lists ${item} twice`;
        keys.push(k);
      }
      for (const k of keys.sort((a, b) => a - b)) out.u16(k);
      break;
    }
    case ALPN:
      for (const id of items) {
        if (id.length === 0 || id.length > 255) return 'protocol ids must be 1..255 octets each';
        out.u8(id.length);
        out.bytes(id);
      }
      break;
    case PORT: {
      const port = parseDecimal(latin1(octets!), 0xffff);
      if (port === undefined) return `"${latin1(octets!)}" is not a port number in 0..65535`;
      out.u16(port);
      break;
    }
    case IPV4HINT:
    case IPV6HINT:
      for (const item of list()) {
        const address = key === IPV4HINT ? parseIpv4(item) : parseIpv6(item);
        if (!address) return `"${item}" is not an ${key === IPV4HINT ? 'IPv4' : 'IPv6'} address`;
        out.bytes(address);
      }
      break;
    case ECH: {
      const decoded = decodeBase64(latin1(octets ?? new Uint8Array(0)));
      if (!decoded.ok) return `is not valid base64: ${decoded.error}`;
      out.bytes(decoded.bytes);
      break;
    }
    default:
      return octets ?? new Uint8Array(0);
  }
  return out.finish();
}

/** Escapes a value-list item (`,` and `\`) before it is quoted as a character-string. */
function escapeListItem(item: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (const b of item) {
    if (b === 0x2c || b === 0x5c) out.push(0x5c);
    out.push(b);
  }
  return Uint8Array.from(out);
}

/** BIND quotes alpn with spaces as \032 as well (its comma-list printer escapes every blank). */
function quoteAlpn(ids: Uint8Array[]): string {
  const joined: number[] = [];
  ids.forEach((id, i) => {
    if (i > 0) joined.push(0x2c);
    for (const octet of escapeListItem(id)) joined.push(octet);
  });
  return quoteOctets(Uint8Array.from(joined)).split(' ').join('\\032');
}

/** Text of one parameter from its wire value (checked: throws WireError when malformed). */
function formatParam(key: number, value: Uint8Array): string {
  const input = new ByteReader(value);
  const items: string[] = [];
  switch (key) {
    case MANDATORY:
      while (input.remaining > 0) items.push(keyText(input.u16()));
      return `mandatory=${items.join(',')}`;
    case ALPN: {
      const ids: Uint8Array[] = [];
      while (input.remaining > 0) ids.push(input.bytes(input.u8()));
      return `alpn=${quoteAlpn(ids)}`;
    }
    case NO_DEFAULT_ALPN:
      return 'no-default-alpn';
    case PORT:
      return `port=${input.u16()}`;
    case IPV4HINT:
      while (input.remaining > 0) items.push(formatIpv4(input.bytes(4)));
      return `ipv4hint=${items.join(',')}`;
    case IPV6HINT:
      while (input.remaining > 0) items.push(formatIpv6(input.bytes(16)));
      return `ipv6hint=${items.join(',')}`;
    case ECH:
      return value.length === 0 ? 'ech' : `ech=${encodeBase64(value)}`;
    default:
      return value.length === 0 ? keyText(key) : `${keyText(key)}=${quoteOctets(value)}`;
  }
}

/** Checks the shape of a wire value (for `\#` data and values given as keyNNN="..."). */
function wireProblem(key: number, value: Uint8Array): string | undefined {
  const fixed: Readonly<Record<number, number>> = { [PORT]: 2, [IPV4HINT]: 4, [IPV6HINT]: 16, [MANDATORY]: 2 };
  const unit = fixed[key];
  if (key === NO_DEFAULT_ALPN && value.length > 0) return 'takes no value';
  if (unit !== undefined && (value.length === 0 || value.length % unit !== 0 || (key === PORT && value.length !== 2))) {
    return `value of ${value.length} octets is not a valid ${keyText(key)}`;
  }
  if (key === DOHPATH) return dohpathProblem(value);
  if (key === ALPN) {
    const input = new ByteReader(value);
    if (value.length === 0) return 'needs a value';
    while (input.remaining > 0) {
      const length = input.u8();
      if (length === 0 || length > input.remaining) return 'value is not a list of length-prefixed protocol ids';
      input.bytes(length);
    }
  }
  return undefined;
}

/** Problems of the parameter set as a whole (RFC 9460 §8): mandatory keys present, alpn beside no-default-alpn. */
function setProblem(params: readonly SvcParam[]): string | undefined {
  const keys = new Set(params.map(([k]) => k));
  const mandatory = params.find(([k]) => k === MANDATORY);
  if (mandatory) {
    const input = new ByteReader(mandatory[1]);
    while (input.remaining > 0) {
      const k = input.u16();
      if (!keys.has(k)) return `mandatory lists ${keyText(k)}, which is not given`;
    }
  }
  if (keys.has(NO_DEFAULT_ALPN) && !keys.has(ALPN)) return 'no-default-alpn needs alpn beside it';
  return undefined;
}

/** The value text of a parameter token: after `=`, or the quoted token right after `key=`. */
function valueText(cursor: Cursor, token: Token, equals: number): string | undefined {
  const rest = token.text.slice(equals + 1);
  if (rest.length > 0 || token.quoted) return rest;
  const next = cursor.peek();
  if (next && next.quoted && next.line === token.line && next.column === token.column + token.text.length) {
    cursor.index++;
    return next.text;
  }
  return '';
}

const svcParams: FieldKind<readonly SvcParam[]> = {
  parse(cursor) {
    const params = new Map<number, Uint8Array>();
    let ok = true;
    while (!cursor.atEnd) {
      const token = cursor.take()!;
      const equals = token.quoted ? -1 : token.text.indexOf('=');
      const keyPart = equals < 0 ? token.text : token.text.slice(0, equals);
      const key = keyNumber(keyPart);
      const text = equals < 0 ? undefined : valueText(cursor, token, equals);
      if (key === undefined) {
        cursor.problem(token, `"${keyPart}" is not a parameter key: use ${KEY_NAMES.join(', ')}, dohpath or keyNNNNN (0..65535)`);
        ok = false;
        continue;
      }
      if (params.has(key)) {
        cursor.problem(token, `${keyText(key)} is given twice`);
        ok = false;
        continue;
      }
      const decoded = text === undefined ? undefined : unescapeOctets(text);
      if (decoded && !decoded.ok) {
        cursor.problem(token, `${keyPart}: ${decoded.error}`);
        ok = false;
        continue;
      }
      const value = isTyped(keyPart) ? encodeValue(key, decoded?.bytes) : decoded?.bytes ?? new Uint8Array(0);
      const problem = typeof value === 'string' ? value : wireProblem(key, value);
      if (problem !== undefined || typeof value === 'string') {
        cursor.problem(token, `${keyPart} ${problem}`);
        ok = false;
        continue;
      }
      params.set(key, value);
    }
    const sorted: SvcParam[] = [...params.entries()].sort((a, b) => a[0] - b[0]);
    const problem = ok ? setProblem(sorted) : undefined;
    if (problem) {
      cursor.problem(cursor.tokens[cursor.tokens.length - 1], problem);
      return undefined;
    }
    return ok ? sorted : undefined;
  },
  format: (value) => value.map(([key, octets]) => formatParam(key, octets)).join(' '),
  toWire(value, out) {
    for (const [key, octets] of value) {
      out.u16(key);
      out.u16(octets.length);
      out.bytes(octets);
    }
  },
  fromWire(input) {
    const params: SvcParam[] = [];
    let last = -1;
    while (input.remaining > 0) {
      const key = input.u16();
      const value = input.bytes(input.u16());
      if (key <= last) throw new WireError('service parameters are not in ascending key order');
      const problem = wireProblem(key, value);
      if (problem) throw new WireError(`${keyText(key)} ${problem}`);
      params.push([key, value]);
      last = key;
    }
    const problem = setProblem(params);
    if (problem) throw new WireError(problem);
    return params;
  },
};

export const SVCB_FIELDS: readonly Field[] = [field('priority', u16), field('target', name), field('params', svcParams)];
