import { cnameAndOtherData } from '../../src/lint/rules/cname-and-other-data.js';
import { HEAD, ruleTester } from './helpers.js';

ruleTester(cnameAndOtherData, {
  valid: [`${HEAD}\nwww IN CNAME ns1`, `${HEAD}\nwww IN CNAME web.example.net.\nweb IN A 192.0.2.8`],
  invalid: [
    {
      zone: `${HEAD}\nwww IN CNAME ns1\nwww IN A 192.0.2.9`,
      errors: [{ line: 7, message: /www\.example\.com\. has a CNAME and also A \(line 8\)/ }],
    },
    {
      zone: `${HEAD}\n@ IN CNAME other.example.net.`,
      errors: [{ line: 7, message: /CNAME at the zone apex example\.com\./ }],
    },
    {
      zone: `${HEAD}\nwww IN CNAME ns1\nwww IN CNAME ns2`,
      errors: [{ line: 7, message: /2 CNAME records/ }],
    },
  ],
});
