import { duplicateRecord } from '../../src/lint/rules/duplicate-record.js';
import { missingTtl } from '../../src/lint/rules/missing-ttl.js';
import { rrsetTtlMismatch } from '../../src/lint/rules/rrset-ttl-mismatch.js';
import { singleNameserver } from '../../src/lint/rules/single-nameserver.js';
import { HEAD, ruleTester } from './helpers.js';

const NO_TTL = HEAD.replace('$TTL 3600\n', '');

ruleTester(singleNameserver, {
  valid: [HEAD, `${HEAD}\nsub IN NS ns1.sub`],
  invalid: [
    {
      zone: '@ IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n@ IN NS dns.example.net.',
      errors: [{ line: 2, message: /single NS record.*at least two/ }],
    },
  ],
});

ruleTester(rrsetTtlMismatch, {
  valid: [HEAD, `${HEAD}\nwww 300 IN A 192.0.2.1\nwww 300 IN A 192.0.2.2\nwww 60 IN AAAA 2001:db8::1`],
  invalid: [
    {
      zone: `${HEAD}\nwww 300 IN A 192.0.2.1\nwww 600 IN A 192.0.2.2`,
      errors: [{ line: 8, column: 5, message: /TTL 600 differs from 300, the TTL of the first A of www\.example\.com\. \(line 7\).*BIND uses 300/ }],
    },
  ],
});

ruleTester(duplicateRecord, {
  valid: [HEAD, `${HEAD}\nwww IN A 192.0.2.1\nwww IN A 192.0.2.2\nweb IN A 192.0.2.1`],
  invalid: [
    {
      // Same data written differently: relative against absolute, TTL unit against seconds.
      zone: `${HEAD}\n@ 1h IN MX 10 mail\n@ 3600 IN MX 10 mail.example.com.`,
      errors: [{ line: 8, message: /duplicate of the MX record of example\.com\. at line 7/ }],
    },
  ],
});

ruleTester(missingTtl, {
  valid: [HEAD, '@ 3600 IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n@ 3600 IN NS ns1'],
  invalid: [
    {
      zone: NO_TTL,
      errors: [{ line: 1, column: 1, message: /no \$TTL directive: BIND uses the SOA minimum \(3600, 1h\) for the 5 records without a TTL.*`\$TTL 3600`/ }],
    },
  ],
});
