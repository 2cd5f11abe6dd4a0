/**
 * A compact table of the zone's names and RRsets, built once while records stream past and read by
 * both BIND's zone-level checks (zone-checks.ts) and the lint index (lint/zone-index.ts).
 *
 * Why it looks like this: a million-record zone has close to a million names, and one JS object (or
 * Map) per name or per RRset costs hundreds of bytes and keeps the garbage collector busy. Here a name
 * is a small integer id (one Map from its key), and everything per name or per RRset lives in typed
 * arrays indexed by that id. The first record's data of each RRset (the duplicate checks compare
 * later records with it) is kept in wire form in one byte arena: the parser's data objects, a few
 * hundred bytes each with their strings, die with their record.
 */
import { latin1String } from './bytes.js';
import { typeCodeOf, writeRdataWire } from './rdata.js';
import { parseIpv4, parseIpv6 } from './rdata/address.js';
import { ByteReader, ByteWriter } from './rdata/wire.js';
import { codecOf } from './rdata/types.js';
import type { Rdata } from './record.js';

/** Growable typed arrays: doubling keeps appends amortised O(1). */
function grown<T extends Int32Array | Uint32Array | Uint16Array>(array: T, needed: number, make: (size: number) => T, fill?: number): T {
  if (needed <= array.length) return array;
  const next = make(Math.max(needed, array.length * 2));
  next.set(array);
  if (fill !== undefined) next.fill(fill, array.length);
  return next;
}

/**
 * Small to start with: `validate` and `generate` build one table per zone of a spec (10,000 zones of
 * twenty records each), and the arrays double as a big zone needs.
 */
const INITIAL_CAPACITY = 64;

/** Page size of a ByteArena: items (a key, one record's data: at most 65,535 octets) never span two. */
const PAGE_BYTES = 1 << 20;
/** The first page starts at this size and doubles up to PAGE_BYTES (a small zone needs a few KiB, not 1 MiB). */
const FIRST_PAGE_BYTES = 4096;

/**
 * Bytes appended in fixed pages: growing never copies what is there nor reserves twice the room, so
 * the peak memory of a big zone is its bytes plus one page. An item is found by its offset. Only the
 * first page grows by copying (doubling up to a full page), so a small zone holds a small arena.
 */
class ByteArena {
  private readonly pages: Uint8Array[] = [];
  private used = PAGE_BYTES;

  /** Room for `length` bytes; returns the offset they get. */
  private reserve(length: number): number {
    const needed = this.used + length;
    if (this.pages.length === 1 && needed > this.pages[0]!.length && needed <= PAGE_BYTES) {
      let size = this.pages[0]!.length * 2;
      while (size < needed) size *= 2;
      const grown = new Uint8Array(Math.min(size, PAGE_BYTES));
      grown.set(this.pages[0]!);
      this.pages[0] = grown;
    } else if (this.pages.length === 0 || needed > this.pages[this.pages.length - 1]!.length) {
      const first = this.pages.length === 0;
      this.pages.push(new Uint8Array(Math.max(first ? FIRST_PAGE_BYTES : PAGE_BYTES, length)));
      this.used = 0;
    }
    const offset = (this.pages.length - 1) * PAGE_BYTES + this.used;
    this.used += length;
    return offset;
  }

  appendBytes(bytes: Uint8Array): number {
    const offset = this.reserve(bytes.length);
    this.pages[this.pages.length - 1]!.set(bytes, this.used - bytes.length);
    return offset;
  }

  /** `text` holds only char codes below 256 (keys are ASCII). */
  appendLatin1(text: string): number {
    const offset = this.reserve(text.length);
    const page = this.pages[this.pages.length - 1]!;
    const start = this.used - text.length;
    for (let i = 0; i < text.length; i++) page[start + i] = text.charCodeAt(i);
    return offset;
  }

  view(offset: number, length: number): Uint8Array {
    const start = offset % PAGE_BYTES;
    return this.pages[Math.floor(offset / PAGE_BYTES)]!.subarray(start, start + length);
  }

  equalsLatin1(offset: number, length: number, text: string): boolean {
    if (length !== text.length) return false;
    const page = this.pages[Math.floor(offset / PAGE_BYTES)]!;
    const start = offset % PAGE_BYTES;
    for (let i = 0; i < length; i++) if (page[start + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  latin1(offset: number, length: number): string {
    return latin1String(this.view(offset, length));
  }
}
/** RRset ids are >= 0; this ends a name's list of RRsets and means "no such RRset". */
export const NONE = -1;
/** Type codes below this have a bit in the per-name mask, so `has` needs no walk. */
const MASK_BITS = 32;

/** The first place of an RRset: the record's owner token when written, else the start of its line. */
export interface Place {
  file: string;
  line: number;
  column: number;
  /** 0 when unknown. */
  endColumn: number;
}

/**
 * A seeded string hash (FNV-1a, then Murmur3's finaliser to spread the bits the slot mask keeps).
 * The seed is random per table, so a zone file cannot be written to make its names collide; the
 * output never depends on it (ids are handed out in record order).
 */
function hashKey(key: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Where each label of a key starts, most specific first (`a.b.` -> [0, 2]): the keys of the name's
 * ancestors are `key.slice(start)`. Keys are `Name.key` text, so a dot in a label is escaped (`\.`,
 * `\046`) and only an unescaped dot ends a label.
 */
export function labelStarts(key: string): number[] {
  const starts: number[] = [];
  if (key === '.') return starts;
  let start = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === BACKSLASH) {
      const next = key.charCodeAt(i + 1);
      i += next >= DIGIT_0 && next <= DIGIT_9 ? 3 : 1;
    } else if (c === DOT) {
      starts.push(start);
      start = i + 1;
    }
  }
  if (start < key.length) starts.push(start);
  return starts;
}

const BACKSLASH = 0x5c;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** Strings as small integer codes, in the order first seen (types and file names: a handful per zone). */
class Codes {
  private readonly codes = new Map<string, number>();
  private readonly texts: string[] = [];

  codeOf(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.codes.set(text, code);
      this.texts.push(text);
    }
    return code;
  }

  existing(text: string): number | undefined {
    return this.codes.get(text);
  }

  text(code: number): string {
    return this.texts[code]!;
  }
}

export class NameTable {
  /**
   * Name id -> key (lower-cased presentation form, ASCII), as bytes: a million strings would be a
   * million objects for the garbage collector to walk on every full collection.
   */
  private readonly keyBytes = new ByteArena();
  private keyStart = new Uint32Array(INITIAL_CAPACITY);
  private keyLength = new Uint16Array(INITIAL_CAPACITY);
  private count = 0;
  /**
   * Key -> id, as an open-addressing hash table (linear probing, at most half full) whose slots are
   * (id, hash) pairs side by side. A JS Map of a million strings costs ~0.7 µs per lookup of a new
   * name (cache misses on the stored strings); here a probe reads one cache line and compares
   * hashes, and a key's bytes are read only when the hashes agree.
   */
  private slots = new Int32Array(INITIAL_CAPACITY * 4).fill(NONE);
  private readonly seed = (Math.random() * 0x100000000) >>> 0;
  /** The slot where the last lookup that missed would put its key. */
  private freeSlot = 0;
  /** The hash of the last key looked up. */
  private lastHash = 0;
  /** Name id -> its first RRset (NONE for a name only referred to, e.g. an out-of-zone target). */
  private head = new Int32Array(INITIAL_CAPACITY).fill(NONE);
  private mask = new Uint32Array(INITIAL_CAPACITY);

  private readonly types = new Codes();
  private readonly files = new Codes();

  /** The name id of the last `add` (its caller often needs it next, without a second lookup). */
  lastAddedName = NONE;

  private rrsetCount = 0;
  private rrType = new Uint16Array(INITIAL_CAPACITY);
  private rrNext = new Int32Array(INITIAL_CAPACITY);
  private rrFile = new Uint16Array(INITIAL_CAPACITY);
  private rrLine = new Uint32Array(INITIAL_CAPACITY);
  private rrColumn = new Uint32Array(INITIAL_CAPACITY);
  private rrEndColumn = new Uint32Array(INITIAL_CAPACITY);
  private rrTtl = new Uint32Array(INITIAL_CAPACITY);
  private rrCount = new Uint32Array(INITIAL_CAPACITY);
  /** RRset id -> where the wire form of its first record's data starts in `wire`, and its length. */
  private rrWireStart = new Uint32Array(INITIAL_CAPACITY);
  private rrWireLength = new Uint32Array(INITIAL_CAPACITY);
  private readonly wire = new ByteArena();

  /** How many ids were handed out (names with records and names only referred to). */
  get size(): number {
    return this.count;
  }

  /** The key of a name id. */
  keyOf(id: number): string {
    return this.keyBytes.latin1(this.keyStart[id]!, this.keyLength[id]!);
  }

  /**
   * The last key looked up and its id (NONE: absent then). Records come in runs with one owner, and
   * several readers ask about each record's owner: a hash lookup in a map of a million keys is a
   * cache miss, a string identity check is not.
   */
  private lastKey: string | undefined;
  private lastId = NONE;

  /** The id of a name key, or NONE. */
  idOf(key: string): number {
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastId = this.find(key);
    }
    return this.lastId;
  }

  private find(key: string): number {
    const hash = hashKey(key, this.seed) | 0;
    this.lastHash = hash;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[2 * slot]!;
      if (id === NONE) {
        this.freeSlot = slot;
        return NONE;
      }
      if (slots[2 * slot + 1] === hash && this.keyBytes.equalsLatin1(this.keyStart[id]!, this.keyLength[id]!, key)) return id;
    }
  }

  /** Doubles the slots and puts every (id, hash) back: no key is hashed again. */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(NONE);
    const mask = (slots.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === NONE) continue;
      let slot = old[i + 1]! & mask;
      while (slots[2 * slot] !== NONE) slot = (slot + 1) & mask;
      slots[2 * slot] = old[i]!;
      slots[2 * slot + 1] = old[i + 1]!;
    }
    this.slots = slots;
  }

  /** The id of a name key, made when new. */
  intern(key: string): number {
    let id = this.idOf(key);
    if (id === NONE) {
      id = this.count++;
      // idOf just missed: freeSlot and lastHash belong to this key.
      this.slots[2 * this.freeSlot] = id;
      this.slots[2 * this.freeSlot + 1] = this.lastHash;
      this.keyStart = grown(this.keyStart, id + 1, (n) => new Uint32Array(n));
      this.keyLength = grown(this.keyLength, id + 1, (n) => new Uint16Array(n));
      this.keyStart[id] = this.keyBytes.appendLatin1(key);
      this.keyLength[id] = key.length;
      if (this.count * 4 > this.slots.length) this.rehash();
      this.head = grown(this.head, id + 1, (n) => new Int32Array(n), NONE);
      this.mask = grown(this.mask, id + 1, (n) => new Uint32Array(n));
      this.lastId = id;
    }
    return id;
  }

  /** True when the name has at least one record. */
  hasRecords(id: number): boolean {
    return id !== NONE && this.head[id] !== NONE;
  }

  /** The RRset of `type` at name `id`, or NONE. */
  rrset(id: number, type: string): number {
    if (id === NONE) return NONE;
    const code = this.types.existing(type);
    if (code === undefined) return NONE;
    if (code < MASK_BITS && (this.mask[id]! & (1 << code)) === 0) return NONE;
    for (let rr = this.head[id]!; rr !== NONE; rr = this.rrNext[rr]!) if (this.rrType[rr] === code) return rr;
    return NONE;
  }

  has(id: number, type: string): boolean {
    return this.rrset(id, type) !== NONE;
  }

  /** The RRsets of a name, in the order their first records came. */
  *rrsets(id: number): Generator<number> {
    if (id === NONE) return;
    for (let rr = this.head[id]!; rr !== NONE; rr = this.rrNext[rr]!) yield rr;
  }

  /** Whether any RRset of the name has a type outside `allowed`. */
  hasTypeOutside(id: number, allowed: ReadonlySet<string>): boolean {
    if (id === NONE) return false;
    for (let rr = this.head[id]!; rr !== NONE; rr = this.rrNext[rr]!) if (!allowed.has(this.types.text(this.rrType[rr]!))) return true;
    return false;
  }

  /**
   * Counts a record into its RRset, making the name and the RRset when new; the place (the record's
   * owner token, or its line start with endColumn 0) is kept only for a new RRset. Returns the RRset id.
   */
  add(key: string, type: string, ttl: number, data: Rdata, file: string, line: number, column: number, endColumn: number): number {
    const id = this.intern(key);
    this.lastAddedName = id;
    let rr = this.rrset(id, type);
    if (rr !== NONE) {
      this.rrCount[rr]!++;
      return rr;
    }
    rr = this.rrsetCount++;
    this.reserveRrsets(rr + 1);
    const code = this.types.codeOf(type);
    this.rrType[rr] = code;
    this.rrNext[rr] = NONE;
    this.rrFile[rr] = this.fileCode(file);
    this.rrLine[rr] = line;
    this.rrColumn[rr] = column;
    this.rrEndColumn[rr] = endColumn;
    this.rrTtl[rr] = ttl;
    this.rrCount[rr] = 1;
    const bytes = wireOrEmpty(type, data);
    this.rrWireStart[rr] = this.wire.appendBytes(bytes);
    this.rrWireLength[rr] = bytes.length;
    // Append, so a name's RRsets keep the order of their first records.
    let last = this.head[id]!;
    if (last === NONE) this.head[id] = rr;
    else {
      while (this.rrNext[last] !== NONE) last = this.rrNext[last]!;
      this.rrNext[last] = rr;
    }
    if (code < MASK_BITS) this.mask[id]! |= 1 << code;
    return rr;
  }

  typeOf(rr: number): string {
    return this.types.text(this.rrType[rr]!);
  }

  ttlOf(rr: number): number {
    return this.rrTtl[rr]!;
  }

  countOf(rr: number): number {
    return this.rrCount[rr]!;
  }

  /** The wire form of the RRset's first record's data (a view: copy it to keep it). */
  firstWireOf(rr: number): Uint8Array {
    return this.wire.view(this.rrWireStart[rr]!, this.rrWireLength[rr]!);
  }

  /** The RRset's first record's data, decoded again from its wire form (names come back absolute, case kept). */
  firstDataOf(rr: number): Rdata {
    const type = this.typeOf(rr);
    const codec = codecOf(typeCodeOf(type) ?? -1);
    if (!codec) throw new Error(`no codec to decode ${type} data`);
    return codec.fromWire(new ByteReader(this.firstWireOf(rr)));
  }

  placeOf(rr: number): Place {
    return { file: this.files.text(this.rrFile[rr]!), line: this.rrLine[rr]!, column: this.rrColumn[rr]!, endColumn: this.rrEndColumn[rr]! };
  }

  /** The file name behind a code handed out by `fileCode` (places kept elsewhere in typed arrays). */
  fileName(code: number): string {
    return this.files.text(code);
  }

  fileCode(file: string): number {
    return this.files.codeOf(file);
  }

  private reserveRrsets(needed: number): void {
    if (needed <= this.rrType.length) return;
    this.rrType = grown(this.rrType, needed, (n) => new Uint16Array(n));
    this.rrNext = grown(this.rrNext, needed, (n) => new Int32Array(n));
    this.rrFile = grown(this.rrFile, needed, (n) => new Uint16Array(n));
    this.rrLine = grown(this.rrLine, needed, (n) => new Uint32Array(n));
    this.rrColumn = grown(this.rrColumn, needed, (n) => new Uint32Array(n));
    this.rrEndColumn = grown(this.rrEndColumn, needed, (n) => new Uint32Array(n));
    this.rrTtl = grown(this.rrTtl, needed, (n) => new Uint32Array(n));
    this.rrCount = grown(this.rrCount, needed, (n) => new Uint32Array(n));
    this.rrWireStart = grown(this.rrWireStart, needed, (n) => new Uint32Array(n));
    this.rrWireLength = grown(this.rrWireLength, needed, (n) => new Uint32Array(n));
  }
}

/**
 * Data the codecs refuse to encode (only data built in code can be such) is kept as no bytes, never
 * thrown at the reader. A and AAAA, most of a big zone, go straight through the address scanners
 * their codecs encode with (the wire form is the address octets) rather than a writer per record.
 */
/** One writer for every RRset's first data: the bytes are copied into the arena straight away. */
const scratch = new ByteWriter();
const EMPTY = new Uint8Array(0);

function wireOrEmpty(type: string, data: Rdata): Uint8Array {
  if (type === 'A' || type === 'AAAA') {
    const address = (data as { address?: unknown }).address;
    const octets = typeof address === 'string' ? (type === 'A' ? parseIpv4(address) : parseIpv6(address)) : undefined;
    if (octets) return octets;
  }
  scratch.reset();
  try {
    writeRdataWire(type, data, scratch);
  } catch {
    return EMPTY;
  }
  return scratch.view();
}
