/**
 * Growable byte output and bounded byte input for record data in wire form (RFC 1035 §3.3).
 * Names are written uncompressed and keep their case: two readings of a record are the same
 * data exactly when their wire bytes are equal.
 */
import { latin1String } from '../bytes.js';
import { Name } from '../name.js';

/** Raised by ByteReader when wire data ends early or holds an impossible value; caught at the edge. */
export class WireError extends Error {}

export function octets(n: number): string {
  return `${n} octet${n === 1 ? '' : 's'}`;
}

export class ByteWriter {
  private buffer = new Uint8Array(64);
  private length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }

  u8(value: number): void {
    this.room(1);
    this.buffer[this.length++] = value & 0xff;
  }

  u16(value: number): void {
    this.room(2);
    this.buffer[this.length++] = (value >>> 8) & 0xff;
    this.buffer[this.length++] = value & 0xff;
  }

  u32(value: number): void {
    this.u16(Math.floor(value / 0x10000));
    this.u16(value % 0x10000);
  }

  /** 48-bit unsigned (TSIG/ZONEMD-style times); `value` fits in a double exactly. */
  u48(value: number): void {
    this.u16(Math.floor(value / 0x100000000));
    this.u32(value % 0x100000000);
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** A name's labels, each with its length octet, and the root octet when the name is absolute. */
  name(name: Name): void {
    for (const label of name.labels) {
      this.room(label.length + 1);
      this.buffer[this.length++] = label.length;
      for (let i = 0; i < label.length; i++) this.buffer[this.length++] = label.charCodeAt(i);
    }
    if (name.isAbsolute) this.u8(0);
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  /** Forgets what was written, keeping the room, so one writer can serve many records. */
  reset(): void {
    this.length = 0;
  }

  /** What was written, without a copy: valid until the next write or reset. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

export class ByteReader {
  private offset = 0;

  constructor(private readonly data: Uint8Array) {}

  get remaining(): number {
    return this.data.length - this.offset;
  }

  private need(n: number): void {
    if (this.remaining < n) throw new WireError(`data ends early: ${octets(n)} more needed, ${this.remaining} left`);
  }

  u8(): number {
    this.need(1);
    return this.data[this.offset++]!;
  }

  u16(): number {
    return this.u8() * 0x100 + this.u8();
  }

  u32(): number {
    return this.u16() * 0x10000 + this.u16();
  }

  u48(): number {
    return this.u16() * 0x100000000 + this.u32();
  }

  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.data.slice(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  rest(): Uint8Array {
    return this.bytes(this.remaining);
  }

  /** An uncompressed name (compression pointers have no place in stored record data). */
  name(): Name {
    const labels: string[] = [];
    let total = 1;
    for (;;) {
      const length = this.u8();
      if (length === 0) break;
      if (length > 63) throw new WireError(`label length ${length} is not allowed in record data (compression or extended label)`);
      total += length + 1;
      if (total > 255) throw new WireError('name longer than 255 octets');
      const octets = this.bytes(length);
      labels.push(latin1String(octets));
    }
    return Name.fromLabels(labels, true);
  }
}
