/**
 * Octets as JavaScript strings without Node's Buffer, so the core runs in a browser too. Latin-1 here
 * means one character per octet (0-255), which is how names and data keys are held; the WHATWG
 * TextDecoder has no such decoding ("latin1" there is windows-1252).
 */

/** Arrays up to this length are turned into strings by String.fromCharCode, longer ones by a decoder. */
const SHORT = 256;

/**
 * The WHATWG decoder called "latin1" is windows-1252, which gives 27 of the octets 0x80-0x9F other
 * characters (0x80 is "€"); it is still one character per octet, so those 27 are mapped back.
 */
const windows1252 = new TextDecoder('windows-1252');
const FROM_1252 = new Map<string, string>();
for (let octet = 0x80; octet <= 0x9f; octet++) {
  const c = windows1252.decode(Uint8Array.of(octet));
  if (c.charCodeAt(0) !== octet) FROM_1252.set(c, String.fromCharCode(octet));
}
const ABOVE_LATIN1 = /[^\x00-\xff]/;
const ABOVE_LATIN1_ALL = /[^\x00-\xff]/g;

/** One character per octet (fast for a 64 KiB block of a zone file: a native decoder, no per-octet loop). */
export function latin1String(bytes: Uint8Array): string {
  if (bytes.length <= SHORT) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  const text = windows1252.decode(bytes);
  return ABOVE_LATIN1.test(text) ? text.replace(ABOVE_LATIN1_ALL, (c) => FROM_1252.get(c)!) : text;
}

/** The octets of a one-character-per-octet string (characters above 255 keep their low 8 bits). */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** The octets of a one-character-per-octet string read as UTF-8 (malformed sequences become U+FFFD). */
export function latin1AsUtf8(text: string): string {
  return utf8Decoder.decode(latin1Bytes(text));
}

/** How many octets `text` takes in UTF-8. */
export function utf8Length(text: string): number {
  return utf8Encoder.encode(text).length;
}

/** Octet-wise equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Any character outside ASCII: a single character class, linear. */
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Text (as JavaScript holds it) as the binary string of its UTF-8 octets: how a zone given as text,
 * or a name or value from a spec, reaches the readers, which read octets. ASCII text is its own.
 */
export function binaryFromText(text: string): string {
  return NON_ASCII.test(text) ? latin1String(utf8Encoder.encode(text)) : text;
}

/** Octets 0x80-0xFF: where a binary string may hold UTF-8 sequences. */
const HIGH_OCTETS = /[\x80-\xff]/;

/**
 * A message that may quote octets of the file (a binary string) as text for a person: each valid
 * UTF-8 sequence of octets 0x80-0xFF becomes its character; anything else is left as it is
 * (characters above 0xFF, like "§" in the message's own words, are never octets, and a lone
 * octet such as Latin-1 "é" shows as that character).
 */
export function displayText(message: string): string {
  if (!HIGH_OCTETS.test(message)) return message;
  let out = '';
  for (let i = 0; i < message.length; i++) {
    const a = message.charCodeAt(i);
    const length = a >= 0xc2 && a <= 0xdf ? 2 : a >= 0xe0 && a <= 0xef ? 3 : a >= 0xf0 && a <= 0xf4 ? 4 : 0;
    if (length > 0 && i + length <= message.length) {
      let valid = true;
      for (let k = 1; k < length && valid; k++) {
        const c = message.charCodeAt(i + k);
        valid = c >= 0x80 && c <= 0xbf;
      }
      if (valid) {
        const decoded = latin1AsUtf8(message.slice(i, i + length));
        if (!decoded.includes('\ufffd')) {
          out += decoded;
          i += length - 1;
          continue;
        }
      }
    }
    out += message[i];
  }
  return out;
}
