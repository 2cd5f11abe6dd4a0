/**
 * The type table: one declaration per RR type, as an ordered list of named fields (miekg/dns
 * `zduplicate`, BIND `lib/dns/rdata/*`). The common types use the field names of the typed views
 * in record.ts. Types whose data is not a plain sequence of fields have their own codec module.
 */
import { fieldsCodec, type DataCheck, type TypeCodec } from './codec.js';
import { DIGEST_TYPES, SECURITY_ALGORITHMS, nxtBitmap, rrType, signatureTime, typeBitmap, typeBitmapOrNone } from './dnssec.js';
import {
  base32Hex,
  base64OrDash,
  base64Rest,
  characterString,
  characterStrings,
  duration,
  field,
  hexRest,
  ipv4,
  ipv6,
  mnemonicUint,
  name,
  propertyTag,
  psdnAddress,
  salt,
  trailingString,
  u16,
  u32,
  u8,
  type Field,
} from './fields.js';
import { TYPE_CODES } from './codes.js';
import { atmAddress, eui, ilnp64, nsapAddress } from './hexforms.js';
import { A6_CODEC } from './a6.js';
import { APL_FIELDS } from './apl.js';
import { HIP_CODEC } from './hip.js';
import { AMTRELAY_CODEC, IPSECKEY_CODEC } from './gateway.js';
import { LOC_CODEC } from './loc.js';
import { NAPTR_REGEXP_CHECK } from './naptr.js';
import { SVCB_FIELDS } from './svcb.js';
import { WKS_FIELDS } from './wks.js';

/** CERT certificate types (RFC 4398 §2.1), printed by name as BIND does. */
const CERT_TYPES: Readonly<Record<string, number>> = {
  PKIX: 1, SPKI: 2, PGP: 3, IPKIX: 4, ISPKI: 5, IPGP: 6, ACPKIX: 7, IACPKIX: 8, URI: 253, OID: 254,
};

/** DSYNC schemes (RFC 9859 §2). */
const DSYNC_SCHEMES: Readonly<Record<string, number>> = { NOTIFY: 1 };

const algorithm = mnemonicUint(1, SECURITY_ALGORITHMS, false);
const digestType = mnemonicUint(1, DIGEST_TYPES, false);

const target = [field('target', name)];
const preferenceAndName = (nameField: string): Field[] => [field('preference', u16), field(nameField, name)];
const txt = [field('strings', characterStrings(1))];
const dnskey = (allowEmptyKey: boolean): Field[] => [
  field('flags', u16),
  field('protocol', u8),
  field('algorithm', algorithm),
  field('publicKey', base64Rest(allowEmptyKey)),
];
const ds = [field('keyTag', u16), field('algorithm', algorithm), field('digestType', digestType), field('digest', hexRest())];
const rrsig = [
  field('typeCovered', rrType),
  field('algorithm', algorithm),
  field('labels', u8),
  field('originalTtl', u32),
  field('expiration', signatureTime),
  field('inception', signatureTime),
  field('keyTag', u16),
  field('signer', name),
  field('signature', base64Rest()),
];
const tlsa = [field('usage', u8), field('selector', u8), field('matchingType', u8), field('data', hexRest())];

/** Types declared as plain field lists, by mnemonic. */
const FIELD_TYPES: Readonly<Record<string, readonly Field[]>> = {
  A: [field('address', ipv4)],
  AAAA: [field('address', ipv6)],
  NS: target,
  CNAME: target,
  PTR: target,
  DNAME: target,
  MD: target,
  MF: target,
  MB: target,
  MG: target,
  MR: target,
  'NSAP-PTR': target,
  SOA: [
    field('mname', name),
    field('rname', name),
    field('serial', u32),
    field('refresh', duration),
    field('retry', duration),
    field('expire', duration),
    field('minimum', duration),
  ],
  MX: preferenceAndName('exchange'),
  RT: preferenceAndName('host'),
  KX: preferenceAndName('exchanger'),
  LP: preferenceAndName('fqdn'),
  AFSDB: [field('subtype', u16), field('hostname', name)],
  PX: [field('preference', u16), field('map822', name), field('mapx400', name)],
  SRV: [field('priority', u16), field('weight', u16), field('port', u16), field('target', name)],
  TXT: txt,
  SPF: txt,
  AVC: txt,
  RESINFO: txt,
  WALLET: txt,
  NINFO: txt,
  HINFO: [field('cpu', characterString), field('os', characterString)],
  MINFO: [field('rmailbx', name), field('emailbx', name)],
  RP: [field('mbox', name), field('txt', name)],
  TALINK: [field('previous', name), field('next', name)],
  X25: [field('address', psdnAddress)],
  ISDN: [field('strings', characterStrings(1, 2))],
  GPOS: [field('longitude', characterString), field('latitude', characterString), field('altitude', characterString)],
  NAPTR: [
    field('order', u16),
    field('preference', u16),
    field('flags', characterString),
    field('services', characterString),
    field('regexp', characterString),
    field('replacement', name),
  ],
  CAA: [field('flags', u8), field('tag', propertyTag), field('value', trailingString(false))],
  URI: [field('priority', u16), field('weight', u16), field('target', trailingString(true))],
  DNSKEY: dnskey(false),
  CDNSKEY: dnskey(false),
  KEY: dnskey(true),
  RKEY: dnskey(false),
  DS: ds,
  CDS: ds,
  TA: ds,
  DLV: ds,
  RRSIG: rrsig,
  SIG: rrsig,
  NSEC: [field('next', name), field('types', typeBitmap)],
  NXT: [field('next', name), field('types', nxtBitmap)],
  NSEC3: [
    field('hashAlgorithm', u8),
    field('flags', u8),
    field('iterations', u16),
    field('salt', salt),
    field('nextHashed', base32Hex),
    field('types', typeBitmapOrNone),
  ],
  NSEC3PARAM: [field('hashAlgorithm', u8), field('flags', u8), field('iterations', u16), field('salt', salt)],
  CSYNC: [field('serial', u32), field('flags', u16), field('types', typeBitmapOrNone)],
  SSHFP: [field('algorithm', u8), field('fingerprintType', u8), field('fingerprint', hexRest())],
  TLSA: tlsa,
  SMIMEA: tlsa,
  ZONEMD: [field('serial', u32), field('scheme', u8), field('hashAlgorithm', u8), field('digest', hexRest())],
  DHCID: [field('data', base64Rest())],
  OPENPGPKEY: [field('publicKey', base64Rest())],
  BRID: [field('data', base64Rest())],
  HHIT: [field('data', base64Rest())],
  SINK: [field('meaning', u8), field('coding', u8), field('subcoding', u8), field('data', base64Rest(true))],
  EID: [field('data', hexRest())],
  NIMLOC: [field('data', hexRest())],
  L32: [field('preference', u16), field('locator', ipv4)],
  L64: [field('preference', u16), field('locator', ilnp64)],
  NID: [field('preference', u16), field('nodeId', ilnp64)],
  NSAP: [field('address', nsapAddress)],
  EUI48: [field('address', eui(6))],
  ATMA: [field('address', atmAddress)],
  DOA: [
    field('enterprise', u32),
    field('doaType', u32),
    field('location', u8),
    field('mediaType', characterString),
    field('data', base64OrDash),
  ],
  EUI64: [field('address', eui(8))],
  CERT: [
    field('certType', mnemonicUint(2, CERT_TYPES, true)),
    field('keyTag', u16),
    field('algorithm', mnemonicUint(1, SECURITY_ALGORITHMS, true)),
    field('certificate', base64Rest()),
  ],
  WKS: WKS_FIELDS,
  APL: APL_FIELDS,
  SVCB: SVCB_FIELDS,
  HTTPS: SVCB_FIELDS,
  DSYNC: [field('rrtype', rrType), field('scheme', mnemonicUint(1, DSYNC_SCHEMES, true)), field('port', u16), field('target', name)],
};

/** The length a digest must have for the hash algorithms BIND knows (anything for the others). */
function digestLength(lengths: Readonly<Record<number, number>>, typeField: string, digestField: string, minimum = 1): DataCheck {
  return (data) => {
    const algorithm = data[typeField] as number;
    const octets = (data[digestField] as Uint8Array).length;
    const wanted = lengths[algorithm];
    if (wanted !== undefined && octets !== wanted) {
      return { field: digestField, message: `is ${octets} octets long; ${typeField} ${algorithm} gives ${wanted}-octet digests` };
    }
    if (wanted === undefined && octets < minimum) return { field: digestField, message: `is ${octets} octets long; at least ${minimum} are needed` };
    return undefined;
  };
}

const DS_DIGEST_LENGTH = digestLength({ 1: 20, 2: 32, 3: 32, 4: 48 }, 'digestType', 'digest');

/** Cross-field rules BIND applies when it reads these types. */
const CHECKS: Readonly<Record<string, DataCheck>> = {
  DS: DS_DIGEST_LENGTH,
  CDS: DS_DIGEST_LENGTH,
  TA: DS_DIGEST_LENGTH,
  DLV: DS_DIGEST_LENGTH,
  NAPTR: NAPTR_REGEXP_CHECK,
  SSHFP: digestLength({ 1: 20, 2: 32 }, 'fingerprintType', 'fingerprint'),
  // RFC 8976 §2.2.4: SHA-384 and SHA-512 digests; at least 12 octets for any other.
  ZONEMD: digestLength({ 1: 48, 2: 64 }, 'hashAlgorithm', 'digest', 12),
  // RFC 2535 §3.1.2: a KEY whose flags say "no key" (both top bits) has none; every other KEY has one.
  KEY: (data) => {
    const noKey = ((data['flags'] as number) & 0xc000) === 0xc000;
    const hasKey = (data['publicKey'] as Uint8Array).length > 0;
    if (noKey && hasKey) return { field: 'publicKey', message: 'must be absent: flags 0xC000 say this KEY has no key' };
    if (!noKey && !hasKey) return { field: 'publicKey', message: 'is missing: only a KEY with flags 0xC000 (no key) may have none' };
    return undefined;
  },
  // draft-reid-dnsext-rkey: no flags are defined, and BIND refuses any.
  RKEY: (data) => (data['flags'] === 0 ? undefined : { field: 'flags', message: `${String(data['flags'])} must be 0: no RKEY flags are defined` }),
  // RFC 5155 §5: with SHA-1 (hash algorithm 1) the next hashed owner name is a 20-octet hash.
  NSEC3: digestLength({ 1: 20 }, 'hashAlgorithm', 'nextHashed'),
};

const CODECS = new Map<number, TypeCodec>();
for (const [mnemonic, fields] of Object.entries(FIELD_TYPES)) {
  CODECS.set(TYPE_CODES[mnemonic]!, fieldsCodec(fields, CHECKS[mnemonic]));
}

/** Types whose data is not a plain sequence of fields, each with its own module. */
const SPECIAL_TYPES: Readonly<Record<string, TypeCodec>> = {
  IPSECKEY: IPSECKEY_CODEC,
  AMTRELAY: AMTRELAY_CODEC,
  HIP: HIP_CODEC,
  A6: A6_CODEC,
  LOC: LOC_CODEC,
};
for (const [mnemonic, codec] of Object.entries(SPECIAL_TYPES)) CODECS.set(TYPE_CODES[mnemonic]!, codec);

/** The codec of a type number; undefined for types known only by number here (RFC 3597 form only). */
export function codecOf(code: number): TypeCodec | undefined {
  return CODECS.get(code);
}
