/**
 * RR type and class mnemonics and their numbers (IANA "DNS Parameters", as BIND 9.18 names them).
 * The one place that maps names to codes; types.ts declares the data of those types.
 */

export const TYPE_CODES: Readonly<Record<string, number>> = {
  A: 1, NS: 2, MD: 3, MF: 4, CNAME: 5, SOA: 6, MB: 7, MG: 8, MR: 9, NULL: 10, WKS: 11, PTR: 12,
  HINFO: 13, MINFO: 14, MX: 15, TXT: 16, RP: 17, AFSDB: 18, X25: 19, ISDN: 20, RT: 21, NSAP: 22,
  'NSAP-PTR': 23, SIG: 24, KEY: 25, PX: 26, GPOS: 27, AAAA: 28, LOC: 29, NXT: 30, EID: 31,
  NIMLOC: 32, SRV: 33, ATMA: 34, NAPTR: 35, KX: 36, CERT: 37, A6: 38, DNAME: 39, SINK: 40, OPT: 41,
  APL: 42, DS: 43, SSHFP: 44, IPSECKEY: 45, RRSIG: 46, NSEC: 47, DNSKEY: 48, DHCID: 49, NSEC3: 50,
  NSEC3PARAM: 51, TLSA: 52, SMIMEA: 53, HIP: 55, NINFO: 56, RKEY: 57, TALINK: 58, CDS: 59,
  CDNSKEY: 60, OPENPGPKEY: 61, CSYNC: 62, ZONEMD: 63, SVCB: 64, HTTPS: 65, DSYNC: 66, HHIT: 67,
  BRID: 68, SPF: 99, UINFO: 100, UID: 101, GID: 102, UNSPEC: 103, NID: 104, L32: 105, L64: 106,
  LP: 107, EUI48: 108, EUI64: 109, TKEY: 249, TSIG: 250, IXFR: 251, AXFR: 252, MAILB: 253,
  MAILA: 254, ANY: 255, URI: 256, CAA: 257, AVC: 258, DOA: 259, AMTRELAY: 260, RESINFO: 261,
  WALLET: 262, TA: 32768, DLV: 32769,
};

const TYPE_NAMES = new Map<number, string>(Object.entries(TYPE_CODES).map(([name, code]) => [code, name]));
const TYPES_BY_NAME = new Map<string, number>(Object.entries(TYPE_CODES));
/** Longest type token: "NSEC3PARAM", "OPENPGPKEY", "TYPE65535"; anything longer is no type. */
const MAX_TYPE_TEXT = 10;

function startsWithLetter(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20;
  return c >= 0x61 && c <= 0x7a;
}

/** Reads `TYPEnnn` / `CLASSnnn` (RFC 3597 §5): the number, or undefined. */
function genericNumber(text: string, prefix: string): number | undefined {
  if (text.length <= prefix.length || text.length > prefix.length + 5) return undefined;
  if (text.slice(0, prefix.length).toUpperCase() !== prefix) return undefined;
  let value = 0;
  for (let i = prefix.length; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
    value = value * 10 + (c - 0x30);
  }
  return value <= 0xffff ? value : undefined;
}

/** The type number of a mnemonic (any case) or of `TYPEnnn`; undefined when it is neither. */
export function typeCodeOf(text: string): number | undefined {
  // The parser asks this of owner names and TTLs too: reject them before any allocation.
  if (text.length === 0 || text.length > MAX_TYPE_TEXT || !startsWithLetter(text)) return undefined;
  const known = TYPES_BY_NAME.get(text) ?? TYPES_BY_NAME.get(text.toUpperCase());
  if (known !== undefined) return known;
  return genericNumber(text, 'TYPE');
}

export function isKnownCode(code: number): boolean {
  return TYPE_NAMES.has(code);
}

/** The mnemonic BIND prints for a type number: its name, or `TYPEnnn` when it has none. */
export function typeMnemonic(code: number): string {
  return TYPE_NAMES.get(code) ?? `TYPE${code}`;
}

const CLASS_CODES: Readonly<Record<string, number>> = {
  IN: 1, CH: 3, CHAOS: 3, HS: 4, HESIOD: 4, NONE: 254, ANY: 255,
};

const CLASS_NAMES = new Map<number, string>([[1, 'IN'], [3, 'CH'], [4, 'HS'], [254, 'NONE'], [255, 'ANY']]);

const CLASSES_BY_NAME = new Map<string, number>(Object.entries(CLASS_CODES));
/** Longest class token: "CLASS65535". */
const MAX_CLASS_TEXT = 10;

function classCodeOf(text: string): number | undefined {
  if (text.length < 2 || text.length > MAX_CLASS_TEXT || !startsWithLetter(text)) return undefined;
  return CLASSES_BY_NAME.get(text) ?? CLASSES_BY_NAME.get(text.toUpperCase()) ?? genericNumber(text, 'CLASS');
}

/** True for IN, CH, CHAOS, HS, HESIOD, NONE, ANY and CLASSnnn, in any case. */
export function isClass(text: string): boolean {
  return classCodeOf(text) !== undefined;
}

/** The class as BIND prints it (`IN`, `CH`, `HS`, `CLASSnnn`); undefined when `text` is not a class. */
export function normalizeClass(text: string): string | undefined {
  const code = classCodeOf(text);
  if (code === undefined) return undefined;
  return CLASS_NAMES.get(code) ?? `CLASS${code}`;
}
