/**
 * IPv4 and IPv6 addresses in the strict forms BIND's inet_pton accepts (no leading zeros in a
 * dotted quad, no zone index, at most one `::`), printed as BIND's inet_ntop prints them
 * (RFC 5952: lower case, longest zero run compressed, IPv4-mapped as `::ffff:a.b.c.d`).
 * Hand-written scanners: these run once per A/AAAA record of million-record zones.
 */

/** Four octets, or undefined when `text` is not a dotted quad. */
export function parseIpv4(text: string): Uint8Array | undefined {
  const out = new Uint8Array(4);
  let part = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2e;
    if (c >= 0x30 && c <= 0x39) {
      if (digits > 0 && value === 0) return undefined; // leading zero
      value = value * 10 + (c - 0x30);
      digits++;
      if (value > 255) return undefined;
      continue;
    }
    if (c !== 0x2e || digits === 0 || part > 3) return undefined;
    out[part++] = value;
    value = 0;
    digits = 0;
  }
  return part === 4 ? out : undefined;
}

export function formatIpv4(bytes: Uint8Array, offset = 0): string {
  return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** Sixteen octets, or undefined when `text` is not an IPv6 address (RFC 4291 §2.2). */
export function parseIpv6(text: string): Uint8Array | undefined {
  const words: number[] = [];
  let gapAt = -1;
  let i = 0;
  if (text.startsWith('::')) {
    gapAt = 0;
    i = 2;
    if (text.length === 2) return new Uint8Array(16);
  } else if (text.startsWith(':')) return undefined;
  while (i < text.length) {
    // One group: up to four hex digits, or a trailing dotted quad.
    let value = 0;
    let digits = 0;
    const start = i;
    while (i < text.length && digits <= 4) {
      const d = hexDigit(text.charCodeAt(i));
      if (d < 0) break;
      value = value * 16 + d;
      digits++;
      i++;
    }
    if (i < text.length && text[i] === '.') {
      const quad = parseIpv4(text.slice(start));
      if (!quad || words.length > 6) return undefined;
      words.push(quad[0]! * 256 + quad[1]!, quad[2]! * 256 + quad[3]!);
      i = text.length;
      break;
    }
    if (digits === 0 || digits > 4) return undefined;
    words.push(value);
    if (words.length > 8) return undefined;
    if (i === text.length) break;
    if (text[i] !== ':') return undefined;
    i++;
    if (text[i] === ':') {
      if (gapAt >= 0) return undefined;
      gapAt = words.length;
      i++;
      if (i === text.length) break;
    } else if (i === text.length) return undefined;
  }
  if (gapAt < 0 ? words.length !== 8 : words.length > 7) return undefined;
  const out = new Uint8Array(16);
  const tail = gapAt < 0 ? 0 : words.length - gapAt;
  for (let w = 0; w < words.length; w++) {
    const slot = gapAt >= 0 && w >= gapAt ? 8 - tail + (w - gapAt) : w;
    out[slot * 2] = words[w]! >> 8;
    out[slot * 2 + 1] = words[w]! & 0xff;
  }
  return out;
}

export function formatIpv6(bytes: Uint8Array, offset = 0): string {
  const words: number[] = [];
  for (let w = 0; w < 8; w++) words.push(bytes[offset + w * 2]! * 256 + bytes[offset + w * 2 + 1]!);
  let bestStart = -1;
  let bestLength = 0;
  for (let w = 0; w < 8; ) {
    if (words[w] !== 0) {
      w++;
      continue;
    }
    let end = w;
    while (end < 8 && words[end] === 0) end++;
    if (end - w > bestLength) {
      bestStart = w;
      bestLength = end - w;
    }
    w = end;
  }
  if (bestLength < 2) bestStart = -1;
  let out = '';
  for (let w = 0; w < 8; w++) {
    if (w === bestStart) {
      out += ':';
      w += bestLength - 1;
      if (w === 7) out += ':';
      continue;
    }
    if (w > 0) out += ':';
    // IPv4-compatible and IPv4-mapped addresses end in a dotted quad, as inet_ntop prints them.
    if (w === 6 && bestStart === 0 && (bestLength === 6 || (bestLength === 5 && words[5] === 0xffff))) {
      out += formatIpv4(bytes, offset + 12);
      break;
    }
    out += words[w]!.toString(16);
  }
  return out;
}
