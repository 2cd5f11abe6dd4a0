/**
 * Text encodings used inside record data: character-strings with BIND's escapes (RFC 1035 §5.1),
 * hex, base64 (RFC 4648 §4) and base32hex (RFC 4648 §7, NSEC3). Every reader is a single pass
 * over the text with no regular expressions, and returns an error message instead of throwing.
 */

export type Decoded = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

const encoder = new TextEncoder();
/** A backslash or a character beyond ASCII: a single character class, linear, no backtracking. */
const NEEDS_DECODING = /[\\\u0080-\uffff]/;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * The octets of a token as the lexer kept it (quotes removed, escapes raw, one character per octet):
 * `\DDD` is one octet, `\X` is X, a character 0x80-0xFF is that octet; a character above 0xFF (text
 * from a program, not from a file) is its UTF-8 encoding.
 */
export function unescapeOctets(text: string): Decoded {
  // Plain ASCII (most TXT data, DKIM keys) is its own UTF-8: one native call, no per-octet loop.
  if (!NEEDS_DECODING.test(text)) return { ok: true, bytes: encoder.encode(text) };
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      if (i + 1 >= text.length) return { ok: false, error: 'ends with a lone backslash' };
      const next = text.charCodeAt(i + 1);
      if (isDigit(next)) {
        const d2 = text.charCodeAt(i + 2);
        const d3 = text.charCodeAt(i + 3);
        if (!isDigit(d2) || !isDigit(d3)) return { ok: false, error: `bad escape "${text.slice(i, i + 4)}": \\DDD needs exactly three digits` };
        const value = (next - 0x30) * 100 + (d2 - 0x30) * 10 + (d3 - 0x30);
        if (value > 255) return { ok: false, error: `bad escape "\\${text.slice(i + 1, i + 4)}": above 255` };
        out.push(value);
        i += 3;
        continue;
      }
      i++;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xff) {
      for (const b of encoder.encode(String.fromCodePoint(cp))) out.push(b);
      if (cp > 0xffff) i++;
    } else out.push(cp);
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/**
 * A character-string as BIND prints it: in double quotes, `"` and `\` escaped, octets outside
 * printable ASCII as `\DDD`. Quoting keeps `;`, `(` and `)` harmless, and no newline can appear.
 */
export function quoteOctets(bytes: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 || b >= 0x7f) out += '\\' + (b < 10 ? '00' : b < 100 ? '0' : '') + b;
    else if (b === 0x22 || b === 0x5c) out += '\\' + String.fromCharCode(b);
    else out += String.fromCharCode(b);
  }
  return out + '"';
}

const HEX_DIGITS = '0123456789ABCDEF';

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

export function decodeHex(text: string): Decoded {
  if (text.length % 2 !== 0) return { ok: false, error: `hex "${text}" has an odd number of digits` };
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < text.length; i += 2) {
    const hi = hexValue(text.charCodeAt(i));
    const lo = hexValue(text.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) {
      const at = hi < 0 ? i : i + 1;
      return { ok: false, error: `"${text[at]}" is not a hex digit (0-9, A-F)` };
    }
    out[i / 2] = hi * 16 + lo;
  }
  return { ok: true, bytes: out };
}

export function encodeHex(bytes: Uint8Array, lowerCase = false): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += HEX_DIGITS[b >> 4]! + HEX_DIGITS[b & 15]!;
  }
  return lowerCase ? out.toLowerCase() : out;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64_ALPHABET.length; i++) BASE64_VALUES[BASE64_ALPHABET.charCodeAt(i)] = i;

/** Strict base64: the alphabet of RFC 4648 §4, `=` only as final padding, length a multiple of 4. */
export function decodeBase64(text: string): Decoded {
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) {
      padding++;
      continue;
    }
    if (padding > 0 || c > 127 || BASE64_VALUES[c] === -1) {
      return { ok: false, error: `"${text[i]}" at position ${i + 1} is not base64 (A-Z a-z 0-9 + / and final =)` };
    }
  }
  if (padding > 2) return { ok: false, error: 'base64 has more than two "=" of padding' };
  if (text.length % 4 !== 0) return { ok: false, error: `base64 of ${text.length} characters is not a multiple of 4 long` };
  // Validated above, so every character has a value; bits past the last whole octet are dropped.
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (BASE64_VALUES[text.charCodeAt(i)]! << 18) |
      (BASE64_VALUES[text.charCodeAt(i + 1)]! << 12) |
      (Math.max(0, BASE64_VALUES[text.charCodeAt(i + 2)] ?? 0) << 6) |
      Math.max(0, BASE64_VALUES[text.charCodeAt(i + 3)] ?? 0);
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return { ok: true, bytes: out };
}

/** RFC 4648 §4 base64 with padding (written out here so the core needs no Node Buffer). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const n = (bytes[i]! << 16) | ((rest > 1 ? bytes[i + 1]! : 0) << 8) | (rest > 2 ? bytes[i + 2]! : 0);
    out += BASE64_ALPHABET[n >> 18]! + BASE64_ALPHABET[(n >> 12) & 63]!;
    out += rest > 1 ? BASE64_ALPHABET[(n >> 6) & 63]! : '=';
    out += rest > 2 ? BASE64_ALPHABET[n & 63]! : '=';
  }
  return out;
}

const BASE32HEX_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUV';

/** base32hex without padding, as NSEC3 next-hashed-owner fields are written (RFC 5155 §3.3). */
export function decodeBase32Hex(text: string): Decoded {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const upper = c >= 0x61 && c <= 0x7a ? c - 32 : c;
    const value = BASE32HEX_ALPHABET.indexOf(String.fromCharCode(upper));
    if (value < 0 || text[i] === '=') return { ok: false, error: `"${text[i]}" is not base32hex (0-9, A-V)` };
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits >= 5 || buffer !== 0) return { ok: false, error: `base32hex "${text}" has a length or trailing bits that no octet string gives` };
  return { ok: true, bytes: Uint8Array.from(out) };
}

export function encodeBase32Hex(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32HEX_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32HEX_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** BIND's dump breaks long base64 and hex into words of this many characters, joined by one space. */
const BIND_WORD_CHARS = 56;

export function splitWords(text: string, width = BIND_WORD_CHARS): string {
  if (text.length <= width) return text;
  const words: string[] = [];
  for (let i = 0; i < text.length; i += width) words.push(text.slice(i, i + width));
  return words.join(' ');
}

/** RFC 3597 §5 generic text, as BIND prints it: `\# <length> <HEX in words>`, or `\# 0`. */
export function genericText(bytes: Uint8Array): string {
  return bytes.length === 0 ? '\\# 0' : `\\# ${bytes.length} ${splitWords(encodeHex(bytes))}`;
}
