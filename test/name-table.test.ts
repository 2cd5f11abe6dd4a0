import { describe, expect, it } from 'vitest';
import { ZoneIndex } from '../src/lint/zone-index.js';
import { Name } from '../src/zone/name.js';
import { labelStarts, NameTable, NONE } from '../src/zone/name-table.js';
import { readZoneText } from '../src/zone/parser.js';
import { rdataToWire } from '../src/zone/rdata.js';

function add(table: NameTable, key: string, type: string, data: Record<string, unknown> = { target: Name.from('t.example.') }, line = 1): number {
  return table.add(key, type, 3600, data as never, 'z.dns', line, 1, 0);
}

describe('NameTable', () => {
  it('hands out ids in order and finds every key again after many rehashes', () => {
    const table = new NameTable();
    const count = 50_000;
    for (let i = 0; i < count; i++) expect(table.intern(`h${i}.example.`)).toBe(i);
    expect(table.size).toBe(count);
    for (let i = count - 1; i >= 0; i -= 997) {
      expect(table.idOf(`h${i}.example.`)).toBe(i);
      expect(table.keyOf(i)).toBe(`h${i}.example.`);
    }
    expect(table.idOf('h50000.example.')).toBe(NONE);
    expect(table.intern('h7.example.')).toBe(7);
  });

  it('keeps RRsets per name in the order of their first records, counting later records', () => {
    const table = new NameTable();
    const ns = add(table, 'a.example.', 'NS', undefined, 1);
    add(table, 'b.example.', 'CNAME', undefined, 2);
    const mx = add(table, 'a.example.', 'MX', { preference: 10, exchange: Name.from('mx.example.') }, 3);
    expect(add(table, 'a.example.', 'NS', { target: Name.from('other.example.') }, 4)).toBe(ns);
    const a = table.idOf('a.example.');
    expect([...table.rrsets(a)]).toEqual([ns, mx]);
    expect(table.countOf(ns)).toBe(2);
    expect(table.placeOf(ns)).toEqual({ file: 'z.dns', line: 1, column: 1, endColumn: 0 });
    expect(table.has(a, 'MX')).toBe(true);
    expect(table.has(a, 'CNAME')).toBe(false);
    expect(table.hasRecords(table.intern('only-referred.example.'))).toBe(false);
  });

  it('answers for types beyond the 32 that have a mask bit', () => {
    const table = new NameTable();
    for (let i = 0; i < 40; i++) add(table, `n${i}.example.`, `TYPE${65000 + i}`, { data: new Uint8Array([i]) });
    const last = table.idOf('n39.example.');
    expect(table.has(last, 'TYPE65039')).toBe(true);
    expect(table.has(last, 'TYPE65038')).toBe(false);
  });

  it('keeps the first data in wire form and decodes it again with names absolute and case kept', () => {
    const table = new NameTable();
    const data = { preference: 10, exchange: Name.from('Mail.Example.') };
    const rr = add(table, 'example.', 'MX', data);
    expect([...table.firstWireOf(rr)]).toEqual([...rdataToWire('MX', data)]);
    const decoded = table.firstDataOf(rr) as { preference: number; exchange: Name };
    expect(decoded.preference).toBe(10);
    expect(decoded.exchange.toString()).toBe('Mail.Example.');
    const a = add(table, 'host.example.', 'A', { address: '192.0.2.7' });
    expect([...table.firstWireOf(a)]).toEqual([192, 0, 2, 7]);
  });
});

describe('labelStarts', () => {
  it('splits at unescaped dots only', () => {
    expect(labelStarts('www.example.')).toEqual([0, 4]);
    expect(labelStarts('a\\.b.example.')).toEqual([0, 5]);
    expect(labelStarts('a\\046b.c.')).toEqual([0, 7]);
    expect(labelStarts('a\\\\.b.')).toEqual([0, 4]);
    expect(labelStarts('.')).toEqual([]);
  });
});

describe('ZoneIndex.isInZoneAuthority', () => {
  const zone = [
    '$ORIGIN example.com.',
    '@ 3600 IN SOA ns1 host 1 7200 3600 1209600 3600',
    '@ 3600 IN NS ns1',
    'ns1 3600 IN A 192.0.2.1',
    'sub 3600 IN NS ns.elsewhere.net.',
  ].join('\n');

  function index(): ZoneIndex {
    const built = new ZoneIndex(Name.from('example.com.'));
    readZoneText(zone, { file: 'z.dns', origin: Name.from('example.com.') }, { record: (r) => built.add(r), problem: () => {} });
    return built;
  }

  it('is true at and below the apex, false below a zone cut and outside the zone', () => {
    const built = index();
    expect(built.isInZoneAuthority('example.com.')).toBe(true);
    expect(built.isInZoneAuthority('mail.example.com.')).toBe(true);
    expect(built.isInZoneAuthority('sub.example.com.')).toBe(false);
    expect(built.isInZoneAuthority('host.sub.example.com.')).toBe(false);
    expect(built.isInZoneAuthority('example.net.')).toBe(false);
    expect(built.isInZoneAuthority('notexample.com.')).toBe(false);
    // One label "x.example" below com.: an escaped dot is no label boundary.
    expect(built.isInZoneAuthority('x\\.example.com.')).toBe(false);
  });
});
