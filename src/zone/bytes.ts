/**
 * Octets as JavaScript strings without Node's Buffer, so the core runs in a browser too. Latin-1 here
 * means one character per octet (0-255), which is how names and data keys are held; the WHATWG
 * TextDecoder has no such decoding ("latin1" there is windows-1252).
 */

/** Arguments per String.fromCharCode call: well below any engine's limit on spread arguments. */
const CHUNK = 4096;

/** One character per octet. */
export function latin1String(bytes: Uint8Array): string {
  if (bytes.length <= CHUNK) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  let out = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
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
