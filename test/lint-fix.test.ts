/**
 * The repairs themselves, on text: which repair missing-ttl offers in each of BIND's TTL cases, and how
 * the fixer applies repairs (whole or not at all, bytes kept outside the edited lines).
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { lintZoneText } from '../src/lint/engine.js';
import { applyFixes, applyFixesToBytes } from '../src/lint/fix.js';
import { zoneReading } from '../src/lint/fix-file.js';
import { Name } from '../src/zone/name.js';

const FILE = 'z.dns';
const SOA = '@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 14400 3600 1209600 600\n@ NS ns1.example.net.\n@ NS ns2.example.org.\n';

function missingTtl(text: string, includes: Record<string, string> = {}): Diagnostic | undefined {
  const result = lintZoneText(text, {
    file: FILE,
    origin: Name.from('example.com.'),
    readInclude: (path) => (path in includes ? { file: path, text: includes[path]! } : { error: 'file not found' }),
  });
  return result.diagnostics.find((d) => d.rule === 'missing-ttl' && d.line === 1 && d.column === 1);
}

describe('missing-ttl repairs', () => {
  it('one TTL for every record that took the last one written, also in an included file: $TTL with it', () => {
    const d = missingTtl(`${SOA}$INCLUDE hosts.dns\n`, { 'hosts.dns': 'www A 192.0.2.1\n' });
    expect(d?.fix).toEqual([{ line: 1, column: 1, endColumn: 1, text: '$TTL 3600\n' }]);
  });

  it('TTLs that differ, one of them in an included file: no repair (only the zone file is rewritten)', () => {
    const d = missingTtl(`${SOA}www 300 A 192.0.2.1\n$INCLUDE hosts.dns\n`, { 'hosts.dns': 'mail A 192.0.2.2\n' });
    expect(d?.message).toMatch(/those differ \(3600, 300, \.\.\.\): no single \$TTL keeps them/);
    expect(d?.fix).toBeUndefined();
  });

  it('a record BIND refuses for want of any TTL: reported, and no repair guesses its TTL', () => {
    const found = lintZoneText(`www A 192.0.2.1\n${SOA}mail A 192.0.2.2\n`, { file: FILE, origin: Name.from('example.com.') }).diagnostics;
    const missing = found.filter((d) => d.rule === 'missing-ttl');
    expect(missing.map((d) => [d.line, d.severity])).toEqual([[1, 'error'], [3, 'warning']]);
    expect(missing.every((d) => d.fix === undefined)).toBe(true);
  });

  it('a $TTL after records that took the last TTL: only those records get theirs written', () => {
    const text = `${SOA}www 300 A 192.0.2.1\nmail A 192.0.2.2\n$TTL 60\nftp A 192.0.2.3\n`;
    const d = missingTtl(text)!;
    expect(applyFixes(text, FILE, [d]).text).toBe(
      '@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 1 14400 3600 1209600 600\n@ 3600 NS ns1.example.net.\n@ 3600 NS ns2.example.org.\n' +
        'www 300 A 192.0.2.1\nmail 300 A 192.0.2.2\n$TTL 60\nftp A 192.0.2.3\n',
    );
  });
});

const diagnostic = (rule: string, fix: Diagnostic['fix']): Diagnostic => ({ file: FILE, line: 1, column: 1, severity: 'error', rule, message: '', fix });

describe('applying repairs', () => {
  it('a repair with one edit that clashes with one already taken is not made at all', () => {
    // Columns count characters: U+00A0 (two octets, C2 A0) is column 2.
    const first = diagnostic('non-ascii-whitespace', [{ line: 1, column: 2, endColumn: 3, text: ' ' }]);
    const second = diagnostic('missing-ttl', [
      { line: 2, column: 1, endColumn: 1, text: 'X' },
      { line: 1, column: 2, endColumn: 4, text: 'Y' },
    ]);
    const outcome = applyFixes('a\u00a0b\nc', FILE, [first, second]);
    expect(outcome.text).toBe('a b\nc');
    expect([...outcome.applied]).toEqual([['non-ascii-whitespace', 1]]);
  });

  it('an insertion at the start of a replaced range goes before the replacement', () => {
    const outcome = applyFixes('\u00a0x', FILE, [
      diagnostic('non-ascii-whitespace', [{ line: 1, column: 1, endColumn: 2, text: ' ' }]),
      diagnostic('missing-ttl', [{ line: 1, column: 1, endColumn: 1, text: '$TTL 1\n' }]),
    ]);
    expect(outcome.text).toBe('$TTL 1\n x');
  });

  it('bytes: only the edited ranges change, on any line, UTF-8 or not; the text of an edit is written as UTF-8', () => {
    const bytes = Buffer.from([0x61, 0x0a, 0xe9, 0x78, 0xff, 0x0a, 0x62, 0x0a]); // "a\n\xe9x\xff\nb\n"
    const outcome = applyFixesToBytes(bytes, FILE, [
      diagnostic('missing-ttl', [{ line: 3, column: 2, endColumn: 2, text: '\u00e9' }]),
      diagnostic('non-ascii-whitespace', [{ line: 2, column: 2, endColumn: 3, text: ' ' }]),
    ]);
    expect(Buffer.from(outcome.bytes)).toEqual(Buffer.from([0x61, 0x0a, 0xe9, 0x20, 0xff, 0x0a, 0x62, 0xc3, 0xa9, 0x0a]));
  });
});

describe('the check before writing: what the zone means', () => {
  const read = (text: string) => zoneReading(text, { file: FILE, origin: Name.from('example.com.') });
  const zone = `$TTL 300\n${SOA}www A 192.0.2.1\n`;

  it('is the same for the same records written otherwise (a $TTL made explicit, other blanks)', () => {
    const explicit = `${SOA.replace(/@ NS/g, '@   300 NS')}www\t300\tIN A 192.0.2.1\n`;
    expect(read(explicit)).toEqual(read(zone));
  });

  it('differs when a TTL, a name or data differs', () => {
    const base = read(zone).digest;
    expect(read(zone.replace('$TTL 300', '$TTL 301')).digest).not.toBe(base);
    expect(read(zone.replace('www', 'ww')).digest).not.toBe(base);
    expect(read(zone.replace('192.0.2.1', '192.0.2.2')).digest).not.toBe(base);
  });

  it('says when BIND refuses the zone as it is', () => {
    expect(read(zone).refused).toBe(false);
    expect(read(`${zone}www CNAME other.example.net.\n`).refused).toBe(true);
    expect(read(`${zone}bad A 192.0.2.300\n`).refused).toBe(true);
  });
});
