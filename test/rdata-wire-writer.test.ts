import { describe, expect, it } from 'vitest';
import { tokenizeLine } from '../src/zone/lexer.js';
import { Name } from '../src/zone/name.js';
import { parseRdata, rdataToWire, writeRdataWire } from '../src/zone/rdata.js';
import { ByteWriter } from '../src/zone/rdata/wire.js';

const ORIGIN = Name.from('example.com.');

// One writer reused across records (as the name table does) must give each record exactly the bytes
// a fresh encoding gives: a long record followed by a short one must not leave the long one's tail.
const RECORDS: [string, string][] = [
  ['TXT', '"v=spf1 include:_spf.example.net ~all" "second string"'],
  ['MX', '10 mail'],
  ['SRV', '0 5 443 autodiscover.example.net.'],
  ['CAA', '0 issue "ca.example.net"'],
  ['NS', 'ns1'],
  ['TYPE65280', '\\# 3 010203'],
];

describe('writeRdataWire', () => {
  it('writes into a reused writer the same bytes rdataToWire returns', () => {
    const writer = new ByteWriter();
    for (const [type, text] of [...RECORDS, ...RECORDS.slice().reverse()]) {
      const parsed = parseRdata(type, tokenizeLine(text), ORIGIN);
      if (parsed.data === undefined) throw new Error(`fixture ${type} ${text} does not parse`);
      writer.reset();
      writeRdataWire(type, parsed.data, writer);
      expect([...writer.view()], `${type} ${text}`).toEqual([...rdataToWire(type, parsed.data)]);
    }
  });
});
