/**
 * The fuzzer's mutations: one to three random edits to a zone file's bytes. Each is one a person or a
 * broken tool might make (a token lost, doubled or moved; a line lost or doubled; a directive, an
 * escape, a quote, a parenthesis, a line end, a NUL, a Unicode character or an odd number inserted),
 * chosen so that the two readers are led into the corners where they may part.
 */
import type { Rng } from './rng.js';

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Text dropped into a token or between tokens. */
const SNIPPETS: readonly Buffer[] = [
  ascii('\\'), ascii('\\065'), ascii('\\.'), ascii('\\999'), ascii('\\0'), ascii('\\ '), ascii('"'), ascii('""'), ascii('('), ascii(')'),
  ascii(';'), ascii('\r'), ascii('\n'), ascii('\r\n'), ascii('\t'), ascii(' '), ascii('\0'), ascii('@'), ascii('.'), ascii('*'), ascii('$'),
  ascii('_'), ascii('-'), ascii('\\\n'), ascii('\\\r\n'),
  utf8('\u00a0'), utf8('\u2003'), utf8('\ufeff'), utf8('é'), utf8('\u200b'), ascii('\xe9'), ascii('\xff'), ascii('\xc3'),
  ascii('0'), ascii('-1'), ascii('2147483647'), ascii('2147483648'), ascii('4294967295'), ascii('4294967296'), ascii('65535'),
  ascii('65536'), ascii('1w'), ascii('1W2d'), ascii('99999999999'), ascii('0x10'), ascii('1e3'), ascii('3600'),
  ascii('IN'), ascii('CH'), ascii('A'), ascii('TXT'), ascii('CNAME'), ascii('TYPE65534'), ascii('\\#'),
];

/** Whole lines inserted between lines. */
const LINES: readonly Buffer[] = [
  ascii('$TTL 30'), ascii('$TTL 1h'), ascii('$TTL'), ascii('$TTL 2147483648'), ascii('$ORIGIN sub'), ascii('$ORIGIN .'), ascii('$ORIGIN example.com.'),
  ascii('$INCLUDE "f""f"'), ascii('$INCLUDE missing.inc'), ascii('$GENERATE 1-3 g$ A 10.9.9.$'), ascii('$GENERATE 1-2 g$ TXT "v$"'),
  ascii('$GENERATE 0-2147483648 g$ A 10.0.0.1'), ascii('$GENERATE 2147483646-2147483647 g$ TXT x'), ascii('$GENERATE 3-1 g$ A 10.0.0.1'),
  utf8('$GENERATE 1-2 g$\u2003 TXT x'), ascii('$DATE 20260101000000'), ascii('$FOO bar'),
  ascii('x CNAME "b"'), ascii('x MX 10 "mail"'), ascii('x TXT "caf\xe9"'), ascii('caf\xe9 TXT x'), utf8('www\u00a0 TXT x'), utf8('\ufeffbom TXT x'),
  ascii('c1 CNAME t'), ascii('C1 CNAME t'), ascii('x A 192.0.2.1'), ascii('x 60 A 192.0.2.2'), ascii(' TXT "blank owner"'),
  ascii('x NS ns.nowhere'), ascii('d NS ns.d'), ascii('x SRV 0 0 1 _bad'), ascii('_x A 192.0.2.3'), ascii('x TXT ( a'), ascii(')'),
];

const isBlank = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** [start, end) of every run of non-blank bytes. */
function tokenSpans(bytes: Buffer): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= bytes.length; i++) {
    const blank = i === bytes.length || isBlank(bytes[i]!);
    if (blank && start >= 0) {
      spans.push([start, i]);
      start = -1;
    } else if (!blank && start < 0) start = i;
  }
  return spans;
}

/** Byte offsets where lines start. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = bytes.indexOf(0x0a); i >= 0 && i + 1 < bytes.length; i = bytes.indexOf(0x0a, i + 1)) starts.push(i + 1);
  return starts;
}

type Mutation = (bytes: Buffer, rng: Rng) => Buffer;

const splice = (bytes: Buffer, start: number, end: number, insert: Buffer = Buffer.alloc(0)): Buffer =>
  Buffer.concat([bytes.subarray(0, start), insert, bytes.subarray(end)]);

const MUTATIONS: readonly Mutation[] = [
  // A token deleted, doubled, swapped with another, or replaced by a snippet.
  (bytes, rng) => {
    const spans = tokenSpans(bytes);
    if (spans.length === 0) return bytes;
    const [s, e] = rng.pick(spans);
    return splice(bytes, s, e);
  },
  (bytes, rng) => {
    const spans = tokenSpans(bytes);
    if (spans.length === 0) return bytes;
    const [s, e] = rng.pick(spans);
    return splice(bytes, e, e, Buffer.concat([ascii(' '), bytes.subarray(s, e)]));
  },
  (bytes, rng) => {
    const spans = tokenSpans(bytes);
    if (spans.length < 2) return bytes;
    let [a, b] = [rng.pick(spans), rng.pick(spans)];
    if (a[0] === b[0]) return bytes;
    if (a[0] > b[0]) [a, b] = [b, a];
    return Buffer.concat([bytes.subarray(0, a[0]), bytes.subarray(b[0], b[1]), bytes.subarray(a[1], b[0]), bytes.subarray(a[0], a[1]), bytes.subarray(b[1])]);
  },
  (bytes, rng) => {
    const spans = tokenSpans(bytes);
    if (spans.length === 0) return bytes;
    const [s, e] = rng.pick(spans);
    return splice(bytes, s, e, rng.pick(SNIPPETS));
  },
  // A snippet inside or beside a token.
  (bytes, rng) => {
    const at = rng.int(bytes.length + 1);
    return splice(bytes, at, at, rng.pick(SNIPPETS));
  },
  (bytes, rng) => {
    const spans = tokenSpans(bytes);
    if (spans.length === 0) return bytes;
    const [s, e] = rng.pick(spans);
    const at = rng.next() < 0.5 ? s : e;
    return splice(bytes, at, at, rng.pick(SNIPPETS));
  },
  // A line deleted, doubled, or one of LINES inserted.
  (bytes, rng) => {
    const starts = lineStarts(bytes);
    const i = rng.int(starts.length);
    const end = i + 1 < starts.length ? starts[i + 1]! : bytes.length;
    return splice(bytes, starts[i]!, end);
  },
  (bytes, rng) => {
    const starts = lineStarts(bytes);
    const i = rng.int(starts.length);
    const end = i + 1 < starts.length ? starts[i + 1]! : bytes.length;
    return splice(bytes, end, end, bytes.subarray(starts[i]!, end));
  },
  (bytes, rng) => {
    const starts = lineStarts(bytes);
    const at = rng.next() < 0.2 ? bytes.length : starts[rng.int(starts.length)]!;
    const line = rng.pick(LINES);
    if (at === bytes.length) {
      const needsBreak = bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a;
      // Half the time the new last line has no line end: BIND refuses a directive there.
      return Buffer.concat([bytes, needsBreak ? ascii('\n') : Buffer.alloc(0), line, rng.next() < 0.5 ? ascii('\n') : Buffer.alloc(0)]);
    }
    return splice(bytes, at, at, Buffer.concat([line, ascii('\n')]));
  },
  // The final line end dropped; all LF made CR (an old Mac file).
  (bytes) => (bytes.length > 0 && bytes[bytes.length - 1] === 0x0a ? bytes.subarray(0, bytes.length - (bytes[bytes.length - 2] === 0x0d ? 2 : 1)) : bytes),
  (bytes, rng) => (rng.next() < 0.3 ? Buffer.from(bytes.map((b) => (b === 0x0a ? 0x0d : b))) : bytes),
];

/** One to three random mutations of `bytes`. */
export function mutate(bytes: Buffer, rng: Rng): Buffer {
  const count = 1 + rng.int(3);
  let out = bytes;
  for (let i = 0; i < count; i++) out = rng.pick(MUTATIONS)(out, rng);
  return out;
}
