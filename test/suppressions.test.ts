/**
 * Suppression comments in a zone file (src/lint/suppressions.ts): next line, this line, a stretch,
 * with or without a reason; the unused and the malformed reported; `syntax` never silenced; a `;` in
 * a quoted string is data, not a comment. Zones go through the real parser (lintZoneText).
 */
import { describe, expect, it } from 'vitest';
import { lintZoneText, type LintOptions } from '../src/lint/engine.js';
import { ZONE_HEAD } from './helpers/zone-head.js';

const HEAD = `$ORIGIN example.com.\n${ZONE_HEAD}`;

function lint(body: string, options: Partial<LintOptions> = {}) {
  return lintZoneText(`${HEAD}\n${body}\n`, { file: 'example.com.dns', ...options }).diagnostics.map((d) => ({
    line: d.line,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
  }));
}

describe('suppression comments', () => {
  it('the finding stands without a directive (the cases below silence a real one)', () => {
    expect(lint('lan IN A 10.1.1.1').map((d) => [d.line, d.rule])).toEqual([[6, 'private-address']]);
  });

  it('zonesmith-disable-next-line silences the next line, with or without a reason', () => {
    expect(lint('; zonesmith-disable-next-line private-address\nlan IN A 10.1.1.1')).toEqual([]);
    expect(lint('; zonesmith-disable-next-line private-address -- the office LAN, on purpose\nlan IN A 10.1.1.1')).toEqual([]);
    // Only the next line.
    expect(lint('; zonesmith-disable-next-line private-address\nlan IN A 10.1.1.1\nlan2 IN A 10.1.1.2').map((d) => d.line)).toEqual([8]);
  });

  it('zonesmith-disable-line silences its own line; a list names several rules', () => {
    expect(lint('lan IN A 10.1.1.1 ; zonesmith-disable-line private-address')).toEqual([]);
    expect(lint('lan IN A 10.1.1.1 ; zonesmith-disable-line spf-record, private-address')).toEqual([
      { line: 6, rule: 'unused-disable-directive', severity: 'warning', message: expect.stringMatching(/^zonesmith-disable-line spf-record: nothing to suppress on this line/) },
    ]);
  });

  it('zonesmith-disable ... zonesmith-enable silences a stretch; without enable, the rest of the file', () => {
    const stretch = '; zonesmith-disable private-address -- lab hosts\nlan IN A 10.1.1.1\nlan2 IN A 10.1.1.2\n; zonesmith-enable private-address\nlan3 IN A 10.1.1.3';
    expect(lint(stretch).map((d) => [d.line, d.rule])).toEqual([[10, 'private-address']]);
    expect(lint('; zonesmith-disable private-address\nlan IN A 10.1.1.1\nlan3 IN A 10.1.1.3')).toEqual([]);
  });

  it('a directive without rules covers every rule', () => {
    expect(lint('lan IN A 10.1.1.1 ; zonesmith-disable-line')).toEqual([]);
  });

  it('silences whole-zone findings at their line (the SOA for a missing autodiscovery record)', () => {
    const zone = [
      '$ORIGIN example.com.',
      '$TTL 3600',
      '; zonesmith-disable-next-line missing-autodiscovery-record -- clients are set up by hand',
      '@ IN SOA ns1.example.net. hostmaster.example.com. 1 14400 3600 1209600 3600',
      '@ IN NS ns1.example.net.',
      '@ IN NS ns2.example.org.',
      '@ IN MX 10 mail',
      'mail IN A 192.0.2.25',
      '_imaps._tcp IN SRV 0 1 993 mail',
    ].join('\n');
    const plain = lintZoneText(zone.replace(/^; zonesmith.*$/m, ''), { file: 'z.dns' }).diagnostics;
    expect(plain.map((d) => d.rule)).toContain('missing-autodiscovery-record');
    expect(lintZoneText(zone, { file: 'z.dns' }).diagnostics).toEqual([]);
  });

  it('an unused directive is reported, unless asked not to be', () => {
    const unused = '; zonesmith-disable-next-line private-address\npublic IN A 192.0.2.1';
    expect(lint(unused)).toEqual([
      { line: 6, rule: 'unused-disable-directive', severity: 'warning', message: 'zonesmith-disable-next-line private-address: nothing to suppress on line 7; remove the directive (or the rule from it)' },
    ]);
    expect(lint(unused, { reportUnusedDisableDirectives: false })).toEqual([]);
    expect(lint(unused, { rules: { 'unused-disable-directive': 'off' } })).toEqual([]);
  });

  it('a directive that names no rule says so, with the rule meant', () => {
    expect(lint('lan IN A 10.1.1.1 ; zonesmith-disable-line private-adress')).toEqual([
      { line: 6, rule: 'private-address', severity: 'warning', message: expect.any(String) },
      { line: 6, rule: 'unused-disable-directive', severity: 'warning', message: expect.stringMatching(/names "private-adress", which is no rule \(did you mean "private-address"\?\)/) },
    ]);
  });

  it('syntax errors cannot be silenced: BIND refuses the zone whatever a comment says', () => {
    const found = lint('; zonesmith-disable-next-line syntax\nbad IN A 999.1.1.1');
    expect(found.map((d) => d.rule).sort()).toEqual(['syntax', 'unused-disable-directive']);
    expect(found.find((d) => d.rule === 'unused-disable-directive')!.message).toMatch(/cannot silence syntax/);
  });

  it('a ; inside a quoted string is data, not a directive', () => {
    expect(lint('lan IN TXT "x ; zonesmith-disable-line private-address"\nlan IN A 10.1.1.1').map((d) => d.rule)).toEqual(['private-address']);
  });

  it('disable-next-line at the end of a record line is a mistake, and said to be', () => {
    expect(lint('lan IN A 10.1.1.1 ; zonesmith-disable-next-line private-address').map((d) => d.rule)).toEqual(['private-address', 'unused-disable-directive']);
  });

  it('reads directives split across the chunks of a streamed file', () => {
    const text = `${HEAD}\n; zonesmith-disable-next-line private-address\nlan IN A 10.1.1.1\n`;
    const at = text.indexOf('disable-next');
    const chunks = [text.slice(0, at), text.slice(at, at + 5), text.slice(at + 5)];
    expect(lintZoneText(chunks, { file: 'example.com.dns' }).diagnostics).toEqual([]);
  });
});
