import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Name } from '../src/zone/name.js';

// Name.parse keeps the text of plain names as their presentation form instead of rebuilding it;
// these check that the kept text is exactly what the labels would print, for any input.
const printable = fc.string({ unit: fc.constantFrom('a', 'B', '0', '-', '_', '*', '/', '.', '\\', '"', '@', ' ', '\u00e9', ';'), maxLength: 40 });
const origins = [undefined, Name.root, Name.from('example.com.'), Name.from('Sub.Example.'), Name.from('rel.zone')];

function rebuilt(name: Name): string {
  return Name.fromLabels([...name.labels], name.isAbsolute).toString();
}

describe('Name.parse presentation text', () => {
  it('equals the text the labels print, for any text and origin', () => {
    fc.assert(
      fc.property(printable, fc.constantFrom(...origins), (text, origin) => {
        const result = Name.parse(text, origin);
        if (!result.ok) return;
        expect(result.name.toString()).toBe(rebuilt(result.name));
        expect(result.name.key).toBe(rebuilt(result.name).replace(/[A-Z]/g, (c) => c.toLowerCase()));
      }),
      { numRuns: 3000 },
    );
  });

  it('joins a relative name to its origin and keeps the case as written', () => {
    const name = Name.from('Mail.Host', Name.from('Example.COM.'));
    expect(name.labels).toEqual(['Mail', 'Host', 'Example', 'COM']);
    expect(name.toString()).toBe('Mail.Host.Example.COM.');
    expect(name.key).toBe('mail.host.example.com.');
    expect(Name.from('host', Name.root).toString()).toBe('host.');
    expect(Name.from('host').toString()).toBe('host');
    expect(Name.from('host').isAbsolute).toBe(false);
  });

  it('still refuses empty labels and over-long labels and names', () => {
    expect(Name.parse('a..b.').ok).toBe(false);
    expect(Name.parse('.a').ok).toBe(false);
    expect(Name.parse(`${'x'.repeat(64)}.`).ok).toBe(false);
    expect(Name.parse(`${'x'.repeat(63)}.`).ok).toBe(true);
    const label = 'y'.repeat(63);
    expect(Name.parse(`${label}.${label}.${label}.${label}.`).ok).toBe(false);
    // 3 x 64 + 63 + 1 (root) = 256 octets, one too many; with 61 z it is 255.
    expect(Name.parse(`${label}.${label}.${label}`, Name.from(`${'z'.repeat(62)}.`)).ok).toBe(false);
    expect(Name.parse(`${label}.${label}.${label}`, Name.from(`${'z'.repeat(61)}.`)).ok).toBe(true);
  });
});
