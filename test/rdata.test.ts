/**
 * Record data per type: the valid and invalid tables in test/fixtures/rdata/ (BIND's own output is
 * the expected text, and BIND re-checks both tables when it is installed), wire bytes, relative
 * printing for the generator, and properties: every problem collected, nothing thrown, printed
 * text always reads back to the same data.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryFromText } from '../src/zone/bytes.js';
import { tokenizeLine } from '../src/zone/lexer.js';
import { Name } from '../src/zone/name.js';
import {
  formatRdata,
  isClass,
  isKnownType,
  normalizeClass,
  parseRdata,
  rdataToWire,
  typeCodeOf,
  typeMnemonic,
} from '../src/zone/rdata.js';
import type { TxtData } from '../src/zone/record.js';
import { TYPE_CODES } from '../src/zone/rdata/codes.js';
import { bindAvailable } from './helpers/bind.js';

const ORIGIN = Name.from('example.');
const FIXTURES = join(import.meta.dirname, 'fixtures', 'rdata');

interface Row {
  type: string;
  input: string;
  expected: string;
  line: number;
}

function readTable(file: string): Row[] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => text.length > 0 && !text.startsWith('#'))
    .map(({ text, line }) => {
      const [type = '', input = '', expected = ''] = text.split('\t');
      return { type, input, expected, line };
    });
}

const VALID = readTable('valid.tsv');
const INVALID = readTable('invalid.tsv');

function parse(type: string, text: string, origin: Name | null = ORIGIN) {
  return parseRdata(type, tokenizeLine(binaryFromText(text)), origin);
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

describe('valid forms (test/fixtures/rdata/valid.tsv)', () => {
  it.each(VALID.map((row) => [`${row.type} ${row.input}`, row] as const))('%s', (_label, row) => {
    const result = parse(row.type, row.input);
    expect(result.problems).toEqual([]);
    const data = result.data!;
    expect(formatRdata(row.type, data)).toBe(row.expected);
    const again = parse(row.type, row.expected, null);
    expect(again.problems).toEqual([]);
    expect(hex(rdataToWire(row.type, again.data!))).toBe(hex(rdataToWire(row.type, data)));
  });
});

describe('invalid forms (test/fixtures/rdata/invalid.tsv)', () => {
  it.each(INVALID.map((row) => [`${row.type} ${row.input}`, row] as const))('%s', (_label, row) => {
    const tokens = tokenizeLine(binaryFromText(row.input));
    const result = parseRdata(row.type, tokens, ORIGIN);
    expect(result.data).toBeUndefined();
    expect(result.problems.map((p) => p.message).join('\n')).toContain(row.expected);
    // Every problem points at one of the record's own tokens when there are any.
    for (const problem of result.problems) {
      if (tokens.length > 0) expect(tokens).toContain(problem.token);
    }
  });
});

/** BIND's reading of records under `example.`, one owner per record: owner -> printed data. */
function bindReading(records: readonly string[], soaData = 'ns1 hostmaster 1 2 3 4 5'): { ok: boolean; byOwner: Map<string, string>; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zonesmith-rdata-'));
  try {
    const file = join(dir, 'zone.db');
    const head = `$TTL 300\n@ SOA ${soaData}\n@ NS ns1\nns1 A 192.0.2.53\n`;
    writeFileSync(file, head + records.map((r, i) => `r${i} ${r}\n`).join(''));
    const run = spawnSync('named-compilezone', ['-i', 'none', '-k', 'ignore', '-n', 'ignore', '-s', 'full', '-o', '-', 'example.', file], {
      encoding: 'utf8',
    });
    const byOwner = new Map<string, string>();
    for (const line of run.stdout.split('\n')) {
      const match = /^(r[0-9]+|@|example)\.?\S*\s+[0-9]+\s+IN\s+\S+\s(.*)$/.exec(line);
      if (match) byOwner.set(match[1]!, match[2]!.replace(/^\t+/, ''));
    }
    for (const line of run.stdout.split('\n')) {
      const soa = /^example\.\s+[0-9]+\s+IN\s+SOA\s+(.*)$/.exec(line);
      if (soa) byOwner.set('SOA', soa[1]!);
    }
    return { ok: run.status === 0, byOwner, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the tables agree with BIND 9.18', () => {
  const haveBind = bindAvailable();

  it.runIf(haveBind)('prints every valid input as the table says', () => {
    const rows = VALID.filter((r) => r.type !== 'SOA');
    const reading = bindReading(rows.map((r) => `${r.type} ${r.input}`));
    expect(reading.ok, reading.output).toBe(true);
    rows.forEach((row, i) => expect(`${row.type} ${row.input} -> ${reading.byOwner.get(`r${i}`)}`).toBe(`${row.type} ${row.input} -> ${row.expected}`));
    for (const row of VALID.filter((r) => r.type === 'SOA')) {
      const soa = bindReading([], row.input);
      expect(soa.byOwner.get('SOA')).toBe(row.expected);
    }
  });

  it.runIf(haveBind)('refuses every invalid input', () => {
    const accepted = INVALID.filter((row) =>
      row.type === 'SOA' ? bindReading([], row.input).ok : bindReading([`${row.type} ${row.input}`]).ok,
    );
    expect(accepted.map((r) => `${r.type} ${r.input}`)).toEqual([]);
  });
});

describe('every problem at once', () => {
  it('reports each bad field of one record with its own token', () => {
    const tokens = tokenizeLine('70000 x 65536 host');
    const result = parseRdata('SRV', tokens, ORIGIN);
    expect(result.problems.map((p) => [p.token?.column, p.message])).toEqual([
      [1, 'SRV priority 70000 is out of range 0..65535'],
      [7, 'SRV weight "x" is not a decimal number in 0..65535'],
      [9, 'SRV port 65536 is out of range 0..65535'],
    ]);
  });

  it('reports each bad string of a TXT record', () => {
    const result = parse('TXT', `"${'a'.repeat(256)}" "ok" "${'b'.repeat(300)}"`);
    expect(result.problems.map((p) => p.message)).toEqual([
      'TXT strings is 256 octets long; a character-string holds at most 255 (split it into several quoted strings)',
      'TXT strings is 300 octets long; a character-string holds at most 255 (split it into several quoted strings)',
    ]);
  });

  it('accepts a character-string of exactly 255 octets, escapes counted as one octet', () => {
    const result = parse('TXT', `"${'\\065'.repeat(255)}"`);
    expect((result.data as TxtData).strings[0]!.length).toBe(255);
  });

  it('names the unknown type', () => {
    expect(parse('FOO', '1').problems[0]!.message).toBe('unknown RR type FOO: use a type mnemonic such as A, MX or TXT, or TYPEnnn');
    expect(parse('ANY', '1').problems[0]!.message).toContain('ANY is a query or meta type');
  });
});

describe('zone-file forms', () => {
  it('reads relative names against the origin and keeps them relative without one', () => {
    expect(formatRdata('MX', parse('MX', '10 mail').data!)).toBe('10 mail.example.');
    expect(formatRdata('MX', parse('MX', '10 mail', null).data!)).toBe('10 mail');
    expect(parse('CNAME', '@', null).problems[0]!.message).toContain('"@" used where no origin is known');
  });

  it('prints names relative to an origin for the generator', () => {
    const soa = parse('SOA', 'dns.provider.org. hostmaster 2024010101 7200 3600 1209600 3600').data!;
    expect(formatRdata('SOA', soa, ORIGIN)).toBe('dns.provider.org. hostmaster 2024010101 7200 3600 1209600 3600');
    expect(formatRdata('CNAME', parse('CNAME', '@').data!, ORIGIN)).toBe('@');
    expect(formatRdata('SRV', parse('SRV', '0 0 993 imap.example.').data!, ORIGIN)).toBe('0 0 993 imap');
  });

  it('uses the field names of the typed views in record.ts', () => {
    expect(Object.keys(parse('SOA', 'a b 1 2 3 4 5').data!)).toEqual(['mname', 'rname', 'serial', 'refresh', 'retry', 'expire', 'minimum']);
    expect(Object.keys(parse('MX', '1 a').data!)).toEqual(['preference', 'exchange']);
    expect(Object.keys(parse('SRV', '1 2 3 a').data!)).toEqual(['priority', 'weight', 'port', 'target']);
    expect(Object.keys(parse('CAA', '0 issue x').data!)).toEqual(['flags', 'tag', 'value']);
    expect(parse('AAAA', '2001:DB8::1').data).toEqual({ address: '2001:db8::1' });
    expect((parse('TXT', 'a "b c"').data as TxtData).strings.map((s) => Buffer.from(s).toString())).toEqual(['a', 'b c']);
  });
});

describe('wire form', () => {
  const cases: [string, string, string][] = [
    ['A', '192.0.2.1', 'c0000201'],
    ['AAAA', '2001:db8::1', '20010db8000000000000000000000001'],
    ['MX', '10 mail.example.', '000a046d61696c076578616d706c6500'],
    ['SRV', '0 5 993 imap.example.', '0000000503e104696d6170076578616d706c6500'],
    ['TXT', '"ab" ""', '02616200'],
    ['SOA', '. . 1 2 3 4 5', '0000' + '00000001' + '00000002' + '00000003' + '00000004' + '00000005'],
    ['CAA', '0 issue "ca.example"', '0005697373756563612e6578616d706c65'],
  ];
  it.each(cases)('%s %s', (type, text, expected) => {
    expect(hex(rdataToWire(type, parse(type, text).data!))).toBe(expected);
  });

  it('encodes an NSEC type bitmap in windows (RFC 4034 §4.1.2)', () => {
    // "a." then window 0 (A=1, MX=15: 2 octets) and window 4 (TYPE1234 = 4*256+210: 27 octets).
    const wire = rdataToWire('NSEC', parse('NSEC', 'a. A MX TYPE1234').data!);
    expect(hex(wire.subarray(0, 7))).toBe('01610000024001');
    expect(wire[7]).toBe(4);
    expect(wire[8]).toBe(27);
    expect(wire[9 + 26]).toBe(0x20);
    expect(wire.length).toBe(9 + 27);
  });

  it('keeps the case of names: differently written names are different data', () => {
    const lower = rdataToWire('MX', parse('MX', '10 mail').data!);
    const upper = rdataToWire('MX', parse('MX', '10 MAIL').data!);
    expect(hex(lower)).not.toBe(hex(upper));
  });

  it('decodes \\# data of a known type into its fields, equal to the native form', () => {
    const generic = parse('SRV', '\\# 9 0000 0005 03E1 01 61 00');
    expect(generic.problems).toEqual([]);
    expect(formatRdata('SRV', generic.data!)).toBe('0 5 993 a.');
    expect(hex(rdataToWire('SRV', generic.data!))).toBe(hex(rdataToWire('SRV', parse('SRV', '0 5 993 a.').data!)));
    expect(formatRdata('TYPE15', parse('TYPE15', '10 mail').data!)).toBe('10 mail.example.');
  });

  it('keeps unknown types opaque', () => {
    const data = parse('TYPE65280', '\\# 2 ABCD').data!;
    expect(hex(rdataToWire('TYPE65280', data))).toBe('abcd');
    expect(formatRdata('TYPE65280', data)).toBe('\\# 2 ABCD');
  });
});

describe('data built in code', () => {
  it('prints AAAA in canonical form whatever form it was built in', () => {
    expect(formatRdata('AAAA', { address: '2001:DB8:0:0:0:0:0:1' })).toBe('2001:db8::1');
  });

  it('refuses to print or encode values no reading could give, so nothing odd reaches a zone file', () => {
    expect(() => formatRdata('A', { address: '192.0.2.1 ; injected' })).toThrow('record data holds "192.0.2.1 ; injected" as an IPv4 address');
    expect(() => formatRdata('AAAA', { address: 'fe80::1%eth0' })).toThrow('as an IPv6 address');
    expect(() => formatRdata('MX', { preference: 70000, exchange: Name.from('mail.example.') })).toThrow('70000, not an integer in 0..65535');
    expect(() => rdataToWire('SRV', { priority: 1.5, weight: 0, port: 0, target: Name.root })).toThrow('not an integer');
    expect(() => formatRdata('CAA', { flags: 0, tag: 'issue\n@ A', value: new Uint8Array(0) })).toThrow('as a CAA tag');
    expect(() => formatRdata('MX', { preference: 10 })).toThrow('record data has no field "exchange"');
  });
});

describe('type and class names for the parser', () => {
  it('knows mnemonics in any case and TYPEnnn', () => {
    expect(isKnownType('mx')).toBe(true);
    expect(isKnownType('TYPE65534')).toBe(true);
    expect(isKnownType('TYPE65536')).toBe(false);
    expect(isKnownType('IN')).toBe(false);
    expect(isKnownType('mail')).toBe(false);
    expect(typeCodeOf('https')).toBe(65);
    expect(typeCodeOf('TYPE15')).toBe(15);
    expect(typeMnemonic(15)).toBe('MX');
    expect(typeMnemonic(65534)).toBe('TYPE65534');
  });

  it('knows classes', () => {
    expect(['IN', 'in', 'CH', 'CHAOS', 'HS', 'HESIOD', 'NONE', 'ANY', 'CLASS42'].every(isClass)).toBe(true);
    expect(isClass('INN')).toBe(false);
    expect(isClass('CLASS70000')).toBe(false);
    expect(normalizeClass('chaos')).toBe('CH');
    expect(normalizeClass('CLASS1')).toBe('IN');
    expect(normalizeClass('CLASS42')).toBe('CLASS42');
    expect(normalizeClass('MX')).toBeUndefined();
  });
});

describe('properties', () => {
  const octets = fc.uint8Array({ maxLength: 255 });

  it('prints any TXT data as text that reads back to the same octets, on one line, with ; ( ) only inside quotes', () => {
    fc.assert(
      fc.property(fc.array(octets, { minLength: 1, maxLength: 4 }), (strings) => {
        const text = formatRdata('TXT', { strings });
        expect(text).not.toMatch(/[\n\r]/);
        const again = parse('TXT', text);
        expect(again.problems).toEqual([]);
        expect((again.data as TxtData).strings.map(hex)).toEqual(strings.map(hex));
      }),
    );
  });

  it('decodes any \\# octets of every type either to data that prints and reads back to the same octets, or to a problem', () => {
    const types = Object.keys(TYPE_CODES).filter((type) => isKnownType(type));
    // Random octets, and octets built from pieces record data is made of (small numbers, labels, the root).
    const piece = fc.oneof(
      fc.uint8Array({ maxLength: 6 }),
      fc.constantFrom(Uint8Array.of(0), Uint8Array.of(0, 1), Uint8Array.of(1, 0x61), Uint8Array.of(3, 0x61, 0x62, 0x63), Uint8Array.of(0x20)),
    );
    const wireLike = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.array(piece, { maxLength: 10 }).map((parts) => Uint8Array.from(parts.flatMap((p) => [...p]))),
    );
    fc.assert(
      fc.property(fc.constantFrom(...types), wireLike, (type, bytes) => {
        const generic = `\\# ${bytes.length} ${hex(bytes)}`;
        const result = parse(type, generic);
        if (!result.data) {
          expect(result.problems.length).toBeGreaterThan(0);
          return;
        }
        expect(hex(rdataToWire(type, result.data))).toBe(hex(bytes));
        const printed = formatRdata(type, result.data);
        expect(printed).not.toMatch(/[\n\r]/);
        const again = parse(type, printed, null);
        expect(again.problems, `${type} ${generic} printed as ${printed}`).toEqual([]);
        expect(hex(rdataToWire(type, again.data!))).toBe(hex(bytes));
      }),
      { numRuns: Number(process.env.RDATA_RUNS ?? 20000) },
    );
  });

  it('never throws, whatever the tokens, for every type in the corpus', () => {
    const types = ['A', 'AAAA', 'NS', 'MX', 'SRV', 'TXT', 'SOA', 'CAA', 'DS', 'DNSKEY', 'KEY', 'RRSIG', 'NSEC', 'NSEC3', 'SVCB', 'HTTPS', 'LOC', 'APL', 'WKS', 'IPSECKEY', 'AMTRELAY', 'HIP', 'NAPTR', 'CERT', 'DOA', 'ATMA', 'X25', 'URI', 'TYPE65534', 'NULL'];
    const token = fc.oneof(
      fc.constantFrom('0', '1', '65535', '4294967296', '-1', '.', '@', 'a', '\\#', 'N', 'E', 'alpn=h2', 'port=', 'key7', '1:1.2.3.4/8', 'AAAA', '=', '\\', '\\0'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.array(token, { maxLength: 12 }), (type, texts) => {
        const tokens = texts.map((text, i) => ({ text, quoted: false, line: 1, column: i * 10 + 1 }));
        const result = parseRdata(type, tokens, ORIGIN);
        if (result.data) {
          const printed = formatRdata(type, result.data);
          const again = parse(type, printed);
          expect(again.problems).toEqual([]);
          expect(hex(rdataToWire(type, again.data!))).toBe(hex(rdataToWire(type, result.data)));
        } else expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: Number(process.env.RDATA_RUNS ?? 3000) },
    );
  });
});
