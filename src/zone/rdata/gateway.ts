/**
 * Types whose gateway or relay takes its form from a type field before it: IPSECKEY (RFC 4025 §2)
 * and AMTRELAY (RFC 8777 §4). Type 0: none, written "."; 1: IPv4; 2: IPv6; 3: a domain name.
 */
import { Name } from '../name.js';
import type { Rdata, RdataValue } from '../record.js';
import type { TypeCodec } from './codec.js';
import type { Cursor } from './cursor.js';
import type { FieldKind } from './fields.js';
import { base64Rest, ipv4, ipv6, name, u8 } from './fields.js';
import { WireError, type ByteReader, type ByteWriter } from './wire.js';

const NO_GATEWAY = '.';
const MAX_GATEWAY_TYPE = 3;

function gatewayKind(gatewayType: number): FieldKind | undefined {
  switch (gatewayType) {
    case 1:
      return ipv4 as FieldKind;
    case 2:
      return ipv6 as FieldKind;
    case 3:
      return name as unknown as FieldKind;
    default:
      return undefined;
  }
}

/** Reads the gateway of `gatewayType` (undefined when the type itself could not be read). */
function readGateway(cursor: Cursor, gatewayType: number | undefined): RdataValue | undefined {
  if (gatewayType === undefined) {
    cursor.take();
    return undefined;
  }
  if (gatewayType === 0) {
    const token = cursor.take();
    if (token && token.text !== NO_GATEWAY) cursor.problem(token, 'must be "." when the type is 0 (none)');
    return token?.text === NO_GATEWAY ? NO_GATEWAY : undefined;
  }
  const kind = gatewayKind(gatewayType);
  if (kind) return kind.parse(cursor);
  cursor.problem(cursor.take(), `type ${gatewayType} is unknown: use 0 (none), 1 (IPv4), 2 (IPv6) or 3 (domain name)`);
  return undefined;
}

function formatGateway(gatewayType: number, value: RdataValue, origin?: Name): string {
  return gatewayKind(gatewayType)?.format(value, origin) ?? NO_GATEWAY;
}

function writeGateway(gatewayType: number, value: RdataValue, out: ByteWriter): void {
  gatewayKind(gatewayType)?.toWire(value, out);
}

function readGatewayWire(gatewayType: number, input: ByteReader): RdataValue {
  if (gatewayType > MAX_GATEWAY_TYPE) throw new WireError(`gateway type ${gatewayType} is unknown`);
  const value = gatewayKind(gatewayType)?.fromWire(input) ?? NO_GATEWAY;
  if (value instanceof Name && !value.isAbsolute) throw new WireError('relative gateway name');
  return value;
}

/** Reads leading one-octet fields in order into `data`; false when one failed. */
function readOctetFields(cursor: Cursor, names: readonly string[], data: Record<string, RdataValue>): boolean {
  let ok = true;
  for (const fieldName of names) {
    cursor.field = fieldName;
    const value = u8.parse(cursor);
    if (value === undefined) ok = false;
    else data[fieldName] = value;
  }
  return ok;
}

const publicKey = base64Rest();

export const IPSECKEY_CODEC: TypeCodec = {
  shape: 'precedence gatewayType algorithm gateway publicKey',
  parse(cursor) {
    const data: Record<string, RdataValue> = {};
    let ok = readOctetFields(cursor, ['precedence', 'gatewayType', 'algorithm'], data);
    if (cursor.exhausted) return undefined;
    cursor.field = 'gateway';
    const gateway = readGateway(cursor, data['gatewayType'] as number | undefined);
    if (gateway === undefined) ok = false;
    else data['gateway'] = gateway;
    if (cursor.exhausted) return undefined;
    cursor.field = 'publicKey';
    const key = publicKey.parse(cursor);
    if (key === undefined) ok = false;
    else data['publicKey'] = key;
    return ok ? data : undefined;
  },
  format(data, origin) {
    const gatewayType = data['gatewayType'] as number;
    const gateway = formatGateway(gatewayType, data['gateway']!, origin);
    return `${data['precedence']} ${gatewayType} ${data['algorithm']} ${gateway} ${publicKey.format(data['publicKey'] as Uint8Array)}`;
  },
  toWire(data, out) {
    out.u8(data['precedence'] as number);
    out.u8(data['gatewayType'] as number);
    out.u8(data['algorithm'] as number);
    writeGateway(data['gatewayType'] as number, data['gateway']!, out);
    out.bytes(data['publicKey'] as Uint8Array);
  },
  fromWire(input) {
    const precedence = input.u8();
    const gatewayType = input.u8();
    const algorithm = input.u8();
    const gateway = readGatewayWire(gatewayType, input);
    const key = input.rest();
    if (key.length === 0) throw new WireError('IPSECKEY without a public key');
    return { precedence, gatewayType, algorithm, gateway, publicKey: key };
  },
};

const DISCOVERY_OPTIONAL_BIT = 0x80;

/** AMTRELAY: precedence, D (discovery optional, 0 or 1), relay type, relay; D and type share an octet. */
export const AMTRELAY_CODEC: TypeCodec = {
  shape: 'precedence discoveryOptional relayType relay',
  parse(cursor) {
    const data: Record<string, RdataValue> = {};
    let ok = readOctetFields(cursor, ['precedence', 'discoveryOptional', 'relayType'], data);
    const dBit = data['discoveryOptional'] as number | undefined;
    if (dBit !== undefined && dBit > 1) {
      cursor.field = 'discoveryOptional';
      cursor.problem(cursor.tokens[1], `${dBit} is out of range 0..1`);
      ok = false;
    }
    const relayType = data['relayType'] as number | undefined;
    if (relayType !== undefined && relayType > MAX_GATEWAY_TYPE) {
      cursor.field = 'relayType';
      cursor.problem(cursor.tokens[2], `${relayType} is unknown: use 0 (none), 1 (IPv4), 2 (IPv6) or 3 (domain name)`);
      return undefined;
    }
    if (cursor.exhausted) return undefined;
    cursor.field = 'relay';
    const relay = readGateway(cursor, relayType);
    if (relay === undefined) ok = false;
    else data['relay'] = relay;
    return ok ? data : undefined;
  },
  format(data, origin) {
    const relayType = data['relayType'] as number;
    return `${data['precedence']} ${data['discoveryOptional']} ${relayType} ${formatGateway(relayType, data['relay']!, origin)}`;
  },
  toWire(data, out) {
    out.u8(data['precedence'] as number);
    out.u8((data['discoveryOptional'] as number) * DISCOVERY_OPTIONAL_BIT + (data['relayType'] as number));
    writeGateway(data['relayType'] as number, data['relay']!, out);
  },
  fromWire(input): Rdata {
    const precedence = input.u8();
    const octet = input.u8();
    const relayType = octet & ~DISCOVERY_OPTIONAL_BIT;
    const relay = readGatewayWire(relayType, input);
    return { precedence, discoveryOptional: octet & DISCOVERY_OPTIONAL_BIT ? 1 : 0, relayType, relay };
  },
};
