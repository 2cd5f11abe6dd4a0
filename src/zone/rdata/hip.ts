/**
 * HIP (RFC 8005 §5): algorithm, HIT (hex), public key (base64) and rendezvous servers. In wire form
 * the HIT and key lengths come first, so this type has its own codec. BIND prints the key unbroken.
 */
import type { Name } from '../name.js';
import type { TypeCodec } from './codec.js';
import { decodeBase64, decodeHex, encodeBase64, encodeHex } from './codecs.js';
import { name, u8 } from './fields.js';
import { WireError } from './wire.js';

export const HIP_CODEC: TypeCodec = {
  shape: 'algorithm hit publicKey [rendezvousServers...]',
  parse(cursor) {
    cursor.field = 'algorithm';
    const algorithm = u8.parse(cursor);
    cursor.field = 'hit';
    const hitToken = cursor.take();
    cursor.field = 'publicKey';
    const keyToken = cursor.take();
    if (!hitToken || !keyToken) return undefined;
    cursor.field = 'hit';
    const hit = decodeHex(hitToken.text);
    const hitOk = hit.ok && hit.bytes.length > 0 && hit.bytes.length <= 255;
    if (!hitOk) cursor.problem(hitToken, `must be 1..255 octets of hex${hit.ok ? '' : `: ${hit.error}`}`);
    cursor.field = 'publicKey';
    const key = decodeBase64(keyToken.text);
    const keyOk = key.ok && key.bytes.length > 0;
    if (!keyOk) cursor.problem(keyToken, `is not valid base64${key.ok ? '' : `: ${key.error}`}`);
    cursor.field = 'rendezvousServers';
    const servers: Name[] = [];
    let serversOk = true;
    while (!cursor.atEnd) {
      const server = name.parse(cursor);
      if (server) servers.push(server);
      else serversOk = false;
    }
    if (algorithm === undefined || !hit.ok || !key.ok || !hitOk || !keyOk || !serversOk) return undefined;
    return { algorithm, hit: hit.bytes, publicKey: key.bytes, rendezvousServers: servers };
  },
  format(data, origin) {
    const servers = (data['rendezvousServers'] as readonly Name[]).map((s) => name.format(s, origin));
    return [String(data['algorithm']), encodeHex(data['hit'] as Uint8Array), encodeBase64(data['publicKey'] as Uint8Array), ...servers].join(' ');
  },
  toWire(data, out) {
    const hit = data['hit'] as Uint8Array;
    const key = data['publicKey'] as Uint8Array;
    out.u8(hit.length);
    out.u8(data['algorithm'] as number);
    out.u16(key.length);
    out.bytes(hit);
    out.bytes(key);
    for (const server of data['rendezvousServers'] as readonly Name[]) out.name(server);
  },
  fromWire(input) {
    const hitLength = input.u8();
    const algorithm = input.u8();
    const keyLength = input.u16();
    if (hitLength === 0 || keyLength === 0) throw new WireError('HIP needs a HIT and a public key');
    const hit = input.bytes(hitLength);
    const publicKey = input.bytes(keyLength);
    const rendezvousServers: Name[] = [];
    while (input.remaining > 0) rendezvousServers.push(input.name());
    return { algorithm, hit, publicKey, rendezvousServers };
  },
};
