/**
 * SOA serials: `auto` is YYYYMMDDnn from the UTC date (RFC 1912 §2.2). An existing zone file's serial
 * is kept while nothing else changes, and otherwise raised to max(today's 00, old + 1) in RFC 1982
 * serial arithmetic, so it never goes backwards. The date comes from SOURCE_DATE_EPOCH when set
 * (reproducible builds, tests), else from the clock.
 */
import type { Name } from '../zone/name.js';
import { readZoneText } from '../zone/parser.js';

const HALF = 2 ** 31;
const MODULUS = 2 ** 32;

/** The date generation runs at: SOURCE_DATE_EPOCH (seconds) when set and valid in `env` (the CLI passes process.env), else now. */
export function buildDate(env: Readonly<Record<string, string | undefined>>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^[0-9]{1,12}$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

/** YYYYMMDD00 for the UTC day of `date`. */
export function dateSerial(date: Date): number {
  return (date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate()) * 100;
}

/** RFC 1982 §3.2: s1 is greater than s2. Pairs exactly 2^31 apart are undefined (false here). */
export function serialGreater(s1: number, s2: number): boolean {
  return (s1 < s2 && s2 - s1 > HALF) || (s1 > s2 && s1 - s2 < HALF);
}

/** RFC 1982 §3.1 addition, skipping 0, which some servers treat as special (RFC 1982 §7). */
export function serialIncrement(serial: number): number {
  const next = (serial + 1) % MODULUS;
  return next === 0 ? 1 : next;
}

/** The serial after `previous` for a changed zone: today's YYYYMMDD00 if that is later, else previous + 1. */
export function nextSerial(previous: number | undefined, date: Date): number {
  const today = dateSerial(date);
  if (previous === undefined) return today;
  return serialGreater(today, previous) ? today : serialIncrement(previous);
}

/**
 * The SOA serial of an existing zone file, read by the project's zone-file parser (so any layout,
 * including a custom template's, is read as BIND reads it); undefined when it has no readable SOA.
 */
export function readSerial(text: string, origin: Name, file: string): number | undefined {
  let serial: number | undefined;
  readZoneText(text, { file, origin }, {
    record: (record) => {
      if (serial === undefined && record.type === 'SOA') serial = Number(record.data.serial);
    },
    problem: () => {},
  });
  return serial;
}

export type SerialOutcome =
  | { kind: 'fixed'; serial: number; previous?: number; backwards: boolean }
  | { kind: 'kept'; serial: number }
  | { kind: 'new'; serial: number; previous?: number };

/**
 * Settles the serial of one zone. `render(serial)` gives the zone text with that serial; `existing`
 * is the current file and its serial (readSerial), if there is a file. A zone that renders to the existing bytes with the existing serial is
 * unchanged and keeps it.
 */
export function settleSerial(
  policy: 'auto' | number,
  render: (serial: number) => string,
  existing: { text: string; serial: number | undefined } | undefined,
  date: Date,
): { text: string; outcome: SerialOutcome } {
  const previous = existing?.serial;
  if (policy !== 'auto') {
    const outcome: SerialOutcome = { kind: 'fixed', serial: policy, backwards: previous !== undefined && serialGreater(previous, policy) };
    if (previous !== undefined) outcome.previous = previous;
    return { text: render(policy), outcome };
  }
  if (previous !== undefined) {
    const same = render(previous);
    if (same === existing?.text) return { text: same, outcome: { kind: 'kept', serial: previous } };
  }
  const serial = nextSerial(previous, date);
  const outcome: SerialOutcome = previous === undefined ? { kind: 'new', serial } : { kind: 'new', serial, previous };
  return { text: render(serial), outcome };
}
