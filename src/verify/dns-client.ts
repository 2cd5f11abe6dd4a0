/**
 * One DNS question to one server, as `verify` asks it: over UDP (EDNS, 1232-octet buffer, no
 * recursion wanted), again over TCP when the answer comes back truncated. Every attempt has a
 * deadline and the attempts are counted, so a dead or silent server costs at most
 * (retries + 1) × timeout, plus one timeout for TCP.
 *
 * Messages are encoded and decoded with dns-packet. Record data is handed on as uncompressed wire
 * octets (see wireRecords), which zonesmith's own codecs read into the zone model: one reading of
 * record data for zone files and answers alike.
 */
import { randomInt } from 'node:crypto';
import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import net from 'node:net';
import dnsPacket from 'dns-packet';

export interface ServerAddress {
  /** An IP address. */
  address: string;
  port: number;
}

export interface QueryOptions {
  /** Milliseconds to wait for each attempt. */
  timeoutMs: number;
  /** Further UDP attempts after one that timed out or failed. */
  retries: number;
}

export type Section = 'answer' | 'authority' | 'additional';

/** A record of a response, its data as uncompressed wire octets. */
export interface WireRecord {
  section: Section;
  /** Owner as dns-packet reads it: `example.com`, `.` for the root. */
  owner: string;
  typeCode: number;
  classCode: number;
  ttl: number;
  rdata: Uint8Array;
}

export interface Response {
  rcode: string;
  authoritative: boolean;
  records: WireRecord[];
  /** True when the answer came over TCP after a truncated UDP one. */
  tcp: boolean;
}

export type QueryResult = { ok: true; response: Response } | { ok: false; reason: string };

/** EDNS buffer size of the DNS flag day 2020: answers larger than this come truncated and go to TCP. */
const UDP_PAYLOAD = 1232;

/** Asks `server` for `name` (presentation form, absolute) of type `typeCode`. */
export async function query(server: ServerAddress, name: string, typeCode: number, options: QueryOptions): Promise<QueryResult> {
  let reason = 'no attempt made';
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    const id = randomInt(0x10000);
    const message = encodeQuery(id, name, typeCode);
    const udp = await exchangeUdp(server, message, id, name, typeCode, options.timeoutMs);
    if (!udp.ok) {
      reason = udp.reason;
      continue;
    }
    if (!udp.truncated) return { ok: true, response: { ...udp.response, tcp: false } };
    const tcp = await exchangeTcp(server, message, id, name, typeCode, options.timeoutMs);
    return tcp.ok ? { ok: true, response: { ...tcp.response, tcp: true } } : { ok: false, reason: `${tcp.reason} (over TCP, after a truncated UDP answer)` };
  }
  return { ok: false, reason };
}

function encodeQuery(id: number, name: string, typeCode: number): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: 0,
    // dns-packet names the types it does not know UNKNOWN_<code>; every type goes through that form.
    questions: [{ name, type: `UNKNOWN_${typeCode}` as dnsPacket.RecordType, class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: UDP_PAYLOAD } as dnsPacket.Answer],
  });
}

/** The parts of dns-packet that its type declarations (@types/dns-packet) leave out. */
interface RdataCodec {
  decode(buf: Buffer, offset: number): unknown;
  encode(data: unknown): Buffer;
}
interface Decoder<T> {
  (buf: Buffer, offset: number): T;
  bytes: number;
}
const packetParts = dnsPacket as unknown as {
  name: { decode: Decoder<string>; encodingLength(name: string): number };
  question: { decode: Decoder<unknown> };
  record(type: string): RdataCodec;
};
const recordCodec = packetParts.record;

type Exchange = { ok: true; response: Omit<Response, 'tcp'>; truncated: boolean } | { ok: false; reason: string };

/**
 * The one way an exchange ends: with its result, or with a timeout after `timeoutMs`; the socket is
 * closed once, whichever comes first (a late datagram or error after the end is ignored).
 */
function settleOnce(timeoutMs: number, close: () => void, resolve: (result: Exchange) => void): (result: Exchange) => void {
  let settled = false;
  const finish = (result: Exchange) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    close();
    resolve(result);
  };
  const timer = setTimeout(() => finish({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  return finish;
}

function exchangeUdp(server: ServerAddress, message: Buffer, id: number, name: string, typeCode: number, timeoutMs: number): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket(isIPv6(server.address) ? 'udp6' : 'udp4');
    const finish = settleOnce(timeoutMs, () => socket.close(), resolve);
    socket.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, reason: networkReason(error) }));
    socket.on('message', (packet) => {
      const read = readResponse(packet, id, name, typeCode);
      // A stray or forged datagram (another id or question) is not the answer: keep waiting for it.
      if (read.ok || read.fatal) finish(read.ok ? read : { ok: false, reason: read.reason });
    });
    // Connected, so that an ICMP "port unreachable" (a stopped server) is an error now, not a timeout.
    socket.connect(server.port, server.address, () => socket.send(message));
  });
}

function exchangeTcp(server: ServerAddress, message: Buffer, id: number, name: string, typeCode: number, timeoutMs: number): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: server.address, port: server.port });
    let received = Buffer.alloc(0);
    const finish = settleOnce(timeoutMs, () => socket.destroy(), resolve);
    socket.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, reason: networkReason(error) }));
    socket.on('connect', () => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(message.length);
      socket.write(Buffer.concat([length, message]));
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 2 || received.length < 2 + received.readUInt16BE(0)) return;
      const read = readResponse(received.subarray(2, 2 + received.readUInt16BE(0)), id, name, typeCode);
      finish(read.ok ? read : { ok: false, reason: read.reason });
    });
    socket.on('end', () => finish({ ok: false, reason: 'the server closed the TCP connection without an answer' }));
  });
}

function networkReason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused (no DNS server on that port)';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'network unreachable';
    default:
      return error.code ?? error.message;
  }
}

type Read = { ok: true; response: Omit<Response, 'tcp'>; truncated: boolean } | { ok: false; fatal: boolean; reason: string };

function readResponse(packet: Buffer, id: number, name: string, typeCode: number): Read {
  let decoded: dnsPacket.DecodedPacket;
  let records: WireRecord[];
  try {
    decoded = dnsPacket.decode(packet);
    if (decoded.id !== id || decoded.type !== 'response') return { ok: false, fatal: false, reason: 'a datagram that is not the answer' };
    const question = decoded.questions?.[0];
    // The type as a number from the message itself: dns-packet's name for it may be UNKNOWN_<code>.
    const askedType = question ? packet.readUInt16BE(12 + packetParts.name.encodingLength(question.name)) : -1;
    if (!question || question.name.toLowerCase() !== name.replace(/\.$/, '').toLowerCase() || askedType !== typeCode) {
      return { ok: false, fatal: false, reason: 'an answer to another question' };
    }
    records = wireRecords(packet);
  } catch (error) {
    return { ok: false, fatal: true, reason: `malformed answer: ${(error as Error).message}` };
  }
  const flags = decoded.flags ?? 0;
  return {
    ok: true,
    truncated: (flags & dnsPacket.TRUNCATED_RESPONSE) !== 0,
    response: { rcode: (decoded as { rcode?: string }).rcode ?? 'NOERROR', authoritative: (flags & dnsPacket.AUTHORITATIVE_ANSWER) !== 0, records },
  };
}

/**
 * The types whose data may hold compressed names (RFC 3597 §4 lists those a server may compress,
 * and those a reader must be ready to find compressed) and that dns-packet can decode: their data
 * is decoded and encoded again by dns-packet, which writes names uncompressed. Any other type's
 * data is taken as the octets the server sent.
 */
const NAME_TYPES: ReadonlyMap<number, string> = new Map([
  [2, 'NS'],
  [5, 'CNAME'],
  [6, 'SOA'],
  [12, 'PTR'],
  [15, 'MX'],
  [17, 'RP'],
  [33, 'SRV'],
  [35, 'NAPTR'],
  [39, 'DNAME'],
]);

const SECTIONS: readonly Section[] = ['answer', 'authority', 'additional'];
const OPT = 41;


/** The records of a message, section by section, with their data as uncompressed wire octets. */
export function wireRecords(packet: Buffer): WireRecord[] {
  let offset = 12;
  for (let i = packet.readUInt16BE(4); i > 0; i--) {
    packetParts.question.decode(packet, offset);
    offset += packetParts.question.decode.bytes;
  }
  const records: WireRecord[] = [];
  for (const [index, section] of SECTIONS.entries()) {
    for (let i = packet.readUInt16BE(6 + 2 * index); i > 0; i--) {
      const owner = packetParts.name.decode(packet, offset);
      offset += packetParts.name.decode.bytes;
      const typeCode = packet.readUInt16BE(offset);
      const classCode = packet.readUInt16BE(offset + 2);
      const ttl = packet.readUInt32BE(offset + 4);
      const length = packet.readUInt16BE(offset + 8);
      const start = offset + 10;
      if (start + length > packet.length) throw new Error('record data runs past the end of the message');
      offset = start + length;
      if (typeCode === OPT) continue;
      const nameType = NAME_TYPES.get(typeCode);
      let rdata: Uint8Array;
      if (nameType) {
        const codec = recordCodec(nameType);
        // dns-packet's codecs read and write the data with its two-octet length in front.
        rdata = codec.encode(codec.decode(packet, start - 2)).subarray(2);
      } else {
        rdata = packet.subarray(start, start + length);
      }
      records.push({ section, owner, typeCode, classCode, ttl, rdata });
    }
  }
  return records;
}
