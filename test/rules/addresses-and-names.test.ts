import { expect, it } from 'vitest';
import { nameSyntax } from '../../src/lint/rules/name-syntax.js';
import { nullMxMixed } from '../../src/lint/rules/null-mx-mixed.js';
import { nonPublicRange, privateAddress } from '../../src/lint/rules/private-address.js';
import { targetIsAddress } from '../../src/lint/rules/target-is-address.js';
import { HEAD, ruleTester } from './helpers.js';

ruleTester(privateAddress, {
  valid: [
    // The documentation ranges are what examples should use.
    `${HEAD}\na IN A 198.51.100.7\nb IN A 203.0.113.9\nc IN AAAA 2001:db8::1\nd IN A 8.8.8.8\ne IN AAAA 2a00:1450::1`,
  ],
  invalid: [
    {
      zone: `${HEAD}\n@ IN A 192.168.0.100\nadsc IN A 192.168.0.101`,
      errors: [
        { line: 7, column: 8, message: /example\.com\. has the RFC 1918 private address 192\.168\.0\.100/ },
        { line: 8, message: /adsc\.example\.com\./ },
      ],
    },
    {
      zone: `${HEAD}\na IN A 10.0.0.1\nb IN A 100.64.1.1\nc IN A 127.0.0.1\nd IN A 169.254.0.1\ne IN AAAA fd00::1\nf IN AAAA fe80::1\ng IN AAAA ::1`,
      errors: [
        { line: 7, message: /RFC 1918/ },
        { line: 8, message: /CGNAT/ },
        { line: 9, message: /loopback/ },
        { line: 10, message: /link-local/ },
        { line: 11, message: /unique local/ },
        { line: 12, message: /link-local/ },
        { line: 13, message: /loopback/ },
      ],
    },
  ],
});

it('judges an IPv4-mapped IPv6 address by its IPv4 address', () => {
  expect(nonPublicRange('::ffff:10.1.2.3')).toMatch(/RFC 1918/);
  expect(nonPublicRange('::ffff:192.0.2.1')).toBeUndefined();
});

ruleTester(nullMxMixed, {
  valid: [`${HEAD}\n@ IN MX 0 .`, `${HEAD}\n@ IN MX 10 mx1.example.net.\n@ IN MX 20 mx2.example.net.`],
  invalid: [
    {
      zone: `${HEAD}\n@ IN MX 0 .\n@ IN MX 10 mx.example.net.`,
      errors: [{ line: 7, message: /null MX.*and 1 other MX record\(s\) \(first at line 7\).*RFC 7505 §3/ }],
    },
    { zone: `${HEAD}\n@ IN MX 10 .`, errors: [{ line: 7, severity: 'warning', message: /preference 10 should be 0/ }] },
  ],
});

ruleTester(targetIsAddress, {
  valid: [`${HEAD}\n@ IN MX 10 mx1.example.net.`, `${HEAD}\nwww IN CNAME web`],
  invalid: [
    {
      zone: `${HEAD}\n@ IN MX 10 192.0.2.25\nwww IN CNAME 192.0.2.80.`,
      errors: [
        { line: 7, column: 12, message: /MX target `192\.0\.2\.25` is an address.*`mail A 192\.0\.2\.25`/ },
        { line: 8, message: /CNAME target/ },
      ],
    },
  ],
});

ruleTester(nameSyntax, {
  valid: [
    `${HEAD}\n*.www IN A 192.0.2.1\n_dmarc IN TXT v=DMARC1;p=none\n_imaps._tcp IN SRV 0 1 993 ns1\n3com IN A 192.0.2.2`,
    `${HEAD}\nxn--bcher-kva IN A 192.0.2.1`,
    // In a zone file, host-name syntax is the parser's check-names (the zone problem comes to this rule).
    `${HEAD}\nmail_server IN A 192.0.2.1\n-bad IN A 192.0.2.2\n@ IN MX 10 smtp_out.example.net.`,
  ],
  invalid: [
    {
      zone: `${HEAD}\nbücher IN A 192.0.2.1\nbücher IN AAAA 2001:db8::1`,
      errors: [{ line: 7, message: /bücher\.example\.com is written in raw UTF-8.*`xn--bcher-kva\.example\.com\.`/ }],
    },
  ],
});
