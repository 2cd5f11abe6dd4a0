import { targetNoAddress } from '../../src/lint/rules/target-no-address.js';
import { HEAD, ruleTester } from './helpers.js';

ruleTester(targetNoAddress, {
  valid: [
    HEAD,
    // Out of the zone: not verified here.
    `${HEAD}\n@ IN MX 10 mx.example.net.`,
    // Below a delegation: the child zone holds the addresses.
    `${HEAD}\nsub IN NS ns.sub\n@ IN MX 10 mx.sub`,
    // Not offered.
    `${HEAD}\n_imap._tcp IN SRV 0 0 0 .`,
    `${HEAD}\n@ IN MX 10 mail\nmail IN AAAA 2001:db8::3`,
  ],
  invalid: [
    {
      // The seed's NS without its dot lands inside the zone, where it has no address.
      zone: `${HEAD}\n@ IN NS dns.mydnsprovider.org`,
      errors: [{ line: 7, message: /NS target dns\.mydnsprovider\.org\.example\.com\. .*BIND refuses to load the zone/ }],
    },
    {
      zone: `${HEAD}\n@ IN MX 10 mail\n_imaps._tcp IN SRV 0 1 993 mail`,
      errors: [{ line: 7, message: /MX target mail\.example\.com\..*mail cannot be delivered/ }, { line: 8, message: /SRV target.*clients cannot connect/ }],
    },
  ],
});
