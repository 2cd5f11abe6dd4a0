import { describe, expect, it } from 'vitest';
import { rdataTextProblem, splitCharacterStrings, txtTextProblem } from '../src/spec/values.js';
import { Name } from '../src/zone/name.js';
import { hostnameProblem, parseSpecName } from '../src/spec/names.js';

const origin = Name.from('example.com.');
const nameOf = (text: string) => {
  const r = parseSpecName(text, origin);
  return r.ok ? r.name.toString() : `ERROR ${r.error}`;
};

describe('the spec name rule', () => {
  it('@ is the apex, no dot is relative, a dot is absolute with or without the trailing dot', () => {
    expect(nameOf('@')).toBe('example.com.');
    expect(nameOf('mail')).toBe('mail.example.com.');
    expect(nameOf('_dmarc')).toBe('_dmarc.example.com.');
    expect(nameOf('dns.mydnsprovider.org')).toBe('dns.mydnsprovider.org.');
    expect(nameOf('dns.mydnsprovider.org.')).toBe('dns.mydnsprovider.org.');
    expect(nameOf('imap.mail')).toBe('imap.mail.');
    expect(nameOf('*')).toBe('*.example.com.');
  });

  it('rejects non-ASCII names and says the punycode form', () => {
    expect(nameOf('bücher')).toMatch(/not ASCII.*use "xn--bcher-kva"/);
    expect(nameOf('shop.bücher.example')).toMatch(/use "shop.xn--bcher-kva.example"/);
  });

  it('rejects over-long labels and names, escapes, blanks and misplaced wildcards', () => {
    expect(nameOf('a'.repeat(64))).toMatch(/label of 64 octets is longer than 63/);
    expect(nameOf('a'.repeat(63))).toBe('a'.repeat(63) + '.example.com.');
    expect(nameOf(Array(64).fill('abc').join('.'))).toMatch(/name of 257 octets is longer than 255/);
    expect(nameOf('a\\.b')).toMatch(/contains "\\\\"/);
    expect(nameOf('a b')).toMatch(/contains " "/);
    expect(nameOf('a;b')).toMatch(/contains ";"/);
    expect(nameOf('a..b')).toMatch(/empty label/);
    expect(nameOf('w*w')).toMatch(/whole first label/);
    expect(nameOf('a.*.example.com')).toMatch(/whole first label/);
  });

  it('host names are letters, digits and inner hyphens', () => {
    expect(hostnameProblem(Name.from('mail-1.example.com.'), false)).toBeUndefined();
    expect(hostnameProblem(Name.from('_x.example.com.'), false)).toMatch(/label "_x"/);
    expect(hostnameProblem(Name.from('-a.example.com.'), false)).toMatch(/label "-a"/);
    expect(hostnameProblem(Name.from('*.example.com.'), true)).toBeUndefined();
    expect(hostnameProblem(Name.from('*.example.com.'), false)).toMatch(/label "\*"/);
  });
});

describe('values that reach the zone file', () => {
  it('TXT text is split into character-strings of at most 255 octets, never inside a character', () => {
    const ascii = 'x'.repeat(600);
    expect(splitCharacterStrings(ascii).map((s) => s.length)).toEqual([255, 255, 90]);
    const umlauts = 'ü'.repeat(200); // 2 octets each
    const pieces = splitCharacterStrings(umlauts);
    expect(pieces.map((s) => s.length)).toEqual([254, 146]);
    expect(Buffer.concat(pieces).toString('utf8')).toBe(umlauts);
    expect(splitCharacterStrings('')).toEqual([new Uint8Array()]);
  });

  it('TXT text may not hold line breaks or control characters', () => {
    expect(txtTextProblem('v=spf1 -all; "quoted" \\ ok')).toBeUndefined();
    expect(txtTextProblem('one\ntwo')).toMatch(/line break at character 4/);
    expect(txtTextProblem('a\u0000b')).toMatch(/U\+0000/);
  });

  it('record data can never add a line, a comment or a group of lines', () => {
    expect(rdataTextProblem('0 issue "ca.example; x=(1)"')).toBeUndefined();
    expect(rdataTextProblem('10 mail\nwww IN A 192.0.2.1')).toMatch(/line break/);
    expect(rdataTextProblem('0 issue ca.example; evil')).toMatch(/";" at character 19 would start a comment/);
    expect(rdataTextProblem('host (')).toMatch(/"\(" at character 6 would group lines/);
    expect(rdataTextProblem('"open')).toMatch(/unclosed quote/);
    expect(rdataTextProblem('a \\"; b')).toMatch(/";" at character 5/);
    expect(rdataTextProblem('ends\\')).toMatch(/lone backslash/);
    expect(rdataTextProblem('a \\; b')).toBeUndefined();
  });
});
