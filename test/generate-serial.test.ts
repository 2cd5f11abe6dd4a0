import { describe, expect, it } from 'vitest';
import { Name } from '../src/zone/name.js';
import { buildDate, dateSerial, nextSerial, readSerial, serialGreater, serialIncrement, settleSerial } from '../src/generate/serial.js';

const DAY = new Date(Date.UTC(2026, 10, 22, 6, 45)); // 2026-11-22
const ORIGIN = Name.from('example.org.');
const render = (serial: number) => `@ IN SOA ns1 hostmaster (\n  ${serial} ; serial\n  14400 3600 1209600 3600 ) ; timers\nwww IN A 192.0.2.1\n`;

describe('serial numbers', () => {
  it('auto is YYYYMMDD00 of the UTC date', () => {
    expect(dateSerial(DAY)).toBe(2026112200);
    expect(dateSerial(new Date(Date.UTC(2026, 0, 1, 23, 59)))).toBe(2026010100);
  });

  it('takes the date from SOURCE_DATE_EPOCH when set', () => {
    expect(dateSerial(buildDate({ SOURCE_DATE_EPOCH: '1767225600' }))).toBe(2026010100);
    expect(buildDate({ SOURCE_DATE_EPOCH: 'yesterday' }).getTime()).toBeGreaterThan(Date.UTC(2025, 0, 1));
  });

  it('compares with RFC 1982 arithmetic', () => {
    expect(serialGreater(2, 1)).toBe(true);
    expect(serialGreater(1, 2)).toBe(false);
    expect(serialGreater(0, 4294967295)).toBe(true); // wrapped
    expect(serialGreater(5, 5 + 2 ** 31 + 1)).toBe(true);
    expect(serialGreater(1, 1 + 2 ** 31)).toBe(false); // undefined pair: not greater
    expect(serialIncrement(4294967295)).toBe(1); // wraps, skipping 0 (RFC 1982 §7)
  });

  it('a changed zone gets max(today00, old+1), never going backwards', () => {
    expect(nextSerial(undefined, DAY)).toBe(2026112200);
    expect(nextSerial(2026010105, DAY)).toBe(2026112200); // older day: today
    expect(nextSerial(2026112200, DAY)).toBe(2026112201); // same day: +1
    expect(nextSerial(2026112299, DAY)).toBe(2026112300); // 100 changes a day spill into tomorrow's
    expect(nextSerial(2030010100, DAY)).toBe(2030010101); // a serial from the future is never lowered
    expect(nextSerial(4, DAY)).toBe(2026112200); // the seed's small serial
  });

  it('reads the serial of a zone file as BIND does, comments and parentheses skipped', () => {
    const read = (text: string) => readSerial(text, ORIGIN, 'zone.dns');
    expect(read(`$TTL 1h\n${render(2026112203)}`)).toBe(2026112203);
    expect(read('$TTL 1h\n@ 3600 IN SOA ns1.example. h.example. 7 1 2 3 4\n')).toBe(7);
    expect(read('$TTL 1h\n; SOA in a comment 99\n@ IN SOA a. b. ( ; x\n 12 ; serial\n 1 2 3 4 )\n')).toBe(12);
    expect(read('$TTL 1h\nwww IN A 192.0.2.1\n')).toBeUndefined();
    expect(read('$TTL 1h\n@ IN SOA a. b. 99999999999 1 2 3 4\n')).toBeUndefined();
  });

  it('keeps the serial of an unchanged zone, bumps a changed one, uses an integer as is', () => {
    const old = { text: render(2026010103), serial: 2026010103 };
    expect(settleSerial('auto', render, old, DAY).outcome).toEqual({ kind: 'kept', serial: 2026010103 });
    const changed = { ...old, text: old.text.replace('192.0.2.1', '192.0.2.2') };
    expect(settleSerial('auto', render, changed, DAY).outcome).toEqual({ kind: 'new', serial: 2026112200, previous: 2026010103 });
    expect(settleSerial('auto', render, undefined, DAY)).toEqual({ text: render(2026112200), outcome: { kind: 'new', serial: 2026112200 } });
    expect(settleSerial(42, render, old, DAY).outcome).toEqual({ kind: 'fixed', serial: 42, previous: 2026010103, backwards: true });
    expect(settleSerial(2030010100, render, old, DAY).outcome).toMatchObject({ kind: 'fixed', backwards: false });
  });
});
