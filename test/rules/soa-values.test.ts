import { soaValues } from '../../src/lint/rules/soa-values.js';
import { HEAD, ruleTester } from './helpers.js';

const soa = (refresh: string, retry: string, expire: string, minimum: string) =>
  `@ IN SOA ns1 hostmaster 1 ${refresh} ${retry} ${expire} ${minimum}`;

ruleTester(soaValues, {
  valid: [HEAD, soa('1d', '2h', '1000h', '1h'), soa('14400', '3600', '604800', '300')],
  invalid: [
    {
      // The seed's timers, one per line as written there.
      zone: '@ IN SOA ns1 hostmaster 4 900 600 86400 3600',
      errors: [
        { line: 1, column: 27, severity: 'info', message: /refresh 900 \(15m\) is below Zonemaster's 14400/ },
        { line: 1, column: 31, severity: 'info', message: /retry 600 \(10m\) is below/ },
        { line: 1, column: 35, severity: 'warning', message: /expire 86400 \(1d\) is below Zonemaster's minimum of 604800.*RFC 1912 §2\.2/ },
      ],
    },
    {
      zone: soa('1w', '1w', '5d', '2d'),
      errors: [
        { line: 1, severity: 'info', message: /retry .* is not shorter than refresh/ },
        { line: 1, severity: 'warning', message: /expire .* is below/ },
        { line: 1, severity: 'info', message: /minimum 172800/ },
      ],
    },
    { zone: soa('30d', '1h', '2w', '60'), errors: [{ line: 1, message: /shorter than refresh/ }, { line: 1, severity: 'info' }] },
  ],
});
