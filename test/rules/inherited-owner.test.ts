import { inheritedOwner } from '../../src/lint/rules/inherited-owner.js';
import { HEAD, ruleTester } from './helpers.js';

ruleTester(inheritedOwner, {
  valid: [
    // Same type continues the RRset: the usual way to write several A records.
    `${HEAD}\nwww IN A 192.0.2.10\n    IN A 192.0.2.11`,
    // Blank owner right after the record, no break: deliberate.
    `${HEAD}\nwww IN A 192.0.2.10\n    IN AAAA 2001:db8::10`,
    // After a break, but the inherited name is the apex: the classic SOA/NS/MX block.
    '@ IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n\n    IN NS ns1.example.net.',
  ],
  invalid: [
    {
      // The seed's MX: after a blank line it lands on `inbound`, not on the apex.
      zone: `${HEAD}\ninbound IN A 192.0.2.111\n\n    IN MX 10 inbound.example.com.`,
      errors: [{ line: 9, message: /belongs to inbound\.example\.com\. \(the owner written at line 7\), not to example\.com\./ }],
    },
    {
      zone: `${HEAD}\nwww IN A 192.0.2.10\n; mail\n    IN TXT v=spf1`,
      errors: [{ line: 9, message: /this TXT starts with blanks/ }],
    },
  ],
});
