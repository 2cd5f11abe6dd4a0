/**
 * A small, pure 64-bit hash for SARIF `partialFingerprints`: FNV-1a over the UTF-8 bytes of a string.
 * Pure JavaScript (no node:crypto) so the report code runs anywhere; a fingerprint only has to be
 * stable and rarely collide, not resist an attacker.
 */

const encoder = new TextEncoder();

/** FNV-1a 64 (offset basis 0xcbf29ce484222325, prime 2^40 + 0x1b3), kept as two 32-bit halves. */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of encoder.encode(text)) {
    lo ^= byte;
    // (hi:lo) * (2^40 + 0x1b3) mod 2^64: the 0x1b3 part with its carry, plus lo shifted up by 40 bits into hi.
    const low = (lo >>> 0) * 0x1b3;
    const carry = Math.floor(low / 0x1_0000_0000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/**
 * A zone-file line as a fingerprint sees it: without its comment and with blanks collapsed, so that
 * re-indenting a record or editing its comment does not make its finding look new.
 */
export function normalizeLine(line: string): string {
  let quoted = false;
  let end = line.length;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) {
      end = i;
      break;
    }
  }
  return line.slice(0, end).trim().replace(/\s+/g, ' ');
}
