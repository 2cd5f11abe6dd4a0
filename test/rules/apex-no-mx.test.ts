import { apexNoMx } from '../../src/lint/rules/apex-no-mx.js';
import { HEAD, ruleTester } from './helpers.js';

ruleTester(apexNoMx, {
  valid: [
    HEAD,
    `${HEAD}\n@ IN MX 10 mail\nmail IN A 192.0.2.3\n_imaps._tcp IN SRV 0 1 993 mail`,
    `${HEAD}\n@ IN MX 0 .\nsub IN MX 10 mail.example.net.`,
    // A CalDAV SRV does not make a zone a mail zone.
    `${HEAD}\n_caldavs._tcp IN SRV 0 1 443 dav\ndav IN A 192.0.2.4`,
  ],
  invalid: [
    {
      zone: `${HEAD}\ninbound IN A 192.0.2.111\n    IN MX 10 inbound.example.com.`,
      errors: [{ line: 2, message: /example\.com\. has no MX.*the MX at inbound\.example\.com\..*line 8.*add `example\.com\. \d+ IN MX 10 inbound\.example\.com\.`/ }],
    },
    {
      zone: `${HEAD}\n_submissions._tcp IN SRV 0 1 465 ns1`,
      errors: [{ line: 2, message: /_submissions\._tcp\.example\.com\..*add an MX for example\.com\./ }],
    },
  ],
});
