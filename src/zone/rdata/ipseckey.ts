/**
 * IPSECKEY (RFC 4025 §2): the gateway's form depends on the gateway type before it
 * (0: none, written "."; 1: IPv4; 2: IPv6; 3: a domain name), so this type has its own codec.
 */
import { Name } from '../name.js';
import type { Rdata } from '../record.js';
import type { TypeCodec } from './codec.js';
import type { FieldKind } from './fields.js';
import { base64Rest, ipv4, ipv6, name, u8 } from './fields.js';
import { WireError } from './wire.js';

const NO_GATEWAY = '.';
const publicKey = base64Rest();

/** The kind that reads and writes the gateway of each gateway type. */
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

function gatewayTypeOf(data: Rdata): number {
  return data['gatewayType'] as number;
}

export const IPSECKEY_CODEC: TypeCodec = {
  shape: 'precedence gatewayType algorithm gateway publicKey',
  parse(cursor) {
    const data: Record<string, Rdata[string]> = {};
    let ok = true;
    for (const [fieldName, kind] of [['precedence', u8], ['gatewayType', u8], ['algorithm', u8]] as const) {
      cursor.field = fieldName;
      const value = kind.parse(cursor);
      if (value === undefined) ok = false;
      else data[fieldName] = value;
      if (cursor.exhausted) return undefined;
    }
    cursor.field = 'gateway';
    const gatewayType = data['gatewayType'] as number | undefined;
    if (gatewayType === 0) {
      const token = cursor.take();
      if (token && token.text !== NO_GATEWAY) {
        cursor.problem(token, `must be "." when the gateway type is 0 (no gateway)`);
        ok = false;
      }
      data['gateway'] = NO_GATEWAY;
    } else if (gatewayType !== undefined) {
      const kind = gatewayKind(gatewayType);
      if (!kind) {
        cursor.problem(cursor.take(), `type ${gatewayType} is unknown: use 0 (none), 1 (IPv4), 2 (IPv6) or 3 (domain name)`);
        ok = false;
      } else {
        const value = kind.parse(cursor);
        if (value === undefined) ok = false;
        else data['gateway'] = value;
      }
    } else cursor.take();
    if (cursor.exhausted) return undefined;
    cursor.field = 'publicKey';
    const key = publicKey.parse(cursor);
    if (key === undefined) ok = false;
    else data['publicKey'] = key;
    return ok ? data : undefined;
  },
  format(data, origin) {
    const gatewayType = gatewayTypeOf(data);
    const kind = gatewayKind(gatewayType);
    const gateway = kind ? kind.format(data['gateway']!, origin) : NO_GATEWAY;
    const key = publicKey.format(data['publicKey'] as Uint8Array);
    const head = `${data['precedence']} ${gatewayType} ${data['algorithm']} ${gateway}`;
    return key.length > 0 ? `${head} ${key}` : head;
  },
  toWire(data, out) {
    const gatewayType = gatewayTypeOf(data);
    out.u8(data['precedence'] as number);
    out.u8(gatewayType);
    out.u8(data['algorithm'] as number);
    gatewayKind(gatewayType)?.toWire(data['gateway']!, out);
    out.bytes(data['publicKey'] as Uint8Array);
  },
  fromWire(input) {
    const precedence = input.u8();
    const gatewayType = input.u8();
    const algorithm = input.u8();
    if (gatewayType > 3) throw new WireError(`gateway type ${gatewayType} is unknown`);
    const kind = gatewayKind(gatewayType);
    const gateway = kind ? kind.fromWire(input) : NO_GATEWAY;
    if (gateway instanceof Name && !gateway.isAbsolute) throw new WireError('relative gateway name');
    return { precedence, gatewayType, algorithm, gateway, publicKey: input.rest() };
  },
};
